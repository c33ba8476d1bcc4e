import Foundation
import GRDB
import Testing
import VaultAnalysis
import VaultCorpus
import VaultIndex
@testable import VaultIngest

/// Properties checked:
/// 1. After a seeded stream of ≥ 1,000 random operations with tailing in between (batches of random
///    sizes), the incrementally maintained index holds exactly the documents a fresh full rebuild of
///    the same database holds, field by field, and the same facet sets.
/// 2. Its postings agree with the rebuild's for every word used (document counts and term
///    frequencies), and the index's own consistency check finds nothing.
/// 3. The stored cursor is the change log's last sequence number.
/// 4. Its columns equal the rebuild's: `check()` finds every facet set, dictionary entry and numeric
///    block to hold exactly what the (equal) stored documents imply, and the exact facet counts of
///    every facetable attribute over all documents are the same in both indexes.
@Suite struct TailerPropertyTests {
    static func seed() -> UInt64 {
        if let text = ProcessInfo.processInfo.environment["VAULT_TEST_SEED"], let seed = UInt64(text) { return seed }
        return UInt64.random(in: 1...UInt64.max)
    }

    @Test func incrementalIndexEqualsAFullRebuild() throws {
        let seed = Self.seed()
        print("TailerPropertyTests seed \(seed) (replay with VAULT_TEST_SEED=\(seed))")
        var random = SeededRandom(seed: seed)
        let scratch = try Scratch()
        let configuration = try SourceConfiguration.promptVault()
        let store = try scratch.makePromptVaultStore(TestStore.contents(seed: seed, prompts: 80))
        let log = LogLines()
        _ = try IndexRebuilder(configuration: configuration).rebuild(storePath: scratch.store, into: scratch.index, log: log.sink)
        var options = Tailer.Options()
        options.batchSize = 1 + random.below(40)
        let tailer = try Tailer(storePath: scratch.store, indexPath: scratch.index, configuration: configuration, options: options, log: log.sink)
        var kinds: [String: Int] = [:]
        for _ in 0..<1_200 {
            let kind = try store.write { db in try RandomOperations.apply(&random, to: db) }
            kinds[kind, default: 0] += 1
            if random.chance(8) {
                if random.chance(50) { try tailer.step() } else { try tailer.catchUp() }
            }
        }
        try tailer.catchUp()
        print("operations: \(kinds.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))")
        let rebuilt = scratch.path + "/rebuilt"
        _ = try IndexRebuilder(configuration: configuration).rebuild(storePath: scratch.store, into: rebuilt, log: { _ in })
        let incremental = try documents(at: scratch.index)
        let fresh = try documents(at: rebuilt)
        #expect(incremental.count == fresh.count)
        for (id, document) in fresh where incremental[id] != document {
            Issue.record("document \(id) differs:\nincremental \(String(describing: incremental[id]))\nrebuild     \(document)")
        }
        for id in incremental.keys where fresh[id] == nil { Issue.record("document \(id) should have been deleted") }
        #expect(facetSets(incremental, configuration) == facetSets(fresh, configuration))
        let a = try Index.open(at: scratch.index, readOnly: true).snapshot()
        let b = try Index.open(at: rebuilt, readOnly: true).snapshot()
        #expect(try a.check().isEmpty)
        #expect(try b.check().isEmpty)
        var everything = SearchOptions(limit: 0)
        everything.facets = ["*"]
        everything.maxValuesPerFacet = 10_000
        let left = try Searcher(index: a.index).search("", scope: .unrestricted, options: everything, in: a)
        let right = try Searcher(index: b.index).search("", scope: .unrestricted, options: everything, in: b)
        #expect(left.facetDistribution.count >= 8, "\(left.facetDistribution.keys.sorted())")
        #expect(left.facetDistribution == right.facetDistribution)
        let analyzer = Analyzer(configuration.indexSettings.analysis)
        var checkedTerms = 0
        for term in TestStore.words.flatMap({ analyzer.terms($0) }) {
            let left = try a.walkPostings(of: term), right = try b.walkPostings(of: term)
            #expect(left?.documents == right?.documents && left?.totalTermFrequency == right?.totalTermFrequency, "postings of '\(term)'")
            if right != nil { checkedTerms += 1 }
        }
        #expect(checkedTerms > 10)
        #expect(a.statistics.documentCount == b.statistics.documentCount)
        #expect(a.statistics.fieldLengthTotals == b.statistics.fieldLengthTotals)
        let last = try store.read { db in try ChangeLog.lastSequence(in: db) }
        #expect(try a.ingestCursor()?.sequence == last)
    }
}
