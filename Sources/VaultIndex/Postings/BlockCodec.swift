/// Byte layouts of one postings block (at most ``BlockCodec/blockSize`` postings) and its positions.
///
/// ```
/// postings value:  count: varint | first doc: varint | count-1 doc gaps: varint
///                  | per posting: offset of its frequencies, UInt16 little-endian, relative to the
///                    first byte after this table
///                  | per posting: field mask: varint, per set field: tf varint, field length varint
/// positions value: per posting, per set field: tf positions, first absolute, then gaps (varints)
/// ```
/// Doc numbers come first so that seeking through a block decodes only them; the offset table lets
/// a search read the frequencies of just the one posting it scores, straight from the memory map.
enum BlockCodec {
    /// Postings per block.
    static let blockSize = 128

    static func encodePostings(_ chunk: PostingsChunk) -> [UInt8] {
        var writer = ByteWriter(capacity: chunk.count * 5 + 8)
        writer.varint(chunk.count)
        var previous: UInt32 = 0
        for (i, doc) in chunk.docs.enumerated() {
            writer.varint(i == 0 ? doc : doc - previous)
            previous = doc
        }
        var stats = ByteWriter(capacity: chunk.count * 3)
        var statIndex = 0
        for mask in chunk.masks {
            let offset = stats.bytes.count
            writer.bytes.append(UInt8(truncatingIfNeeded: offset))
            writer.bytes.append(UInt8(truncatingIfNeeded: offset >> 8))
            stats.varint(mask)
            for _ in 0..<mask.nonzeroBitCount {
                stats.varint(chunk.stats[statIndex])
                stats.varint(chunk.stats[statIndex + 1])
                statIndex += 2
            }
        }
        precondition(stats.bytes.count <= 1 << 16, "a block's frequencies fit 64 KiB by construction")
        writer.bytes.append(contentsOf: stats.bytes)
        return writer.bytes
    }

    static func encodePositions(_ chunk: PostingsChunk) -> [UInt8] {
        var writer = ByteWriter(capacity: chunk.positions.count * 2)
        var statIndex = 0, positionIndex = 0
        for mask in chunk.masks {
            for _ in 0..<mask.nonzeroBitCount {
                let tf = Int(chunk.stats[statIndex])
                var previous: UInt32 = 0
                for p in 0..<tf {
                    let position = chunk.positions[positionIndex + p]
                    writer.varint(p == 0 ? position : position - previous)
                    previous = position
                }
                positionIndex += tf
                statIndex += 2
            }
        }
        return writer.bytes
    }

    /// Decodes a block and its positions back into a chunk (the writer's path and the check's).
    ///
    /// Checks what the writer guarantees: 1–``blockSize`` postings with ascending doc numbers below
    /// the capacity; each posting's frequency offset pointing at its frequencies; field masks naming
    /// existing fields; tf ≥ 1; positions ascending within a field; nothing left over in either value.
    /// - Throws: ``IndexError/corrupt(_:)`` saying what is wrong (the caller adds the key).
    static func decode(
        postings: UnsafeRawBufferPointer, positions: UnsafeRawBufferPointer?, bounds: DecodeBounds = .lenient
    ) throws(IndexError) -> PostingsChunk {
        var reader = ByteReader(postings)
        var chunk = PostingsChunk()
        let count = Int(reader.varint())
        guard !reader.failed, count >= 1, count <= blockSize else { throw .corrupt("a postings block of \(count) postings (1–\(blockSize) expected)") }
        var doc: UInt32 = 0
        for i in 0..<count {
            let value = reader.varint()
            let (next, overflow) = doc.addingReportingOverflow(value)
            guard !overflow, i == 0 || value > 0, next < bounds.docCapacity else {
                throw .corrupt("posting \(i) has doc number \(overflow ? "past 2^32" : "\(next)"): doc numbers must ascend below \(bounds.docCapacity)")
            }
            doc = next
            chunk.docs.append(doc)
        }
        let table = reader.offset
        guard table + 2 * count <= postings.count else { throw .corrupt("the frequency offset table runs past the end of the block") }
        reader.offset += 2 * count
        let statsBase = reader.offset
        for i in 0..<count {
            let stored = Int(postings[table + 2 * i]) | Int(postings[table + 2 * i + 1]) << 8
            guard stored == reader.offset - statsBase else { throw .corrupt("the frequency offset of posting \(i) is \(stored), its frequencies start at \(reader.offset - statsBase)") }
            let mask = reader.varint()
            guard bounds.isValid(mask: mask) else { throw .corrupt("posting \(i) has field mask 0x\(String(mask, radix: 16)) (\(bounds.fieldCount) fields)") }
            chunk.masks.append(mask)
            for _ in 0..<mask.nonzeroBitCount {
                let tf = reader.varint()
                guard tf >= 1 else { throw .corrupt("posting \(i) has a term frequency of 0") }
                chunk.stats.append(tf)
                chunk.stats.append(reader.varint())
            }
        }
        if reader.failed || !reader.isAtEnd { throw .corrupt("the frequencies do not end where the block does") }
        if let positions { try decodePositions(positions, into: &chunk) }
        return chunk
    }

    /// Decodes the positions value of a block whose postings `chunk` holds (its positions empty).
    /// - Throws: ``IndexError/corrupt(_:)`` when they do not ascend within a field or do not fill the value exactly.
    static func decodePositions(_ positions: UnsafeRawBufferPointer, into chunk: inout PostingsChunk) throws(IndexError) {
        var totalPositions = 0
        for s in stride(from: 0, to: chunk.stats.count, by: 2) { totalPositions += Int(chunk.stats[s]) }
        guard totalPositions <= positions.count else { throw .corrupt("\(totalPositions) positions cannot fit \(positions.count) bytes") }
        chunk.positions.reserveCapacity(totalPositions)
        var positionReader = ByteReader(positions)
        for s in stride(from: 0, to: chunk.stats.count, by: 2) {
            var position: UInt32 = 0
            for p in 0..<Int(chunk.stats[s]) {
                let value = positionReader.varint()
                let (next, overflow) = position.addingReportingOverflow(value)
                guard !overflow, p == 0 || value > 0 else { throw .corrupt("positions do not ascend within a field") }
                position = next
                chunk.positions.append(position)
            }
        }
        if positionReader.failed || !positionReader.isAtEnd { throw .corrupt("the positions do not end where the block's frequencies say") }
    }
}
