import Foundation
import GRDB
import Testing
import VaultCorpus
import VaultIndex
@testable import VaultIngest
import VaultTestSupport
import VaultTrending

/// Search sorted by trending's computed fields (``TrendingSortSource``: `trending`, `trending.seed`,
/// `ratingBayes`) orders hits as SQL orders the same lists over the same store at the same instant:
/// after a seeded random stream of engagement, for an empty query and for a word query, under
/// filters, descending and ascending. Hits with a value come first in the SQL's order (ties
/// excepted); every hit after them is a document the list does not hold.
@Suite struct TrendingSortTests {
    @Test func searchSortedByTrendingFollowsSQL() throws {
        let seed = OracleSeed.make()
        print("TrendingSortTests seed: \(seed)")
        let harness = try TrendingHarness(seed: seed, prompts: 150, users: 40)
        var stream = RandomEngagement(seed: seed ^ 0x5EED, users: 40, categories: TestStore.categories.count)
        for _ in 0..<40 {
            let now = harness.clock.now()
            try harness.store.write { db in for _ in 0..<40 { try stream.step(db, now: now) } }
            harness.clock.advance(by: 1_800)
        }
        try harness.tailer.catchUp()
        let now = harness.clock.now()
        let store = try #require(harness.tailer.trending)
        let index = harness.tailer.currentIndex
        let searcher = try Searcher(index: index)
        let oracle = TrendingReferenceSQL(settings: TrendingSettings())
        let word = try harness.store.read { db in
            try String.fetchAll(db, sql: "SELECT title FROM prompts WHERE visibility = 'public' AND status = 'published' ORDER BY id")
        }.flatMap { $0.split(separator: " ").map(String.init) }.first { $0.count > 4 } ?? "prompt"

        let filters: [(String?, PromptSelection, Bool)] = [
            (nil, PromptSelection(), false),
            ("tags = \"Tag 3\"", PromptSelection(tag: "Tag 3"), false),
            ("model = claude", PromptSelection(model: "claude"), false),
            ("featured = true", PromptSelection(), true),
        ]
        var compared = 0
        for (filter, selection, featured) in filters {
            let condition = TrendingReferenceSQL.condition(selection, featuredOnly: featured)
            let lists: [(String, [RankedEntry])] = try harness.store.read { db in
                [
                    ("trending", try oracle.trending(.decay, where: condition, now: now, db)),
                    ("trending.seed", try oracle.trending(.seed, where: condition, now: now, db)),
                    ("ratingBayes", try oracle.prompts(by: .rating, period: .all, where: condition, now: now, db)),
                ]
            }
            for (field, sqlList) in lists {
                for query in ["", word] {
                    var options = SearchOptions()
                    options.limit = 60
                    options.filter = try filter.map { try FilterParser.parse($0) }
                    options.sort = [SortKey(field: field, descending: true)]
                    options.computedSortFields = TrendingSortSource.all(store: store, now: now)
                    let hits = try searcher.search(query, scope: .publicOnly, options: options).hits.map { Int64($0.id)! }
                    // The reference restricted to what the query matches (every match, unsorted).
                    var matching = options
                    matching.sort = []
                    matching.limit = 10_000
                    let matched = Set(try searcher.search(query, scope: .publicOnly, options: matching).hits.map { Int64($0.id)! })
                    let expected = sqlList.filter { matched.contains($0.id) }
                    let scores = Dictionary(expected.map { ($0.id, $0.score) }, uniquingKeysWith: { a, _ in a })
                    let head = hits.prefix { scores[$0] != nil }
                    let label = "seed \(seed) \(field) desc q '\(query)' filter \(filter ?? "none")"
                    expectSameList(head.map { RankedEntry(id: $0, score: scores[$0]!) }, expected, limit: min(60, expected.count), label)
                    #expect(hits.dropFirst(head.count).allSatisfy { scores[$0] == nil && matched.contains($0) }, Comment(rawValue: label))
                    #expect(hits.count == min(60, matched.count), Comment(rawValue: label))
                    compared += 1

                    // Ascending: the same values from the other end (documents without one still last).
                    options.sort = [SortKey(field: field, descending: false)]
                    let ascending = try searcher.search(query, scope: .publicOnly, options: options).hits.map { Int64($0.id)! }
                    let ascendingHead = ascending.prefix { scores[$0] != nil }
                    let reversed = expected.reversed().map { $0 }
                    let ascendingScores = ascendingHead.map { scores[$0]! }
                    #expect(ascendingScores == ascendingScores.sorted(), Comment(rawValue: label + " asc"))
                    #expect(ascendingHead.count == min(60, reversed.count), Comment(rawValue: label + " asc"))
                    if let first = ascendingScores.first, let lowest = reversed.first {
                        #expect(abs(first - lowest.score) <= 1e-9 * max(1, abs(lowest.score)), Comment(rawValue: label + " asc"))
                    }
                }
            }
        }
        #expect(compared == 24)
    }
}
