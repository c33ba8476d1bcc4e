import Foundation
import Testing

/// `bench-query` end to end on a small generated store. Properties checked:
/// 1. It builds the missing index, exits 0 and prints a row for every scenario — (a) with and
///    without the filter, (b), (c), (d) — for both engines, the filtered/unfiltered and page/estimated
///    ratios, the (b) candidate counts and the command line to reproduce.
/// 2. The placeholder scenario (c) has no text, so both engines count the same documents for every query.
/// 3. The given store is not modified (SQLite works in a copy), and no copy is left behind.
/// 4. `--json` reports every scenario with both engines' percentiles, and (c) agrees there too.
/// 5. A missing store is refused, naming it.
@Suite struct BenchQueryTests {
    @Test func benchQueryOnASmallStore() async throws {
        let workspace = try Workspace()
        try await expectSuccessOf(await workspace.vaultsearch("generate-store", "--store", "s.sqlite", "--prompts", "2000", "--events-per-prompt", "1"))
        let before = try workspace.read("s.sqlite")
        let work = workspace.url("bench-work").path

        let result = try await workspace.vaultsearch(
            "bench-query", "--db", "s.sqlite", "--index", "s.index", "--queries", "6", "--repeat", "1", "--seed", "7", "--work-directory", work)
        expectSuccess(result)
        let out = result.stdout
        for label in [
            "(a) q + tags = X AND model IN [..], top 10", "(a) same q, no filter, top 10", "(b) broad q, 3 exact facets, page 1",
            "(c) \"\" + category.lvl0 = X, createdAt:desc", "(d) (a)'s q, page mode, exact total",
        ] {
            let line = try #require(out.split(separator: "\n").first { $0.hasPrefix(label) }, "no row for \(label): \(result)")
            #expect(line.contains("vaultsearch"), "\(line)")
        }
        #expect(out.split(separator: "\n").filter { $0.trimmingCharacters(in: .whitespaces).hasPrefix("sqlite ") }.count == 5, "\(result)")
        #expect(out.contains("(a) filtered ÷ unfiltered, VaultSearch: p50"), "\(result)")
        #expect(out.contains("(b) candidates (exact total per query): VaultSearch min"), "\(result)")
        #expect(out.contains("(d) page mode ÷ estimated mode"), "\(result)")
        #expect(out.contains("(c) counts agree on all 6 queries (VaultSearch = SQLite)"), "\(result)")
        #expect(!out.contains("warning: (c)"), "\(result)")
        #expect(out.contains("reproduce: vaultsearch bench-query --db s.sqlite --index s.index --queries 6 --repeat 1 --seed 7"), "\(result)")
        #expect(workspace.exists("s.index/data.mdb"))
        #expect(try workspace.read("s.sqlite") == before, "the store was modified")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: work)
        #expect(leftovers.isEmpty, "left in the work directory: \(leftovers)")

        let json = try await workspace.vaultsearch("bench-query", "--db", "s.sqlite", "--index", "s.index", "--queries", "4", "--repeat", "1", "--json")
        expectSuccess(json)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any], "\(json)")
        let scenarios = try #require(object["scenarios"] as? [String: [String: Any]])
        #expect(Set(scenarios.keys) == ["a-filtered", "a-unfiltered", "b-facets", "c-placeholder", "d-page"])
        for (key, scenario) in scenarios {
            for engine in ["vaultsearch", "sqlite"] {
                let summary = try #require(scenario[engine] as? [String: Any], "\(key) has no \(engine)")
                #expect((summary["p99Ms"] as? Double ?? -1) >= 0 && summary["samples"] as? Int == 4, "\(key) \(engine): \(summary)")
            }
        }
        let agreement = try #require((object["countAgreement"] as? [String: Any])?["c"] as? [String: Any])
        #expect(agreement["compared"] as? Int == 4 && agreement["differing"] as? Int == 0, "\(agreement)")
        #expect(try workspace.read("s.sqlite") == before, "the store was modified")
    }

    @Test func missingStoreIsRefused() async throws {
        let workspace = try Workspace()
        try await expectFailureOf(
            await workspace.vaultsearch("bench-query", "--db", "absent.sqlite", "--index", "idx"), mentioning: "no store at 'absent.sqlite'")
        #expect(!workspace.exists("idx"))
    }
}
