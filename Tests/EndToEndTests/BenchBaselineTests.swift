import Foundation
import Testing

/// `bench --baseline tantivy` end to end, with a stand-in for `Benchmarks/tantivy/run.sh` (so no
/// PyPI is needed). Properties checked:
/// 1. The script gets the corpus, the queries, VaultSearch's writer thread count then 1, the repeat
///    count, k, our title weight and our stop words; its report becomes one row per build (and per
///    stop-word variant) beside VaultSearch's rows, with the ratios VaultSearch ÷ tantivy.
/// 2. `--plain` adds VaultSearch with typos and prefix search off; no FTS5 row unless asked for.
/// 3. `--json` carries the script's report and the ratios.
/// 4. Exit status 77 from the script is "skipped": the bench still succeeds and says so.
/// 5. Any other failure of the script fails the bench, naming it.
@Suite struct BenchBaselineTests {
    static let report = """
        {"tantivyVersion": "9.9.9", "documents": 60, "queries": 5, "pythonOverheadSeconds": 0.5, "loadAverage": [1, 1, 1],
         "runs": [
          {"threads": 2, "buildSeconds": 0.5, "indexBytes": 1000000, "peakRSSMiB": 50, "segments": 2,
           "query": {"samples": 5, "p50Ms": 0.1, "p90Ms": 0.2, "p99Ms": 0.4, "meanMs": 0.15, "qps": 6666, "queriesWithHits": 5},
           "queryStopWordsDropped": {"samples": 5, "p50Ms": 0.05, "p90Ms": 0.1, "p99Ms": 0.2, "meanMs": 0.07, "qps": 14000, "queriesWithHits": 5}},
          {"threads": 1, "buildSeconds": 1.0, "indexBytes": 900000, "peakRSSMiB": 40, "segments": 1,
           "query": {"samples": 5, "p50Ms": 0.1, "p90Ms": 0.2, "p99Ms": 0.4, "meanMs": 0.15, "qps": 6666, "queriesWithHits": 5}}]}
        """

