import Foundation
import GRDB
import Testing
import VaultIndex
import VaultIngest
import VaultTrending
@testable import VaultServer

/// Every trending and leaderboard route against SQL over the same store at the same instant
/// (``TrendingReferenceSQL``, independent of the engine): the same ids in the same order with the
/// same scores (1e-9 relative), for both formulas, every leaderboard order and period, under
/// category, tag, model and filter selections, with offsets; the short forms answer the same; hits
/// carry their documents' fields; the private prompt with the heaviest engagement is nowhere.
@Suite struct TrendingRoutesTests {
    /// (name, query-string part, selection, the SQL over `p` of the `filter` part if any).
    static let selections: [(name: String, query: String, selection: PromptSelection, filterSQL: String?)] = [
        ("everything", "", PromptSelection(), nil),
        ("category coding (with descendants)", "category=coding", PromptSelection(category: "coding"), nil),
        ("category writing", "category=writing", PromptSelection(category: "writing"), nil),
        ("tag writing (any case)", "tag=writing", PromptSelection(tag: "writing"), nil),
        ("model gpt-4o", "model=gpt-4o", PromptSelection(model: "gpt-4o"), nil),
        ("filter copies >= 31", "filter=copies%20%3E%3D%2031", PromptSelection(), "p.copy_count >= 31"),
        ("category coding and filter copies >= 10", "category=coding&filter=copies%20%3E%3D%2010", PromptSelection(category: "coding"), "p.copy_count >= 10"),
    ]

    /// The SQL condition of a selection.
    static func condition(_ selection: PromptSelection, _ filterSQL: String?) -> String {
        TrendingReferenceSQL.condition(selection) + (filterSQL.map { " AND \($0)" } ?? "")
    }

    static let key = TrendingServerFixture.masterKey
    static let now = TrendingServerFixture.now

    static func oracle(_ fixture: TrendingServerFixture) throws -> TrendingReferenceSQL {
        TrendingReferenceSQL(settings: try fixture.settings)
    }

    static func uri(_ path: String, _ parts: String...) -> String {
        let query = parts.filter { !$0.isEmpty }.joined(separator: "&")
        return query.isEmpty ? path : path + "?" + query
    }

    @Test func theFixtureHasEngagementOfEveryKind() async throws {
        let fixture = try await TrendingServerFixture.get()
        for kind in ["view", "copy", "rating", "bookmark", "rating change", "visibility flip", "view delete"] {
            #expect(fixture.writes[kind, default: 0] >= 100, Comment(rawValue: "\(kind): \(fixture.writes[kind, default: 0]) writes"))
        }
        let events = try fixture.sql { db in
            try Int.fetchOne(db, sql: "SELECT (SELECT count(*) FROM prompt_views) + (SELECT count(*) FROM prompt_copies) + (SELECT count(*) FROM ratings) + (SELECT count(*) FROM bookmarks)") ?? 0
        }
        #expect(events >= 4_000)
    }

