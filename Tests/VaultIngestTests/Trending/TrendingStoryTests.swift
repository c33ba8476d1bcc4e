import Foundation
import GRDB
import Testing
import VaultIndex
@testable import VaultIngest
import VaultTrending

/// The story, with a manual clock:
/// 1. A 7-day-old prompt with a burst of engagement today is first under `decay` and not under
///    `seed`, where a 3-hour-old prompt with a little engagement beats it.
/// 2. One visitor reloading a prompt 1,000 times (in the dedup window of their counted view) leaves
///    its decay score and every place unchanged (`seed`, fed by the raw counter, moves it to the top).
/// 3. A prompt with one 5★ rating ranks below one with 500 ratings averaging 4.8 (Bayesian average).
/// 4. Private prompts never appear in, or count towards, any list: not their own, not their author's.
@Suite struct TrendingStoryTests {
    let now: Int64 = 1_760_000_000
    let day: Int64 = 86_400

    @Test func theStory() throws {
        let scratch = try Scratch()
        let store = try StoreConnection.create(scratch.store)
        try PromptVaultSchema.migrate(store)
        try store.write { db in
            for user in 1...600 {
                try db.execute(sql: "INSERT INTO users(id, username, display_name, reputation, created_at) VALUES (?, ?, ?, ?, ?)",
                               arguments: [user, "u\(user)", "U \(user)", user == 9 ? 10_000 : user, now - 100 * day])
            }
            // id, author, age, visibility
            let prompts: [(Int, Int, Int64, String)] = [
                (1, 1, 7 * day, "public"), (2, 2, 3 * 3_600, "public"), (3, 3, 2 * day, "public"), (4, 4, 2 * day, "public"),
                (5, 5, 30 * day, "public"), (6, 6, 30 * day, "public"), (7, 9, day, "private"), (8, 8, day, "public"), (9, 8, day, "private"),
                (10, 10, 30 * day, "public"), (11, 11, 30 * day, "public"),
            ]
            for (id, author, age, visibility) in prompts {
                try db.execute(sql: """
                    INSERT INTO prompts(id, slug, title, content, author_id, visibility, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [id, "p\(id)", "prompt \(id)", "content \(id)", author, visibility, now - age, now - age])
            }
            try ChangeLog.install(try SourceConfiguration.promptVault(), in: db)
        }
        let configuration = try SourceConfiguration.promptVault()
        _ = try IndexRebuilder(configuration: configuration).rebuild(storePath: scratch.store, into: scratch.index, log: { _ in })
        let tailer = try Tailer(storePath: scratch.store, indexPath: scratch.index, configuration: configuration, log: { _ in })
        func reader() throws -> TrendingReader { TrendingReader(snapshot: try tailer.currentIndex.snapshot(), store: try #require(tailer.trending)) }
        func view(_ prompt: Int, user: Int?, at time: Int64, _ db: Database) throws {
            try db.execute(sql: "INSERT INTO prompt_views(prompt_id, user_id, viewed_at) VALUES (?, ?, ?)", arguments: [prompt, user, time])
        }

        let window = TrendingSettings().viewDedupWindow, epoch = TrendingSettings().epoch
        let windowStart = epoch + ((now - 2 * 3_600 - epoch) / window) * window
        try store.write { db in
            // Prompt 1: 7 days old, 100 views in its first day, then a burst in the last hour.
            for i in 0..<100 { try view(1, user: 10 + i, at: now - 7 * day + Int64(i * 600), db) }
            for i in 0..<60 { try view(1, user: 200 + i, at: now - 3_000 + Int64(i * 30), db) }
            for i in 0..<10 { try db.execute(sql: "INSERT INTO prompt_copies(prompt_id, user_id, copied_at) VALUES (1, ?, ?)", arguments: [300 + i, now - 600]) }
            // Prompt 2: 3 hours old, 20 views.
            for i in 0..<20 { try view(2, user: 400 + i, at: now - 3 * 3_600 + Int64(i * 60), db) }
            // Prompt 3: 3 distinct visitors yesterday; prompt 4: one yesterday, one 2 hours ago.
            for i in 0..<3 { try view(3, user: 500 + i, at: now - day, db) }
            try view(4, user: 511, at: now - day, db)
            try view(4, user: 510, at: windowStart, db)
            // Prompts 10 and 11: 20 ratings of 3★ each (the site's mean C is then about 3.95).
            for prompt in [10, 11] {
                for user in 1...20 {
                    try db.execute(sql: "INSERT INTO ratings(prompt_id, user_id, value, created_at) VALUES (?, ?, 3, ?)", arguments: [prompt, user, now - 20 * day])
                }
            }
            // Prompt 5: one 5★ rating; prompt 6: 500 ratings averaging 4.8.
            try db.execute(sql: "INSERT INTO ratings(prompt_id, user_id, value, created_at) VALUES (5, 1, 5, ?)", arguments: [now - 20 * day])
            for user in 1...500 {
                try db.execute(sql: "INSERT INTO ratings(prompt_id, user_id, value, created_at) VALUES (6, ?, ?, ?)", arguments: [user, user <= 400 ? 5 : 4, now - 20 * day])
            }
            // Private prompts 7 (author 9, no public prompt) and 9 (author 8, who has public prompt 8): heavy engagement.
            for prompt in [7, 9] {
                for i in 0..<300 { try view(prompt, user: i + 1, at: now - 3_600, db) }
                for i in 0..<50 { try db.execute(sql: "INSERT INTO ratings(prompt_id, user_id, value, created_at) VALUES (?, ?, 5, ?)", arguments: [prompt, i + 1, now - 3_600]) }
            }
            try view(8, user: 1, at: now - 3_600, db)
        }
        try tailer.catchUp()

        // 1. Decay versus seed.
        var r = try reader()
        let decay = try r.trending(.decay, limit: 10, now: now).map(\.id)
        let seed = try r.trending(.seed, limit: 10, now: now).map(\.id)
        #expect(decay.first == 1)
        #expect(seed.first == 2)
        #expect((seed.firstIndex(of: 1) ?? 99) > 0)

        // 2. One visitor reloading prompt 4 a thousand times (all in one dedup window).
        let before = try #require(try r.trending(.decay, limit: 10, now: now).first { $0.id == 4 })
        let orderBefore = try r.trending(.decay, limit: 10, now: now).map(\.id)
        try store.write { db in
            for i in 0..<1_000 { try view(4, user: 510, at: windowStart + Int64(i % Int(window)), db) }
        }
        try tailer.catchUp()
        r = try reader()
        let after = try #require(try r.trending(.decay, limit: 10, now: now).first { $0.id == 4 })
        // The reloads fall in the window of that visitor's counted view: nothing moves.
        #expect(after.score == before.score)
        #expect(try r.trending(.decay, limit: 10, now: now).map(\.id) == orderBefore)
        let seedAfter = try r.trending(.seed, limit: 10, now: now).map(\.id)
        #expect(seedAfter.first == 4, "the raw counter (seed) is moved by the reloads")

        // 3. Bayesian average.
        let rating = try r.leaderboardPrompts(by: .rating, period: .all, limit: 10, now: now).map(\.id)
        #expect(rating.firstIndex(of: 6)! < rating.firstIndex(of: 5)!)
        #expect(try r.meanRating() > 3.9 && r.meanRating() < 4)

        // 4. Private prompts: nowhere, and nothing for their authors.
        for formula in TrendingFormula.allCases {
            let ids = try r.trending(formula, limit: 100, now: now).map(\.id)
            #expect(!ids.contains(7) && !ids.contains(9))
        }
        for order in PromptLeaderboard.allCases {
            for period in LeaderboardPeriod.allCases {
                let ids = try r.leaderboardPrompts(by: order, period: period, limit: 100, now: now).map(\.id)
                #expect(!ids.contains(7) && !ids.contains(9))
            }
        }
        let reputation = try r.leaderboardAuthors(by: .reputation, period: .all, limit: 100, now: now)
        #expect(!reputation.map(\.id).contains(9), "user 9 has only a private prompt")
        let engagement = try r.leaderboardAuthors(by: .engagement, period: .day, limit: 100, now: now)
        #expect(engagement.first { $0.id == 8 }?.score == 1, "author 8's private prompt adds nothing")
        #expect(!engagement.map(\.id).contains(9))
    }
}