    /// A stand-in script that records its arguments in `args.txt`, writes `report` to the
    /// `--json-output` path and exits with `status`.
    func fakeScript(_ workspace: Workspace, status: Int, report: String? = BenchBaselineTests.report) throws -> String {
        try workspace.write("report.json", report ?? "")
        let script = """
            #!/usr/bin/env bash
            printf '%s\\n' "$@" > "\(workspace.url("args.txt").path)"
            out=""
            while [ $# -gt 0 ]; do [ "$1" = --json-output ] && out="$2"; shift; done
            echo "stand-in tantivy progress" >&2
            \(report == nil ? "" : "cp \"\(workspace.url("report.json").path)\" \"$out\"")
            exit \(status)
            """
        try workspace.write("fake.sh", script)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: workspace.url("fake.sh").path)
        return workspace.url("fake.sh").path
    }

    func corpus(_ workspace: Workspace) async throws {
        try await expectSuccessOf(await workspace.vaultsearch("generate", "--docs", "60", "--queries", "5", "--output", "c.jsonl", "--queries-output", "q.tsv"))
    }

    @Test func tantivyRowsAndRatios() async throws {
        let workspace = try Workspace()
        try await corpus(workspace)
        let script = try fakeScript(workspace, status: 0)
        let result = try await workspace.vaultsearch(
            "bench", "--corpus", "c.jsonl", "--queries", "q.tsv", "--baseline", "tantivy", "--plain", "--repeat", "1", "--tantivy-script", script)
        expectSuccess(result)
        let out = result.stdout
        let lines = out.split(separator: "\n").map(String.init)
        for prefix in ["vaultsearch  ", "vaultsearch, typos + prefix off", "tantivy 9.9.9, 2 threads", "  same index, our stop words dropped", "tantivy 9.9.9, 1 thread "] {
            #expect(lines.contains { $0.hasPrefix(prefix) }, "no row starting \(prefix): \(result)")
        }
        #expect(!out.contains("sqlite-fts5"), "FTS5 ran without being asked for: \(result)")
        #expect(out.contains("VaultSearch ÷ tantivy 2 threads: build"), "\(result)")
        #expect(out.contains("VaultSearch ÷ tantivy 1 thread: build"), "\(result)")
        #expect(out.contains("typos + prefix off p50"), "\(result)")
        #expect(out.contains("against tantivy with our stop words dropped"), "\(result)")
        #expect(out.contains("load average at start"), "\(result)")
        #expect(result.stderr.contains("stand-in tantivy progress"), "\(result)")

        let args = try String(decoding: workspace.read("args.txt"), as: UTF8.self).split(separator: "\n").map(String.init)
        func value(_ flag: String) -> String? { args.firstIndex(of: flag).map { args[$0 + 1] } }
        #expect(value("--corpus") == "c.jsonl" && value("--queries") == "q.tsv", "\(args)")
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))
        #expect(value("--threads") == (workers == 1 ? "1" : "\(workers),1"), "\(args)")
        #expect(value("--repeat") == "1" && value("--limit") == "10" && value("--title-boost") == "2.5", "\(args)")
        #expect(value("--stop-words")?.split(separator: ",").contains("the") == true, "\(args)")

        let json = try await workspace.vaultsearch(
            "bench", "--corpus", "c.jsonl", "--queries", "q.tsv", "--baseline", "tantivy", "--baseline", "fts5", "--repeat", "1",
            "--tantivy-script", script, "--tantivy-threads", "3,1", "--json")
        expectSuccess(json)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any], "\(json)")
        #expect((object["tantivy"] as? [String: Any])?["tantivyVersion"] as? String == "9.9.9", "\(json)")
        let ratios = try #require(object["vaultsearchOverTantivy"] as? [[String: Any]], "\(json)")
        #expect(ratios.map { $0["threads"] as? Int } == [2, 1] && ratios.allSatisfy { ($0["p50"] as? Double ?? 0) > 0 }, "\(ratios)")
        #expect(object["fts5"] != nil && object["vaultsearchTyposPrefixOff"] == nil, "\(json)")
        #expect(((object["vaultsearch"] as? [String: Any])?["indexBytes"] as? Int ?? 0) > 0, "\(json)")
        let args2 = try String(decoding: workspace.read("args.txt"), as: UTF8.self).split(separator: "\n").map(String.init)
        #expect(args2.firstIndex(of: "--threads").map { args2[$0 + 1] } == "3,1", "\(args2)")
    }

    @Test func skippedScriptIsNotAFailure() async throws {
        let workspace = try Workspace()
        try await corpus(workspace)
        let script = try fakeScript(workspace, status: 77, report: nil)
        let result = try await workspace.vaultsearch(
            "bench", "--corpus", "c.jsonl", "--queries", "q.tsv", "--baseline", "tantivy", "--repeat", "1", "--tantivy-script", script)
        expectSuccess(result)
        #expect(result.stdout.contains("skipped"), "\(result)")
        #expect(result.stdout.split(separator: "\n").contains { $0.hasPrefix("vaultsearch ") }, "\(result)")
    }

    @Test func failingScriptFailsTheBench() async throws {
        let workspace = try Workspace()
        try await corpus(workspace)
        let script = try fakeScript(workspace, status: 3, report: nil)
        let result = try await workspace.vaultsearch(
            "bench", "--corpus", "c.jsonl", "--queries", "q.tsv", "--baseline", "tantivy", "--repeat", "1", "--tantivy-script", script)
        expectFailure(result, mentioning: "the tantivy baseline failed")
        let missing = try await workspace.vaultsearch(
            "bench", "--corpus", "c.jsonl", "--queries", "q.tsv", "--baseline", "tantivy", "--tantivy-script", "absent.sh")
        expectFailure(missing, mentioning: "no executable tantivy script at 'absent.sh'")
    }
}
