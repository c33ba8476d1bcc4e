import Testing
import VaultCorpus
@testable import VaultIndex

/// Every decoder of a stored record survives damaged bytes (seeded; `VAULT_TEST_SEED` replays).
/// Valid records (a postings block and its positions, a dictionary entry, a forward index, a
/// stored document, a prefix list, the statistics) are mutated 2,000 times each: bytes changed,
/// cut off, or appended. Properties checked:
/// 1. no decoder traps: each returns or throws ``IndexError/corrupt(_:)``;
/// 2. what decodes respects the bounds: doc numbers ascend below the capacity, field masks name
///    existing fields, a skip table's blocks and postings counts agree with its document frequency.
@Suite("decoders on damaged bytes")
struct DecoderDamageTests {
    static let bounds = DecodeBounds(fieldCount: 3, docCapacity: 5_000)

    /// A valid block of `count` postings over three fields.
    static func chunk(_ count: Int, random: inout SeededRandom) -> PostingsChunk {
        var chunk = PostingsChunk()
        var doc: UInt32 = 1
        for _ in 0..<count {
            doc += UInt32(1 + random.below(30))
            var fields: [(field: Int, length: UInt32, positions: [UInt32])] = []
            for field in 0..<3 where random.chance(50) || field == 2 {
                var p: UInt32 = 0
                let positions = (0..<(1 + random.below(4))).map { _ in p += UInt32(1 + random.below(9)); return p }
                fields.append((field, UInt32(positions.count + random.below(50)), positions))
            }
            chunk.append(doc: doc, fields: fields)
        }
        return chunk
    }

    /// `bytes` with one random kind of damage.
    static func mutate(_ bytes: [UInt8], random: inout SeededRandom) -> [UInt8] {
        var damaged = bytes
        switch random.below(4) {
        case 0 where !damaged.isEmpty: damaged[random.below(damaged.count)] ^= UInt8(1 + random.below(255))
        case 1: damaged = Array(damaged.prefix(random.below(damaged.count + 1)))
        case 2: damaged += (0..<(1 + random.below(8))).map { _ in UInt8(random.below(256)) }
        default:
            for _ in 0..<(1 + random.below(4)) where !damaged.isEmpty { damaged[random.below(damaged.count)] = UInt8(random.below(256)) }
        }
        return damaged
    }

    /// Runs `decode` on 2,000 mutations of `valid`; counts what still decoded.
    static func fuzz(_ valid: [UInt8], random: inout SeededRandom, _ decode: (UnsafeRawBufferPointer) throws(IndexError) -> Void) -> Int {
        var decoded = 0
        for _ in 0..<2_000 {
            let damaged = mutate(valid, random: &random)
            let ok: Bool = damaged.withUnsafeBytes { raw in
                do { try decode(raw); return true } catch {
                    guard case .corrupt? = error as? IndexError else { Issue.record("not a corrupt error: \(error)"); return false }
                    return false
                }
            }
            if ok { decoded += 1 }
        }
        return decoded
    }

    @Test func postingsAndPositions() throws {
        let seed = propertySeed()
        print("DecoderDamageTests seed \(seed) (replay with VAULT_TEST_SEED=\(seed))")
        var random = SeededRandom(seed: seed)
        let block = Self.chunk(BlockCodec.blockSize, random: &random)
        let postings = BlockCodec.encodePostings(block), positions = BlockCodec.encodePositions(block)
        _ = Self.fuzz(postings, random: &random) { (raw) throws(IndexError) in
            let chunk = try BlockCodec.decode(postings: raw, positions: nil, bounds: Self.bounds)
            #expect(zip(chunk.docs, chunk.docs.dropFirst()).allSatisfy { $0 < $1 } && chunk.docs.allSatisfy { $0 < Self.bounds.docCapacity })
            #expect(chunk.masks.allSatisfy { Self.bounds.isValid(mask: $0) })
            _ = chunk.summary(block: 0)  // indexes per-field arrays by mask bits
        }
        let base = try #require(try? postings.withUnsafeBytes { try BlockCodec.decode(postings: $0, positions: nil, bounds: Self.bounds) })
        _ = Self.fuzz(positions, random: &random) { (raw) throws(IndexError) in
            var chunk = base
            try BlockCodec.decodePositions(raw, into: &chunk)
            #expect(chunk.positions.count == stride(from: 0, to: chunk.stats.count, by: 2).reduce(0) { $0 + Int(chunk.stats[$1]) })
        }
    }

