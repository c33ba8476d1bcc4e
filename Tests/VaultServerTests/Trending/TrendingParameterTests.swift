import Testing
@testable import VaultServer

/// Bad parameters of the trending and leaderboard routes: each a 400 (404 for an unknown index)
/// with Meilisearch's body, the code naming the parameter, a filter fault naming its position; an
/// index without trending state a clear 400; authentication as for search.
@Suite struct TrendingParameterTests {
    /// (uri, status, code, a part of the message).
    static let faults: [(String, Int, String, String)] = [
        ("/indexes/prompts/trending?formula=hot", 400, "invalid_trending_formula", "`hot` is not one of `seed`, `decay`"),
        ("/indexes/prompts/trending?limit=-1", 400, "invalid_trending_limit", "below the minimum"),
        ("/indexes/prompts/trending?limit=1001", 400, "invalid_trending_limit", "above the maximum of 1000"),
        ("/indexes/prompts/trending?limit=ten", 400, "invalid_trending_limit", "expected a non-negative integer"),
        ("/indexes/prompts/trending?limit=99999999999999999999", 400, "invalid_trending_limit", ""),
        ("/indexes/prompts/trending?offset=-3", 400, "invalid_trending_offset", "below the minimum"),
        ("/indexes/prompts/trending?offset=9990&limit=20", 400, "invalid_trending_offset", "at most 10000"),
        ("/indexes/prompts/trending?filter=views%20%3E", 400, "invalid_trending_filter", "at character"),
        ("/indexes/prompts/trending?filter=(views%20%3E%201", 400, "invalid_trending_filter", "at character"),
        ("/indexes/prompts/trending?filter=colour%20%3D%20red", 400, "invalid_trending_filter", "at character"),
        ("/indexes/prompts/trending?category=", 400, "invalid_trending_category", "empty"),
        ("/indexes/prompts/trending?tag=" + String(repeating: "x", count: 600), 400, "invalid_trending_tag", "at most 512"),
        ("/indexes/prompts/trending?colour=red", 400, "bad_request", "Unknown field `colour`"),
        ("/indexes/prompts/trending?index=prompts", 400, "bad_request", "Unknown field `index`"),
        ("/indexes/prompts/trending?limit=1&limit=2", 400, "bad_request", "given twice"),
        ("/indexes/prompts/trending?by=rating", 400, "bad_request", "Unknown field `by`"),
        ("/indexes/prompts/leaderboards/prompts?by=stars", 400, "invalid_leaderboard_by", "`rating`, `copies`, `views`"),
        ("/indexes/prompts/leaderboards/prompts?period=year", 400, "invalid_leaderboard_period", "`day`, `week`, `month`, `all`"),
        ("/indexes/prompts/leaderboards/prompts?formula=seed", 400, "bad_request", "Unknown field `formula`"),
        ("/indexes/prompts/leaderboards/prompts?filter=featured%20%3D", 400, "invalid_leaderboard_filter", "at character"),
        ("/indexes/prompts/leaderboards/prompts?limit=5000", 400, "invalid_leaderboard_limit", "above the maximum"),
        ("/indexes/prompts/leaderboards/authors?by=rating", 400, "invalid_leaderboard_by", "`reputation`, `engagement`"),
        ("/indexes/prompts/leaderboards/authors?tag=python", 400, "bad_request", "Unknown field `tag`"),
        ("/indexes/prompts/leaderboards/authors?period=", 400, "invalid_leaderboard_period", "is not one of"),
        ("/trending?index=missing", 404, "index_not_found", "Index `missing` not found"),
        ("/trending?index=", 404, "index_not_found", ""),
        ("/leaderboards/prompts?index=nope&by=views", 404, "index_not_found", ""),
        ("/leaderboards/authors?formula=seed", 400, "bad_request", "Unknown field `formula`"),
        ("/indexes/missing/trending", 404, "index_not_found", ""),
        ("/indexes/missing/leaderboards/authors", 404, "index_not_found", ""),
    ]

    static func check(_ answer: APIClient.Answer, _ uri: String, status: Int, code: String, message: String) {
        let label = Comment(rawValue: "\(uri.prefix(120)): \(answer.status.code) \(answer.text.prefix(300))")
        #expect(answer.status.code == status, label)
        #expect(answer.code == code, label)
        #expect(answer["type"] == .string(code == "invalid_api_key" ? "auth" : "invalid_request"), label)
        #expect(answer["link"] == .string("https://docs.meilisearch.com/errors#\(code)"), label)
        #expect(message.isEmpty || answer.message.contains(message), label)
    }

    @Test func badParametersAre4xxWithMeilisearchBodies() async throws {
        let fixture = try await TrendingServerFixture.get()
        try await fixture.withClient { api in
            for (uri, status, code, message) in Self.faults {
                Self.check(try await api.get(uri, key: TrendingServerFixture.masterKey), uri, status: status, code: code, message: message)
            }
        }
    }

    @Test func anIndexWithoutTrendingIsAClear400() async throws {
        // The shared test daemon's `folders` index uses the folder-layout mapping: no engagement tables.
        let state = try await TestDaemon.state()
        #expect(try state.registry.index("folders").trending == nil)
        #expect(try state.registry.index("prompts").trending != nil)
        try await TestDaemon.withClient { client in
            let api = APIClient(client: client)
            for (uri, code) in [
                ("/indexes/folders/trending", "invalid_trending_index"), ("/trending?index=folders", "invalid_trending_index"),
                ("/indexes/folders/leaderboards/prompts?by=views", "invalid_leaderboard_index"),
                ("/leaderboards/authors?index=folders", "invalid_leaderboard_index"),
            ] {
                Self.check(try await api.get(uri), uri, status: 400, code: code, message: "has no trending or leaderboards: its mapping (folder-layout) has no engagement tables")
            }
        }
    }

    @Test func authenticationIsAsForSearch() async throws {
        let fixture = try await TrendingServerFixture.get()
        try await fixture.withClient { api in
            let master = TrendingServerFixture.masterKey
            var answer = try await api.get("/trending")
            #expect(answer.status == .unauthorized && answer.code == "missing_authorization_header")
            answer = try await api.get("/indexes/prompts/leaderboards/authors", key: "wrong")
            #expect(answer.status == .forbidden && answer.code == "invalid_api_key")
            // A key with `search` on the index may read every list; one without it may not.
            let search = try await api.post("/keys", key: master, #"{"actions":["search"],"indexes":["prompts"],"expiresAt":null}"#)
            let documents = try await api.post("/keys", key: master, #"{"actions":["documents.get"],"indexes":["prompts"],"expiresAt":null}"#)
            let other = try await api.post("/keys", key: master, #"{"actions":["search"],"indexes":["archive"],"expiresAt":null}"#)
            let searchKey = try #require(search["key"]?.stringValue), documentsKey = try #require(documents["key"]?.stringValue)
            let otherKey = try #require(other["key"]?.stringValue)
            for uri in ["/trending", "/indexes/prompts/leaderboards/prompts", "/leaderboards/authors?by=engagement"] {
                #expect(try await api.get(uri, key: searchKey).status == .ok, Comment(rawValue: uri))
                #expect(try await api.get(uri, key: documentsKey).status == .forbidden, Comment(rawValue: uri))
                #expect(try await api.get(uri, key: otherKey).status == .forbidden, Comment(rawValue: uri))
            }
        }
    }
}
