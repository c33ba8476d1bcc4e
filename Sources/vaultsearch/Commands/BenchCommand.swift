import ArgumentParser
import Foundation
import VaultEval
import VaultIndex

/// `vaultsearch bench`: index build time and query latency, side by side with SQLite FTS5 over the
/// same documents and queries, in one run.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmark index build and query latency against SQLite FTS5 on the same corpus and queries.",
        discussion: """
            Both engines read the same corpus file (JSON parsing included in both build times) and run \
            the same queries single-threaded, VaultSearch with any-word BM25F top-k, FTS5 with the words \
            OR-ed and ORDER BY bm25() LIMIT k. After one warm-up pass, every query runs --repeat times \
            per engine; latency percentiles are over all those runs. Use a release build.
            """)

    @Option(name: .long, help: "The corpus (BEIR corpus.jsonl).")
    var corpus: String

    @Option(name: .long, help: "The queries (id<TAB>text).")
    var queries: String

    @Option(name: .long, help: "Where to build both indexes (default: a temporary directory, removed after).")
    var workDirectory: String?

    @Option(name: .long, parsing: .unconditional, help: "Timed passes over the queries, per engine.")
    var `repeat` = 5

    @Option(name: .long, parsing: .unconditional, help: "Hits per query.")
    var limit = 10

    @Flag(name: .long, help: "Print JSON.")
    var json = false

    func validate() throws {
        if `repeat` < 1 || `repeat` > 1000 { throw ValidationError("--repeat must be between 1 and 1000") }
        if limit < 1 || limit > 1000 { throw ValidationError("--limit must be between 1 and 1000") }
    }

    func run() throws {
        let queryList = try EvalQuery.readTSV(contentsOf: URL(fileURLWithPath: queries)).map(\.text)
        let work = workDirectory ?? NSTemporaryDirectory() + "vaultsearch-bench-\(getpid())"
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        defer { if workDirectory == nil { try? FileManager.default.removeItem(atPath: work) } }

        let settings = IndexSettings.beir
        log("building the VaultSearch index…")
        let built = try CorpusIndexer(settings: settings).build(corpus: corpus, into: work + "/vault-index")
        let vaultRSS = peakResidentMiB()
        log("building the FTS5 table…")
        let ftsStart = ContinuousClock.now
        let fts = try FTS5Baseline(path: work + "/fts5.sqlite", titleWeight: settings.searchableFields[0].weight, textWeight: settings.searchableFields[1].weight)
        let reader = try BEIRCorpusReader(path: corpus)
        var batch: [Document] = []
        while let document = try reader.next() {
            batch.append(document)
            if batch.count == 5_000 { try fts.insert(batch); batch.removeAll(keepingCapacity: true) }
        }
        try fts.insert(batch)
        let ftsBuild = (ContinuousClock.now - ftsStart).seconds

        let index = try Index.open(at: work + "/vault-index", readOnly: true)
        let searcher = try Searcher(index: index)
        let options = SearchOptions(limit: limit)
        var totals = SearchWork()
        for query in queryList {
            let w = try searcher.search(query, scope: .publicOnly, options: options).work
            totals.blocksDecoded += w.blocksDecoded
            totals.postingsScored += w.postingsScored
            totals.candidates += w.candidates
        }
        let perQuery = { (value: Int) in Double(value) / Double(max(queryList.count, 1)) }
        log("timing \(queryList.count) queries × \(`repeat`) on each engine…")
        let vault = try measure(queryList) { _ = try searcher.search($0, scope: .publicOnly, options: options) }
        let sqlite = try measure(queryList) { _ = try fts.search($0, limit: limit) }

        if json {
            try printJSON([
                "documents": built.documents, "queries": queryList.count, "repeat": `repeat`,
                "work": ["blocksDecodedPerQuery": rounded(perQuery(totals.blocksDecoded), 1), "postingsScoredPerQuery": rounded(perQuery(totals.postingsScored), 1), "candidatesPerQuery": rounded(perQuery(totals.candidates), 1)],
                "vaultsearch": ["buildSeconds": rounded(built.seconds, 3), "p50Ms": rounded(vault.p50, 4), "p90Ms": rounded(vault.p90, 4), "p99Ms": rounded(vault.p99, 4), "meanMs": rounded(vault.mean, 4), "peakRSSMiBAfterBuild": rounded(vaultRSS, 1)],
                "fts5": ["buildSeconds": rounded(ftsBuild, 3), "p50Ms": rounded(sqlite.p50, 4), "p90Ms": rounded(sqlite.p90, 4), "p99Ms": rounded(sqlite.p99, 4), "meanMs": rounded(sqlite.mean, 4)],
                "speedup": ["p50": rounded(sqlite.p50 / max(vault.p50, 1e-9), 2), "p99": rounded(sqlite.p99 / max(vault.p99, 1e-9), 2), "build": rounded(ftsBuild / max(built.seconds, 1e-9), 2)],
            ])
            return
        }
        print("corpus \(corpus): \(built.documents) documents, \(queryList.count) queries × \(`repeat`) timed runs, top \(limit)")
        print("engine        build s    p50 ms    p90 ms    p99 ms   mean ms")
        print(String(format: "vaultsearch %8.2f %9.4f %9.4f %9.4f %9.4f", built.seconds, vault.p50, vault.p90, vault.p99, vault.mean))
        print(String(format: "sqlite-fts5 %8.2f %9.4f %9.4f %9.4f %9.4f", ftsBuild, sqlite.p50, sqlite.p90, sqlite.p99, sqlite.mean))
        print(String(format: "FTS5 / VaultSearch: p50 %.1f×, p99 %.1f×, build %.2f×", sqlite.p50 / max(vault.p50, 1e-9), sqlite.p99 / max(vault.p99, 1e-9), ftsBuild / max(built.seconds, 1e-9)))
        print(String(format: "VaultSearch work per query: %.1f blocks decoded, %.1f postings scored, %.1f candidates", perQuery(totals.blocksDecoded), perQuery(totals.postingsScored), perQuery(totals.candidates)))
        print(String(format: "peak RSS after the VaultSearch build: %.0f MiB", vaultRSS))
    }

    private func measure(_ queries: [String], _ body: (String) throws -> Void) throws -> LatencySummary {
        for query in queries { try body(query) }
        var samples: [UInt64] = []
        samples.reserveCapacity(queries.count * `repeat`)
        for _ in 0..<`repeat` {
            for query in queries {
                let start = DispatchTime.now().uptimeNanoseconds
                try body(query)
                samples.append(DispatchTime.now().uptimeNanoseconds - start)
            }
        }
        return LatencySummary(nanoseconds: samples)
    }

    private func log(_ text: String) { FileHandle.standardError.write(Data((text + "\n").utf8)) }
}
