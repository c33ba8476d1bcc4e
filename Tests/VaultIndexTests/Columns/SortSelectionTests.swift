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

    /// The same with a computed field (``ComputedSortFields``) as the first or second key, from a
    /// source that lists its documents best first and from one that does not: equal to the full scan.
    @Test func computedKeysEqualAFullScan() throws {
        let seed = ProcessInfo.processInfo.environment["VAULT_TEST_SEED"].flatMap(UInt64.init) ?? UInt64.random(in: 1...UInt64.max)
        print("SortSelectionTests computed seed \(seed) (replay with VAULT_TEST_SEED=\(seed))")
        var random = SeededRandom(seed: seed)
        let directory = TemporaryDirectory(); defer { directory.cleanUp() }
        let settings = IndexSettings(
            searchableFields: [FieldSettings(name: "title")], analysis: IndexSettings.beir.analysis,
            attributes: [AttributeSettings(name: "b", type: .number, sortable: true)])
        let index = try Index.create(at: directory.path, settings: settings)
        var columnValues: [String: Double] = [:], computedValues: [String: Double] = [:]
        let documents = (0..<2_000).map { i -> IndexOperation in
            var fields: [String: FieldValue] = ["title": .string("doc \(i)")]
            if random.below(3) != 0 {
                let b = Double(random.below(5))
                fields["b"] = .number(b)
                columnValues["\(i)"] = b
            }
            if random.below(10) < 7 { computedValues["\(i)"] = Double(random.below(300)) / 4 }
            return .upsert(Document(id: "\(i)", fields: fields))
        }
        try IndexWriter(index: index).apply(documents)
        let snapshot = try index.snapshot()
        var byNumber: [UInt32: (b: Double?, c: Double?)] = [:]
        for i in 0..<2_000 {
            byNumber[try #require(try snapshot.documentNumber(id: "\(i)"))] = (columnValues["\(i)"], computedValues["\(i)"])
        }
        for trial in 0..<300 {
            let lists = trial % 2 == 0
            let fields = ComputedSortFields([TableSortSource(field: "c", values: computedValues, listsBestFirst: lists)])
            var candidates = DocSet(capacity: snapshot.docCapacity)
            let density = 1 + random.below(100)
            for doc in byNumber.keys.sorted() where random.below(100) < density { candidates.insert(doc) }
            var keys = [SortKey(field: "c", descending: random.chance(70))]
            if random.chance(50) { keys.append(SortKey(field: "b", descending: random.chance(50))) }
            if random.chance(30) { keys.reverse() }
            let k = 1 + random.below(random.chance(20) ? 2_500 : 60)
            var selection = try SortSelection(keys: keys, computed: fields, snapshot: snapshot)
            let fast = try selection.top(k, of: candidates, snapshot: snapshot).map(\.doc)
            func before(_ x: UInt32, _ y: UInt32) -> Bool {
                for key in keys {
                    let (u, v) = key.field == "b" ? (byNumber[x]?.b, byNumber[y]?.b) : (byNumber[x]?.c, byNumber[y]?.c)
                    switch (u, v) {
                    case (nil, nil): continue
                    case (nil, _): return false
                    case (_, nil): return true
                    case let (p?, q?): if p != q { return key.descending ? p > q : p < q }
                    }
                }
                return x < y
            }
            let scan = Array(candidates.members.sorted(by: before).prefix(k))
            #expect(fast == scan, "seed \(seed): keys \(keys), listed \(lists), k \(k), \(candidates.count) candidates")
        }
    }
}

/// A computed sort field backed by a table of values by document id, optionally listing its
/// documents best first (descending only, as trending's decay list does).
private struct TableSortSource: ComputedSortSource {
    let field: String
    let values: [String: Double]
    let listsBestFirst: Bool

    func values(in snapshot: IndexSnapshot) throws(IndexError) -> any ComputedSortValues {
        TableSortValues(source: self, snapshot: snapshot)
    }
}

private final class TableSortValues: ComputedSortValues {
    let source: TableSortSource
    let snapshot: IndexSnapshot

    init(source: TableSortSource, snapshot: IndexSnapshot) {
        self.source = source
        self.snapshot = snapshot
    }

    func value(of doc: UInt32) throws(IndexError) -> Double? { source.values[try snapshot.documentID(number: doc)] }

    func forEachBestFirst(descending: Bool, _ body: (UInt32, Double) throws(IndexError) -> Bool) throws(IndexError) -> Bool {
        guard source.listsBestFirst, descending else { return false }
        for (id, value) in source.values.sorted(by: { $0.value > $1.value }) {
            guard let doc = try snapshot.documentNumber(of: id) else { continue }
            guard try body(doc, value) else { break }
        }
        return true
    }
}
