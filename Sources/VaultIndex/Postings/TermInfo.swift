/// One block's entry in a term's skip table.
struct BlockSummary: Equatable {
    /// The block's key suffix in `postings`/`positions` (stable while the block lives).
    var block: UInt32
    /// The highest doc number in the block: seeks skip blocks whose `lastDoc` is below the target.
    var lastDoc: UInt32
    /// Postings in the block.
    var count: UInt32
    /// The fields in which any posting of the block occurs.
    var fieldMask: UInt32
    /// Per set bit of `fieldMask`, ascending: a point count n, then n (tf, field length) points, the
    /// field's Pareto frontier in the block (see ``PostingsChunk/summary(block:)``).
    var bounds: [UInt32]
}

/// What the term dictionary (`terms`) holds for one term: its id, document frequency and the skip
/// table of its postings blocks.
///
/// ```
/// term id: varint | df: varint | next block id: varint | block count: varint
/// | per block: block id varint, lastDoc gap varint, count varint, field mask varint,
///              per set field: n varint, then n × (tf varint, field length varint)
/// ```
struct TermInfo: Equatable {
    var termID: UInt32
    var documentFrequency: UInt32
    var nextBlockID: UInt32
    var blocks: [BlockSummary]

    /// The document frequency stored in a `terms` value, without decoding the skip table (the
    /// dictionary walk, prefix lists and df lookups need only this).
    static func documentFrequency(in raw: UnsafeRawBufferPointer) throws(IndexError) -> UInt32 {
        var reader = ByteReader(raw)
        _ = reader.varint()  // term id
        let df = reader.varint()
        if reader.failed { throw .corrupt("term dictionary entry") }
        return df
    }

    func encoded() -> [UInt8] {
        var writer = ByteWriter(capacity: 8 + blocks.count * 8)
        writer.varint(termID)
        writer.varint(documentFrequency)
        writer.varint(nextBlockID)
        writer.varint(blocks.count)
        var previous: UInt32 = 0
        for block in blocks {
            writer.varint(block.block)
            writer.varint(block.lastDoc - previous)
            previous = block.lastDoc
            writer.varint(block.count)
            writer.varint(block.fieldMask)
            for bound in block.bounds { writer.varint(bound) }
        }
        return writer.bytes
    }

    static func decode(_ buffer: UnsafeRawBufferPointer) throws(IndexError) -> TermInfo {
        var reader = ByteReader(buffer)
        let termID = reader.varint(), df = reader.varint(), next = reader.varint()
        let blockCount = Int(reader.varint())
        guard blockCount <= buffer.count else { throw .corrupt("term dictionary entry") }
        var blocks: [BlockSummary] = []
        blocks.reserveCapacity(blockCount)
        var lastDoc: UInt32 = 0
        for _ in 0..<blockCount {
            let id = reader.varint()
            lastDoc &+= reader.varint()
            let count = reader.varint(), mask = reader.varint()
            var bounds: [UInt32] = []
            for _ in 0..<mask.nonzeroBitCount {
                let points = reader.varint()
                guard points <= 64 else { throw .corrupt("term dictionary entry") }
                bounds.append(points)
                for _ in 0..<(2 * points) { bounds.append(reader.varint()) }
            }
            blocks.append(BlockSummary(block: id, lastDoc: lastDoc, count: count, fieldMask: mask, bounds: bounds))
        }
        if reader.failed { throw .corrupt("term dictionary entry") }
        return TermInfo(termID: termID, documentFrequency: df, nextBlockID: next, blocks: blocks)
    }
}