    @Test func trendingEqualsSQLForBothFormulasAndEverySelection() async throws {
        let fixture = try await TrendingServerFixture.get()
        let oracle = try Self.oracle(fixture)
        var expected: [String: [RankedEntry]] = [:]
        for formula in TrendingFormula.allCases {
            for (name, _, selection, filterSQL) in Self.selections {
                expected["\(formula) \(name)"] = try fixture.sql { db in
                    try oracle.trending(formula, where: Self.condition(selection, filterSQL), now: Self.now, db)
                }
            }
        }
        let snapshot = expected
        try await fixture.withClient { api in
            var compared = 0
            for formula in TrendingFormula.allCases {
                for (name, query, _, _) in Self.selections {
                    let reference = try #require(snapshot["\(formula) \(name)"])
                    #expect(reference.count >= 8, Comment(rawValue: "\(formula) \(name): SQL lists only \(reference.count)"))
                    if name != "everything" { #expect(reference.count < snapshot["\(formula) everything"]?.count ?? 0, Comment(rawValue: "\(name) selects everything")) }
                    for (offset, limit) in [(0, 20), (5, 10), (0, 1_000)] {
                        let answer = try await api.get(Self.uri("/indexes/prompts/trending", "formula=\(formula.rawValue)", query, "offset=\(offset)", "limit=\(limit)"), key: Self.key)
                        #expect(answer.status == .ok, Comment(rawValue: answer.text))
                        #expect(answer["formula"] == .string(formula.rawValue))
                        #expect(answer["now"] == .integer(Self.now))
                        #expect(answer["limit"] == .integer(Int64(limit)) && answer["offset"] == .integer(Int64(offset)))
                        expectSameRanking(answer.entries, reference, offset: offset, limit: limit, "trending \(formula) \(name) \(offset)+\(limit)")
                        compared += 1
                    }
                }
                #expect(!(snapshot["\(formula) everything"] ?? []).isEmpty)
            }
            // Without parameters: decay, 20 entries.
            let plain = try await api.get("/indexes/prompts/trending", key: Self.key)
            #expect(plain["formula"] == .string("decay") && plain["limit"] == .integer(20) && plain["offset"] == .integer(0))
            expectSameRanking(plain.entries, snapshot["decay everything"] ?? [], limit: 20, "trending without parameters")
            print("trending routes: \(compared + 1) lists equal SQL at \(Self.now)")
        }
    }

    @Test func promptLeaderboardsEqualSQLForEveryOrderPeriodAndSelection() async throws {
        let fixture = try await TrendingServerFixture.get()
        let oracle = try Self.oracle(fixture)
        var expected: [String: [RankedEntry]] = [:]
        for order in PromptLeaderboard.allCases {
            for period in LeaderboardPeriod.allCases {
                for (name, _, selection, filterSQL) in Self.selections {
                    expected["\(order) \(period) \(name)"] = try fixture.sql { db in
                        try oracle.prompts(by: order, period: period, where: Self.condition(selection, filterSQL), now: Self.now, db)
                    }
                }
            }
        }
        let snapshot = expected
        try await fixture.withClient { api in
            for order in PromptLeaderboard.allCases {
                for period in LeaderboardPeriod.allCases {
                    for (name, query, _, _) in Self.selections {
                        let reference = try #require(snapshot["\(order) \(period) \(name)"])
                        let (offset, limit) = name == "everything" ? (3, 40) : (0, 1_000)
                        let answer = try await api.get(Self.uri(
                            "/indexes/prompts/leaderboards/prompts", "by=\(order.rawValue)", "period=\(period.rawValue)", query, "offset=\(offset)", "limit=\(limit)"), key: Self.key)
                        #expect(answer.status == .ok, Comment(rawValue: answer.text))
                        #expect(answer["by"] == .string(order.rawValue) && answer["period"] == .string(period.rawValue))
                        expectSameRanking(answer.entries, reference, offset: offset, limit: limit, "prompts by \(order) \(period) \(name)")
                    }
                    #expect(!(snapshot["\(order) \(period) everything"] ?? []).isEmpty, Comment(rawValue: "\(order) \(period): SQL lists nothing"))
                }
            }
            // Defaults: by rating over the week.
            let plain = try await api.get("/indexes/prompts/leaderboards/prompts", key: Self.key)
            #expect(plain["by"] == .string("rating") && plain["period"] == .string("week"))
            expectSameRanking(plain.entries, snapshot["rating week everything"] ?? [], limit: 20, "prompt leaderboard without parameters")
        }
    }

    @Test func authorLeaderboardsEqualSQLWithUsernames() async throws {
        let fixture = try await TrendingServerFixture.get()
        let oracle = try Self.oracle(fixture)
        var expected: [String: [RankedEntry]] = [:]
        for order in AuthorLeaderboard.allCases {
            for period in LeaderboardPeriod.allCases {
                expected["\(order) \(period)"] = try fixture.sql { db in try oracle.authors(by: order, period: period, now: Self.now, db) }
            }
        }
        let names = try fixture.sql { db in
            Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT id, username FROM users").map { (row: Row) -> (Int64, String) in (row[0], row[1]) })
        }
        let snapshot = expected
        try await fixture.withClient { api in
            for order in AuthorLeaderboard.allCases {
                for period in LeaderboardPeriod.allCases {
                    let reference = try #require(snapshot["\(order) \(period)"])
                    #expect(!reference.isEmpty)
                    for (offset, limit) in [(0, 1_000), (2, 5)] {
                        let answer = try await api.get("/indexes/prompts/leaderboards/authors?by=\(order.rawValue)&period=\(period.rawValue)&offset=\(offset)&limit=\(limit)", key: Self.key)
                        #expect(answer.status == .ok, Comment(rawValue: answer.text))
                        expectSameRanking(answer.entries, reference, offset: offset, limit: limit, "authors by \(order) \(period) \(offset)+\(limit)")
                        for hit in answer["hits"]?.arrayValue ?? [] {
                            let id = try #require(hit["id"]?.integerValue)
                            #expect(hit["author"]?.stringValue == names[id], Comment(rawValue: "author \(id)"))
                            #expect(hit.objectValue?.keys == ["id", "score", "author"])
                        }
                    }
                }
            }
            let plain = try await api.get("/indexes/prompts/leaderboards/authors", key: Self.key)
            #expect(plain["by"] == .string("reputation") && plain["period"] == .string("week"))
            expectSameRanking(plain.entries, snapshot["reputation week"] ?? [], limit: 20, "author leaderboard without parameters")
        }
    }

    @Test func theShortFormsAnswerAsTheIndexRoutes() async throws {
        let fixture = try await TrendingServerFixture.get()
        try await fixture.withClient { api in
            let pairs = [
                ("/trending?formula=seed&tag=python&limit=7", "/indexes/prompts/trending?formula=seed&tag=python&limit=7"),
                ("/trending?index=prompts", "/indexes/prompts/trending"),
                ("/leaderboards/prompts?by=copies&period=month&category=coding", "/indexes/prompts/leaderboards/prompts?by=copies&period=month&category=coding"),
                ("/leaderboards/authors?index=prompts&by=engagement&period=day", "/indexes/prompts/leaderboards/authors?by=engagement&period=day"),
            ]
            for (short, long) in pairs {
                let a = try await api.get(short, key: Self.key), b = try await api.get(long, key: Self.key)
                #expect(a.status == .ok && b.status == .ok, Comment(rawValue: "\(short): \(a.text.prefix(200))"))
                #expect(a["hits"] == b["hits"], Comment(rawValue: short))
                #expect(!a.entries.isEmpty, Comment(rawValue: short))
            }
        }
    }

    @Test func promptHitsCarryTheirDocumentsFields() async throws {
        let fixture = try await TrendingServerFixture.get()
        let titles = try fixture.sql { db in
            Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT id, title FROM prompts").map { (row: Row) -> (Int64, String) in (row[0], row[1] ?? "") })
        }
        try await fixture.withClient { api in
            let full = try await api.get("/indexes/prompts/trending?limit=10", key: Self.key)
            for hit in full["hits"]?.arrayValue ?? [] {
                let id = try #require(hit["id"]?.integerValue)
                #expect(hit["title"]?.stringValue == titles[id])
                #expect(hit["visibility"] == .string("public") && hit["status"] == .string("published"))
                #expect(Array(hit.objectValue?.keys.prefix(2) ?? []) == ["id", "score"])
            }
            let some = try await api.get("/indexes/prompts/leaderboards/prompts?by=views&period=all&limit=5&fields=title,tags", key: Self.key)
            #expect(some.entries.count == 5)
            for hit in some["hits"]?.arrayValue ?? [] {
                let keys = Set(hit.objectValue?.keys ?? [])
                #expect(keys.isSubset(of: ["id", "score", "title", "tags"]), Comment(rawValue: "\(keys)"))
                #expect(hit["title"]?.stringValue == titles[hit["id"]?.integerValue ?? -1])
            }
        }
    }

    @Test func thePrivatePromptWithTheHeaviestEngagementAppearsNowhere() async throws {
        let fixture = try await TrendingServerFixture.get()
        // It would lead: SQL without the visibility condition ranks it first under decay.
        let leader = try fixture.sql { db in
            try TrendingReferenceSQL(settings: try fixture.settings).trending(.decay, where: "1", now: Self.now, db).first?.id
        }
        #expect(leader == fixture.privatePromptID)
        var uris: [String] = []
        for formula in TrendingFormula.allCases {
            for (_, query, _, _) in Self.selections { uris.append(Self.uri("/indexes/prompts/trending", "formula=\(formula.rawValue)", query, "limit=1000")) }
        }
        for order in PromptLeaderboard.allCases {
            for period in LeaderboardPeriod.allCases {
                for (_, query, _, _) in Self.selections {
                    uris.append(Self.uri("/indexes/prompts/leaderboards/prompts", "by=\(order.rawValue)", "period=\(period.rawValue)", query, "limit=1000"))
                }
            }
        }
        for order in AuthorLeaderboard.allCases {
            for period in LeaderboardPeriod.allCases {
                uris.append("/indexes/prompts/leaderboards/authors?by=\(order.rawValue)&period=\(period.rawValue)&limit=1000")
                uris.append("/leaderboards/authors?by=\(order.rawValue)&period=\(period.rawValue)&limit=1000")
            }
        }
        uris += ["/trending?limit=1000", "/trending?formula=seed&limit=1000", "/leaderboards/prompts?period=all&limit=1000",
                 "/indexes/prompts/trending?filter=visibility%20%3D%20private&limit=1000", "/indexes/prompts/trending?filter=author%20%3D%20\(TrendingServerFixture.secretAuthor)"]
        let swept = uris
        try await fixture.withClient { api in
            for uri in swept {
                let answer = try await api.get(uri, key: Self.key)
                #expect(answer.status == .ok, Comment(rawValue: "\(uri): \(answer.text.prefix(200))"))
                let ids = Set(answer.entries.map(\.id))
                if uri.contains("authors") {
                    #expect(!ids.contains(fixture.privateAuthorID), Comment(rawValue: "\(uri) lists the author who has only a private prompt"))
                } else {
                    #expect(!ids.contains(fixture.privatePromptID), Comment(rawValue: "\(uri) lists the private prompt"))
                }
                #expect(!answer.text.contains(TrendingServerFixture.secretWord), Comment(rawValue: uri))
                #expect(!answer.text.contains(TrendingServerFixture.secretAuthor), Comment(rawValue: uri))
            }
        }
    }

    @Test func scoresAreComputedAtTheServersClock() async throws {
        let fixture = try await TrendingServerFixture.get()
        let later = Self.now + 2 * 86_400 + 1_234
        var state = fixture.state
        state.clock = ManualClock(later)
        let oracle = try Self.oracle(fixture)
        let (seedLater, seedNow, copiesDay) = try fixture.sql { db in
            (try oracle.trending(.seed, where: TrendingReferenceSQL.listed, now: later, db),
             try oracle.trending(.seed, where: TrendingReferenceSQL.listed, now: Self.now, db),
             try oracle.prompts(by: .copies, period: .day, where: TrendingReferenceSQL.listed, now: later, db))
        }
        try await fixture.withClient(state) { api in
            let answer = try await api.get("/trending?formula=seed&limit=50", key: Self.key)
            #expect(answer["now"] == .integer(later))
            expectSameRanking(answer.entries, seedLater, limit: 50, "seed two days later")
            #expect(answer.entries.first?.score != seedNow.first?.score)
            // Two days after the last event, nothing was copied within a day.
            let copies = try await api.get("/leaderboards/prompts?by=copies&period=day", key: Self.key)
            expectSameRanking(copies.entries, copiesDay, limit: 20, "copies in the last day, two days later")
            #expect(copiesDay.isEmpty)
        }
    }
}
