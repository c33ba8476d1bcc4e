import Foundation
import Testing
import VaultIndex
import VaultIngest
import VaultTrending
@testable import VaultServer

/// A tenant token's forced filter narrows the trending list and the prompt leaderboards (ANDed
/// with the request's own selection), exactly as SQL with the same condition; the author
/// leaderboard, which cannot apply it, refuses the token; a token without a filter reads it.
@Suite struct TrendingTenantTokenTests {
    static let now = TrendingServerFixture.now

    @Test func aTokensFilterNarrowsTrendingAndPromptLeaderboards() async throws {
        let fixture = try await TrendingServerFixture.get()
        let oracle = TrendingReferenceSQL(settings: try fixture.settings)
        // The token forces `copies >= 20`.
        let forced = TrendingReferenceSQL.condition(PromptSelection()) + " AND p.copy_count >= 20"
        let forcedCoding = TrendingReferenceSQL.condition(PromptSelection(category: "coding")) + " AND p.copy_count >= 20"
        let (decay, seed, codingDecay, copiesWeek, everything) = try fixture.sql { db in
            (try oracle.trending(.decay, where: forced, now: Self.now, db),
             try oracle.trending(.seed, where: forced, now: Self.now, db),
             try oracle.trending(.decay, where: forcedCoding, now: Self.now, db),
             try oracle.prompts(by: .copies, period: .week, where: forced, now: Self.now, db),
             try oracle.trending(.decay, where: TrendingReferenceSQL.listed, now: Self.now, db))
        }
        #expect(!decay.isEmpty && decay.count < everything.count, Comment(rawValue: "the filter must narrow: \(decay.count) of \(everything.count)"))
        try await fixture.withClient { api in
            let master = TrendingServerFixture.masterKey
            let key = try await api.post("/keys", key: master, #"{"actions":["search"],"indexes":["prompts"],"expiresAt":null}"#)
            let uid = try #require(key["uid"]?.stringValue), value = try #require(key["key"]?.stringValue)
            let exp = Int(Date().timeIntervalSince1970) + 3_600
            let token = TokenMaker.token(claims: TokenMaker.claims(uid: uid, rules: #"{"prompts":{"filter":"copies >= 20"}}"#, exp: exp), key: value)
            let open = TokenMaker.token(claims: TokenMaker.claims(uid: uid, rules: #"{"prompts":{}}"#, exp: exp), key: value)

            var answer = try await api.get("/indexes/prompts/trending?limit=1000", key: token)
            #expect(answer.status == .ok, Comment(rawValue: answer.text))
            expectSameRanking(answer.entries, decay, limit: 1_000, "decay under the token's filter")
            answer = try await api.get("/trending?formula=seed&limit=1000", key: token)
            expectSameRanking(answer.entries, seed, limit: 1_000, "seed under the token's filter")
            answer = try await api.get("/indexes/prompts/trending?category=coding&limit=1000", key: token)
            expectSameRanking(answer.entries, codingDecay, limit: 1_000, "the token's filter AND category coding")
            // The request's own filter cannot widen the token's.
            answer = try await api.get("/indexes/prompts/trending?filter=copies%20%3C%2020%20OR%20copies%20%3E%3D%2020&limit=1000", key: token)
            expectSameRanking(answer.entries, decay, limit: 1_000, "the token's filter OR-widened by the request")
            answer = try await api.get("/indexes/prompts/leaderboards/prompts?by=copies&period=week&limit=1000", key: token)
            expectSameRanking(answer.entries, copiesWeek, limit: 1_000, "copies this week under the token's filter")
            for hit in answer["hits"]?.arrayValue ?? [] { #expect((hit["copies"]?.integerValue ?? 0) >= 20) }

            answer = try await api.get("/leaderboards/authors", key: token)
            #expect(answer.status == .forbidden && answer.code == "invalid_api_key", Comment(rawValue: answer.text))
            #expect(answer.message.contains("force a filter"))
            answer = try await api.get("/indexes/prompts/leaderboards/authors?by=engagement", key: open)
            #expect(answer.status == .ok, Comment(rawValue: answer.text))
            answer = try await api.get("/indexes/prompts/trending?limit=1000", key: open)
            expectSameRanking(answer.entries, everything, limit: 1_000, "a token without a filter")
        }
    }
}
