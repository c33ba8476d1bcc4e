import Testing
import VaultCorpus
@testable import VaultIndex

/// The block codec round-trips postings with positions, and block summaries bound their contents.
@Suite("postings codec")
struct PostingsCodecTests {
    @Test("blocks round-trip and summaries keep each field's exact best score under any normalization")
    func roundTrip() throws {
        var rng = SeededRandom(seed: 99)
        var chunk = PostingsChunk()
        var doc: UInt32 = 0
        for _ in 0..<300 {
            doc += UInt32.random(in: 1...5000, using: &rng)
            var fields: [(field: Int, length: UInt32, positions: [UInt32])] = []
            for field in 0..<3 where Bool.random(using: &rng) || field == 2 {
                var p: UInt32 = 0
                let positions = (0..<Int.random(in: 1...6, using: &rng)).map { _ in p += UInt32.random(in: 1...300, using: &rng); return p }
                fields.append((field, UInt32.random(in: 1...100_000, using: &rng), positions))
            }
            chunk.append(doc: doc, fields: fields)
        }
        let pieces = chunk.split(size: BlockCodec.blockSize)
        #expect(pieces.map(\.count) == [128, 128, 44])
        var joined = PostingsChunk()
        for piece in pieces {
            let postings = BlockCodec.encodePostings(piece), positions = BlockCodec.encodePositions(piece)
            let decoded = try postings.withUnsafeBytes { p in try positions.withUnsafeBytes { q in try BlockCodec.decode(postings: p, positions: q) } }
            #expect(decoded == piece)
            joined.append(contentsOf: decoded)
            let summary = piece.summary(block: 0)
            #expect(summary.lastDoc == piece.docs.last)
            // For any length normalization, a field's best tf / (A + B·len) over the frontier must equal
            // the best over every posting (computed here directly from the postings).
            var frontiers: [Int: [(UInt32, UInt32)]] = [:]
            var cursor = 0
            var mask = summary.fieldMask
            while mask != 0 {
                let field = mask.trailingZeroBitCount
                let n = Int(summary.bounds[cursor])
                frontiers[field] = (0..<n).map { (summary.bounds[cursor + 1 + 2 * $0], summary.bounds[cursor + 2 + 2 * $0]) }
                cursor += 1 + 2 * n
                mask &= mask - 1
            }
            #expect(cursor == summary.bounds.count)
            for _ in 0..<20 {
                let a = Double.random(in: 0.05...1, using: &rng), b = Double.random(in: 0.00001...0.1, using: &rng)
                var exact = [Int: Double]()
                var s = 0
                for m in piece.masks {
                    for f in 0..<3 where m & (1 << UInt32(f)) != 0 {
                        exact[f] = max(exact[f] ?? 0, Double(piece.stats[s]) / (a + b * Double(piece.stats[s + 1])))
                        s += 2
                    }
                }
                for (field, best) in exact {
                    let fromFrontier = frontiers[field]!.map { Double($0.0) / (a + b * Double($0.1)) }.max()!
                    #expect(abs(fromFrontier - best) <= 1e-12 * best, "field \(field): frontier \(fromFrontier), postings \(best)")
                }
            }
        }
        #expect(joined == chunk)
        var removed = chunk
        let victims = Set(chunk.docs.enumerated().filter { $0.offset % 4 == 0 }.map(\.element))
        #expect(removed.remove(docs: victims) == victims.count)
        #expect(removed.docs == chunk.docs.filter { !victims.contains($0) })
    }

    @Test("a truncated block is reported as corrupt, not a crash")
    func truncated() throws {
        var chunk = PostingsChunk()
        chunk.append(doc: 5, fields: [(0, 10, [1, 2, 3])])
        chunk.append(doc: 9, fields: [(1, 4, [0])])
        let bytes = BlockCodec.encodePostings(chunk)
        let cut = Array(bytes.prefix(bytes.count - 2))
        #expect(throws: IndexError.self) { try cut.withUnsafeBytes { try BlockCodec.decode(postings: $0, positions: nil) } }
    }
}
