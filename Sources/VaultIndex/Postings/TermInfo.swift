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
        if reader.failed { throw .corrupt("the dictionary entry's document frequency does not decode") }
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

    /// Decodes a `terms` value, checking what the writer guarantees: at least one block, each of
    /// 1–``BlockCodec/blockSize`` postings whose counts sum to the document frequency, last docs
    /// ascending below the capacity, field masks naming existing fields, 1–``PostingsChunk/frontierLimit``
    /// points per field, and nothing left over.
    /// - Throws: ``IndexError/corrupt(_:)`` saying what is wrong (the caller adds the key).
    static func decode(_ buffer: UnsafeRawBufferPointer, bounds: DecodeBounds = .lenient) throws(IndexError) -> TermInfo {
        var reader = ByteReader(buffer)
        let termID = reader.varint(), df = reader.varint(), next = reader.varint()
        let blockCount = Int(reader.varint())
        // Every block takes at least four bytes.
        guard !reader.failed, blockCount >= 1, blockCount <= reader.remaining / 4 else {
            throw .corrupt("a dictionary entry with \(blockCount) blocks in \(buffer.count) bytes")
        }
        var blocks: [BlockSummary] = []
        blocks.reserveCapacity(blockCount)
        var lastDoc: UInt32 = 0
        var postings: UInt64 = 0
        for index in 0..<blockCount {
            let id = reader.varint()
            let gap = reader.varint()
            let (following, overflow) = lastDoc.addingReportingOverflow(gap)
            guard !overflow, index == 0 || gap > 0, following < bounds.docCapacity else {
                throw .corrupt("block \(index)'s last doc does not ascend below \(bounds.docCapacity)")
            }
            lastDoc = following
            let count = reader.varint(), mask = reader.varint()
            guard id < next else { throw .corrupt("block \(index) has id \(id), not below the next block id \(next)") }
            guard count >= 1, count <= UInt32(BlockCodec.blockSize) else { throw .corrupt("block \(index) claims \(count) postings") }
            guard bounds.isValid(mask: mask) else { throw .corrupt("block \(index) has field mask 0x\(String(mask, radix: 16)) (\(bounds.fieldCount) fields)") }
            postings += UInt64(count)
            var summary: [UInt32] = []
            for _ in 0..<mask.nonzeroBitCount {
                let points = reader.varint()
                guard points >= 1, points <= UInt32(PostingsChunk.frontierLimit) else { throw .corrupt("block \(index) has a frontier of \(points) points") }
                summary.append(points)
                for _ in 0..<(2 * points) { summary.append(reader.varint()) }
            }
            if reader.failed { break }
            blocks.append(BlockSummary(block: id, lastDoc: lastDoc, count: count, fieldMask: mask, bounds: summary))
        }
        if reader.failed || !reader.isAtEnd { throw .corrupt("the dictionary entry does not end where its blocks do") }
        guard postings == UInt64(df) else { throw .corrupt("document frequency \(df), the blocks hold \(postings) postings") }
        return TermInfo(termID: termID, documentFrequency: df, nextBlockID: next, blocks: blocks)
    }
}
