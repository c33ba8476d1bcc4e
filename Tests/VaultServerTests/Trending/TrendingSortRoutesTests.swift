import Foundation
import GRDB
import Testing
import VaultIndex
import VaultIngest
import VaultTrending
@testable import VaultServer

/// `POST /indexes/prompts/search` with `sort: ["trending:desc"]` (and `trending.seed`, `ratingBayes`)
/// orders hits as SQL orders the same list (``TrendingReferenceSQL``) at the server clock's instant:
/// placeholder and word queries, with and without a filter. Hits holding a value come first in
/// SQL's order; the rest are matches the list does not hold. The settings list the fields as
/// sortable, and an index without trending refuses them as Meilisearch refuses an unsortable field.
@Suite struct TrendingSortRoutesTests {
    static let key = TrendingServerFixture.masterKey

    @Test func searchSortedByTrendingFieldsFollowsSQL() async throws {
        let fixture = try await TrendingServerFixture.get()
        let oracle = TrendingReferenceSQL(settings: try fixture.settings)
        let now = TrendingServerFixture.now
        let filters: [(String?, String)] = [(nil, ""), ("copies >= 10", " AND p.copy_count >= 10")]
        var expected: [String: [RankedEntry]] = [:]
        for (filter, sql) in filters {
            let condition = TrendingReferenceSQL.listed + sql
            try fixture.sql { db in
                expected["trending \(filter ?? "")"] = try oracle.trending(.decay, where: condition, now: now, db)
                expected["trending.seed \(filter ?? "")"] = try oracle.trending(.seed, where: condition, now: now, db)
                expected["ratingBayes \(filter ?? "")"] = try oracle.prompts(by: .rating, period: .all, where: condition, now: now, db)
            }
        }
        let lists = expected
        try await fixture.withClient { api in
            var compared = 0
            for (filter, _) in filters {
                for field in ["trending", "trending.seed", "ratingBayes"] {
                    let reference = try #require(lists["\(field) \(filter ?? "")"])
                    #expect(reference.count >= 10, Comment(rawValue: "\(field): SQL lists only \(reference.count)"))
                    for query in ["", "write"] {
                        let filterPart = filter.map { #", "filter": "\#($0)""# } ?? ""
                        let sorted = try await api.post("/indexes/prompts/search", key: Self.key, #"{"q": "\#(query)", "sort": ["\#(field):desc"], "limit": 40\#(filterPart)}"#)
                        #expect(sorted.status == .ok, Comment(rawValue: sorted.text))
                        let all = try await api.post("/indexes/prompts/search", key: Self.key, #"{"q": "\#(query)", "limit": 1000, "attributesToRetrieve": ["id"]\#(filterPart)}"#)
                        let matched = Set(Self.ids(all))
                        let restricted = reference.filter { matched.contains($0.id) }
                        let scores = Dictionary(restricted.map { ($0.id, $0.score) }, uniquingKeysWith: { a, _ in a })
                        let hits = Self.ids(sorted)
                        let head = hits.prefix { scores[$0] != nil }
                        let label = "\(field) q '\(query)' filter \(filter ?? "none")"
                        expectSameRanking(head.map { AnsweredEntry(id: $0, score: scores[$0]!) }, restricted, limit: min(40, restricted.count), label)
                        #expect(hits.dropFirst(head.count).allSatisfy { scores[$0] == nil && matched.contains($0) }, Comment(rawValue: label))
                        #expect(!hits.contains(fixture.privatePromptID), Comment(rawValue: label))
                        compared += 1
                    }
                }
            }
            #expect(compared == 12)
            let settings = try await api.get("/indexes/prompts/settings", key: Self.key)
            let sortable = settings["sortableAttributes"]?.arrayValue?.compactMap(\.stringValue) ?? []
            for field in TrendingSortSource.fieldNames { #expect(sortable.contains(field), Comment(rawValue: "sortableAttributes \(sortable)")) }
        }
    }

    static func ids(_ answer: APIClient.Answer) -> [Int64] {
        (answer["hits"]?.arrayValue ?? []).compactMap { hit in
            switch hit["id"] {
            case .integer(let id)?: return id
            case .string(let text)?: return Int64(text)
            default: return nil
            }
        }
    }
}
