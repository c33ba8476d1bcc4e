import Foundation
import Testing
import VaultCorpus
@testable import VaultIndex

/// The block-ordered top-k by sort keys (``SortSelection/top(_:of:snapshot:)``, which stops reading
/// numeric blocks once none can beat the heap) equals the test's own answer — every candidate's
/// values read from the documents as written, sorted in full (missing values last per key, then by
/// doc number) — for random values with gaps, repeated values (ties across
/// blocks), missing values, random candidate sets, k from 1 to past the candidate count, one or two
/// keys, both directions. Seeded; `VAULT_TEST_SEED` replays.
@Suite("sort selection")
struct SortSelectionTests {
    @Test func blockOrderedTopEqualsAFullScan() throws {
        let seed = ProcessInfo.processInfo.environment["VAULT_TEST_SEED"].flatMap(UInt64.init) ?? UInt64.random(in: 1...UInt64.max)
        print("SortSelectionTests seed \(seed) (replay with VAULT_TEST_SEED=\(seed))")
        var random = SeededRandom(seed: seed)
        let directory = TemporaryDirectory(); defer { directory.cleanUp() }
        let settings = IndexSettings(
            searchableFields: [FieldSettings(name: "title")], analysis: IndexSettings.beir.analysis,
            attributes: [
                AttributeSettings(name: "a", type: .number, sortable: true), AttributeSettings(name: "b", type: .number, sortable: true),
            ])
        let index = try Index.create(at: directory.path, settings: settings)
        var written: [UInt32: [String: Double]] = [:]
        let documents = (0..<3_000).map { i -> IndexOperation in
            var fields: [String: FieldValue] = ["title": .string("doc \(i)")]
            // Mostly increasing with the doc number (as createdAt is), with noise, gaps and repeats.
            if random.below(10) != 0 { fields["a"] = .number(Double(i / 7 + random.below(40))) }
            if random.below(3) != 0 { fields["b"] = .number(Double(random.below(5))) }
            written[UInt32(i)] = fields.compactMapValues { if case .number(let n) = $0 { n } else { nil } }
            return .upsert(Document(id: "\(i)", fields: fields))
        }
        try IndexWriter(index: index).apply(documents)
        let snapshot = try index.snapshot()
        // Re-key the written values by doc number (the index's own id mapping).
        var byNumber: [UInt32: [String: Double]] = [:]
        for (id, values) in written { byNumber[try #require(try snapshot.documentNumber(id: "\(id)"))] = values }
        for _ in 0..<300 {
            var candidates = DocSet(capacity: snapshot.docCapacity)
            let density = 1 + random.below(100)
            for doc in byNumber.keys.sorted() where random.below(100) < density { candidates.insert(doc) }
            var keys = [SortKey(field: random.chance(80) ? "a" : "b", descending: random.chance(50))]
            if random.chance(50) { keys.append(SortKey(field: keys[0].field == "a" ? "b" : "a", descending: random.chance(50))) }
            let k = 1 + random.below(random.chance(20) ? 4_000 : 60)
            var selection = try SortSelection(keys: keys, snapshot: snapshot)
            let fast = try selection.top(k, of: candidates, snapshot: snapshot).map(\.doc)
            func before(_ a: UInt32, _ b: UInt32) -> Bool {
                for key in keys {
                    switch (byNumber[a]?[key.field], byNumber[b]?[key.field]) {
                    case (nil, nil): continue
                    case (nil, _): return false
                    case (_, nil): return true
                    case let (x?, y?): if x != y { return key.descending ? x > y : x < y }
                    }
                }
                return a < b
            }
            let scan = Array(candidates.members.sorted(by: before).prefix(k))
            #expect(fast == scan, "seed \(seed): keys \(keys), k \(k), \(candidates.count) candidates")
        }
    }
}