    @Test func dictionaryEntriesAndSkipTables() {
        var random = SeededRandom(seed: propertySeed())
        let blocks = (0..<5).map { i in Self.chunk(20 + i, random: &random) }
        var lastDoc: UInt32 = 0
        var summaries: [BlockSummary] = []
        for (i, var block) in blocks.enumerated() {
            block.docs = block.docs.map { $0 + lastDoc }
            lastDoc = block.docs.last!
            summaries.append(block.summary(block: UInt32(i)))
        }
        let info = TermInfo(termID: 9, documentFrequency: UInt32(blocks.reduce(0) { $0 + $1.count }), nextBlockID: 5, blocks: summaries)
        let encoded = info.encoded()
        encoded.withUnsafeBytes { raw in #expect((try? TermInfo.decode(raw, bounds: Self.bounds)) == info) }
        _ = Self.fuzz(encoded, random: &random) { (raw) throws(IndexError) in
            let decoded = try TermInfo.decode(raw, bounds: Self.bounds)
            #expect(decoded.blocks.reduce(0) { $0 + Int($1.count) } == Int(decoded.documentFrequency))
        }
        let statistics = IndexStatistics(fieldCount: 3)
        let settings = IndexSettings.beir
        let scorer = BM25F(settings: settings, statistics: statistics)
        _ = Self.fuzz(encoded, random: &random) { (raw) throws(IndexError) in
            let skip = try SkipTable(raw, limits: DecodeBounds(fieldCount: 2, docCapacity: 5_000), scorer: scorer, weight: { _ in 1 })
            #expect(zip(skip.lastDocs, skip.lastDocs.dropFirst()).allSatisfy { $0 < $1 })
            #expect(skip.count >= 1 && skip.lastDocs.last! < 5_000)
        }
    }

    @Test func documentsForwardIndexesPrefixListsAndStatistics() {
        var random = SeededRandom(seed: propertySeed())
        let document = Document(id: "p-1", fields: [
            "title": .string("Zebrafish habitat"), "tags": .strings(["Biology", "Fish"]), "rating": .number(4.5), "public": .bool(true),
        ])
        _ = Self.fuzz(StoredDocumentCodec.encode(document), random: &random) { (raw) throws(IndexError) in
            _ = try StoredDocumentCodec.decode(raw)
            _ = try StoredDocumentCodec.decodeID(raw)
        }
        let forward = ForwardIndex(fieldLengths: [4, 120], termIDs: [1, 2, 5, 9, 300, 70_000])
        _ = Self.fuzz(forward.encoded(), random: &random) { (raw) throws(IndexError) in
            let decoded = try ForwardIndex.decode(raw, fieldCount: 2)
            #expect(decoded.fieldLengths.count == 2 && zip(decoded.termIDs, decoded.termIDs.dropFirst()).allSatisfy { $0 < $1 })
        }
        var list = PrefixTermList()
        for (i, term) in ["pyt", "python", "pythonic", "pytorch"].enumerated() { list.update(term: Array(term.utf8), documentFrequency: UInt32(10 - i)) }
        _ = Self.fuzz(list.encoded(), random: &random) { (raw) throws(IndexError) in _ = try PrefixTermList.decode(raw) }
        var statistics = IndexStatistics(fieldCount: 2)
        statistics.documentCount = 40
        statistics.nextDocNumber = 61
        _ = Self.fuzz(statistics.encoded(), random: &random) { (raw) throws(IndexError) in
            let decoded = try IndexStatistics.decode(raw)
            #expect(decoded.documentCount < decoded.nextDocNumber)
        }
    }
}
