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

    /// Decodes a block and its positions back into a chunk (the writer's path).
    static func decode(postings: UnsafeRawBufferPointer, positions: UnsafeRawBufferPointer?) throws(IndexError) -> PostingsChunk {
        var reader = ByteReader(postings)
        var chunk = PostingsChunk()
        let count = Int(reader.varint())
        guard count <= blockSize * 2 else { throw .corrupt("postings block with \(count) entries") }
        var doc: UInt32 = 0
        for i in 0..<count {
            let value = reader.varint()
            doc = i == 0 ? value : doc &+ value
            chunk.docs.append(doc)
        }
        reader.offset += 2 * count
        for _ in 0..<count {
            let mask = reader.varint()
            chunk.masks.append(mask)
            for _ in 0..<mask.nonzeroBitCount {
                chunk.stats.append(reader.varint())
                chunk.stats.append(reader.varint())
            }
        }
        if reader.failed { throw .corrupt("postings block") }
        if let positions {
            var positionReader = ByteReader(positions)
            var statIndex = 0
            for mask in chunk.masks {
                for _ in 0..<mask.nonzeroBitCount {
                    var position: UInt32 = 0
                    for p in 0..<Int(chunk.stats[statIndex]) {
                        let value = positionReader.varint()
                        position = p == 0 ? value : position &+ value
                        chunk.positions.append(position)
                    }
                    statIndex += 2
                }
            }
            if positionReader.failed { throw .corrupt("positions block") }
        }
        return chunk
    }
}
