import Foundation
import Testing

/// `vaultsearch eval --typos SEED / --prefix / --write-queries`. Properties checked:
/// 1. The altered queries are written where asked, in the queries format, with the same ids; the
///    report says what was altered; running `eval --queries` on that file gives the same measures.
/// 2. The same seed writes the same file.
/// 3. Without `--write-queries` the file goes beside `--run`, or to `data/eval/` named after the
///    queries' folder and file.
/// 4. `--write-queries` without an alteration is a usage error; `--json` keeps its keys and adds
///    an `alteration` object.
@Suite struct EvalAlterationTests {
    static func indexed() async throws -> Workspace {
        let workspace = try Workspace()
        try await workspace.buildIndex("idx", from: TestDocument.trio)
        try workspace.write("queries.tsv", "q1\taardvark feeding\nq2\tbumblebee flight\nq3\tchinchilla baths\n")
        try workspace.write("qrels.txt", "q1 0 d1 1\nq2 0 d2 1\nq3 0 d3 1\n")
        return workspace
    }

    static func measures(_ result: CommandResult) -> [String] {
        result.stdout.split(separator: "\n").filter { $0.hasPrefix("nDCG") || $0.hasPrefix("MRR") || $0.hasPrefix("MAP") }.map(String.init)
    }

    @Test func alteredQueriesReproduceTheRun() async throws {
        let workspace = try await Self.indexed()
        let altered = try await workspace.vaultsearch(
            "eval", "--index", "idx", "--queries", "queries.tsv", "--qrels", "qrels.txt",
            "--typos", "13", "--prefix", "--write-queries", "altered.tsv")
        expectSuccess(altered)
        #expect(altered.stdout.contains("altered: typos (seed 13"))
        #expect(altered.stdout.contains("3 of 3 queries"))
        #expect(altered.stdout.contains("altered queries written to altered.tsv"))
        let lines = String(decoding: try workspace.read("altered.tsv"), as: UTF8.self).split(separator: "\n")
        #expect(lines.count == 4)
        #expect(lines.dropFirst().map { $0.split(separator: "\t")[0] } == ["q1", "q2", "q3"])
        #expect(!lines.contains { $0.hasSuffix("bumblebee flight") })

        let replay = try await workspace.vaultsearch("eval", "--index", "idx", "--queries", "altered.tsv", "--qrels", "qrels.txt")
        expectSuccess(replay)
        #expect(Self.measures(replay) == Self.measures(altered) && Self.measures(replay).count == 3)

        let again = try await workspace.vaultsearch(
            "eval", "--index", "idx", "--queries", "queries.tsv", "--qrels", "qrels.txt",
            "--typos", "13", "--prefix", "--write-queries", "again.tsv")
        expectSuccess(again)
        #expect(try workspace.read("again.tsv") == workspace.read("altered.tsv"))
    }

    @Test func defaultLocations() async throws {
        let workspace = try await Self.indexed()
        let besideRun = try await workspace.vaultsearch(
            "eval", "--index", "idx", "--queries", "queries.tsv", "--qrels", "qrels.txt", "--prefix", "--run", "out.run")
        expectSuccess(besideRun)
        #expect(workspace.exists("out.run.queries.tsv"))

        let inData = try await workspace.vaultsearch("eval", "--index", "idx", "--queries", "queries.tsv", "--qrels", "qrels.txt", "--typos", "7")
        expectSuccess(inData)
        let folder = workspace.directory.lastPathComponent
        #expect(workspace.exists("data/eval/\(folder)-queries-typos7.tsv"), "\(inData)")
    }

    @Test func writeQueriesNeedsAnAlteration() async throws {
        let workspace = try await Self.indexed()
        let result = try await workspace.vaultsearch(
            "eval", "--index", "idx", "--queries", "queries.tsv", "--qrels", "qrels.txt", "--write-queries", "x.tsv")
        expectFailure(result, mentioning: "--write-queries needs --typos or --prefix")
        #expect(!workspace.exists("x.tsv"))
    }

    @Test func jsonAddsAnAlterationObject() async throws {
        let workspace = try await Self.indexed()
        let result = try await workspace.vaultsearch(
            "eval", "--index", "idx", "--queries", "queries.tsv", "--qrels", "qrels.txt", "--typos", "5", "--json",
            "--write-queries", "q.tsv")
        expectSuccess(result)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(report["nDCG@10"] is Double && report["queries"] as? Int == 3)
        let alteration = try #require(report["alteration"] as? [String: Any])
        #expect(alteration["typosSeed"] as? Int == 5)
        #expect(alteration["prefix"] as? Bool == false)
        #expect(alteration["changedQueries"] as? Int == 3)
        #expect(alteration["queriesFile"] as? String == "q.tsv")
    }
}
