import Foundation
import Testing

/// `trending`, `leaderboard` and `bench-trending` end to end on a small generated store.
/// Properties checked:
/// 1. Both formulas print ranked prompts with titles; `--json` gives entries with rank, id, score.
/// 2. Prompt and author leaderboards print for every `--by`; a bad `--by`, `--period` or list name is a
///    usage error; an author leaderboard refuses a prompt selection.
/// 3. `bench-trending` prints every list with both engines, agreement and the state's bytes.
@Suite struct TrendingCommandTests {
    @Test func trendingAndLeaderboards() async throws {
        let workspace = try Workspace()
        try await expectSuccessOf(await workspace.vaultsearch("generate-store", "--store", "s.sqlite", "--prompts", "300", "--events-per-prompt", "5"))
        try await expectSuccessOf(await workspace.vaultsearch("install-triggers", "--db", "s.sqlite"))
        try await expectSuccessOf(await workspace.vaultsearch("index", "--rebuild", "--db", "s.sqlite", "--index", "s.index"))

        for formula in ["seed", "decay"] {
            let result = try await workspace.vaultsearch("trending", "--index", "s.index", "--formula", formula, "--limit", "5")
            expectSuccess(result)
            #expect(result.stdout.hasPrefix("trending (\(formula))"), "\(result)")
            #expect(result.stdout.contains("1. prompt "), "\(result)")
        }
        let json = try await workspace.vaultsearch("trending", "--index", "s.index", "--limit", "3", "--json", "--now", "1800000000")
        expectSuccess(json)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let entries = try #require(object?["entries"] as? [[String: Any]])
        #expect(entries.count == 3 && entries.allSatisfy { $0["rank"] != nil && $0["id"] != nil && $0["score"] != nil })
        #expect(object?["now"] as? Int == 1_800_000_000)

        for by in ["rating", "copies", "views"] {
            expectSuccess(try await workspace.vaultsearch("leaderboard", "prompts", "--index", "s.index", "--by", by, "--period", "week"))
        }
        for by in ["reputation", "engagement"] {
            let result = try await workspace.vaultsearch("leaderboard", "authors", "--index", "s.index", "--by", by, "--period", "all")
            expectSuccess(result)
            #expect(result.stdout.contains("1. user "), "\(result)")
        }
        try await expectFailureOf(await workspace.vaultsearch("leaderboard", "prompts", "--index", "s.index", "--by", "stars"), mentioning: "--by")
        try await expectFailureOf(await workspace.vaultsearch("leaderboard", "prompts", "--index", "s.index", "--period", "year"), mentioning: "--period")
        try await expectFailureOf(await workspace.vaultsearch("leaderboard", "tags", "--index", "s.index"), mentioning: "prompts or authors")
        try await expectFailureOf(
            await workspace.vaultsearch("leaderboard", "authors", "--index", "s.index", "--category", "coding"), mentioning: "prompt leaderboards")

        let bench = try await workspace.vaultsearch("bench-trending", "--db", "s.sqlite", "--index", "s.index", "--events", "500", "--repeat", "3")
        expectSuccess(bench)
        for list in ["trending seed", "trending decay", "prompts by rating, all", "authors by engagement, day"] {
            let line = try #require(bench.stdout.split(separator: "\n").first { $0.hasPrefix(list) }, "no row for \(list): \(bench)")
            #expect(line.hasSuffix("yes"), "\(line)")
        }
        #expect(bench.stdout.contains("events/s"), "\(bench)")
        #expect(bench.stdout.contains("per prompt (state, lists, authors)"), "\(bench)")
    }
}
