import ArgumentParser
import Foundation
import VaultEval
import VaultIndex

/// A baseline engine of `vaultsearch bench`.
enum BenchBaseline: String, ExpressibleByArgument, CaseIterable {
    /// SQLite FTS5 in this process.
    case fts5
    /// tantivy through its Python binding, by `Benchmarks/tantivy/run.sh`.
    case tantivy
    /// No baseline: VaultSearch alone (for a profile of our own path).
    case none
}

/// `vaultsearch bench`: index build time and query latency, side by side with SQLite FTS5 and/or
/// tantivy over the same documents and queries, in one run.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmark index build and query latency against SQLite FTS5 and/or tantivy on the same corpus and queries.",
        discussion: """
            Every engine reads the same corpus file (JSON parsing included in every build time) and runs \
            the same queries single-threaded, VaultSearch with any-word BM25F top-k, FTS5 with the words \
            OR-ed and ORDER BY bm25() LIMIT k, tantivy (--baseline tantivy: Benchmarks/tantivy/run.sh, \
            which installs the tantivy package from PyPI into Benchmarks/tantivy/.venv) with the words \
            OR-ed over title (boosted by our title weight) and text as one flat disjunction of term \
            queries (block-max WAND), en_stem tokenizer, built once with as \
            many writer threads as VaultSearch's build uses and once with one, each build in its own \
            process. After one warm-up pass, every query runs --repeat times per engine; latency \
            percentiles are over all those runs. --plain also times VaultSearch with typos and prefix \
            search off (query-time settings, same index). Where PyPI is unreachable the tantivy rows \
            say "skipped". Use a release build.
            """)

    @Option(name: .long, help: "The corpus (BEIR corpus.jsonl).")
    var corpus: String

    @Option(name: .long, help: "The queries (id<TAB>text).")
    var queries: String

    @Option(name: .long, help: "Where to build the indexes (default: a temporary directory, removed after).")
    var workDirectory: String?

    @Option(name: .long, parsing: .unconditional, help: "Timed passes over the queries, per engine.")
    var `repeat` = 5

    @Option(name: .long, parsing: .unconditional, help: "Hits per query.")
    var limit = 10

    @Option(name: .long, help: "A baseline engine: fts5, tantivy or none; repeat the option for both engines (default: fts5).")
    var baseline: [BenchBaseline] = []

    @Flag(name: .long, help: "Also time VaultSearch with typos and prefix search off.")
    var plain = false

    @Option(name: .long, help: "tantivy's writer thread counts, comma-separated (default: VaultSearch's analysis threads, then 1).")
    var tantivyThreads: String?

    @Option(name: .long, help: "The tantivy baseline's entry point (default: Benchmarks/tantivy/run.sh of this checkout).")
    var tantivyScript: String?

    @Flag(name: .long, help: "Print JSON.")
    var json = false

    func validate() throws {
        if `repeat` < 1 || `repeat` > 1000 { throw ValidationError("--repeat must be between 1 and 1000") }
        if limit < 1 || limit > 1000 { throw ValidationError("--limit must be between 1 and 1000") }
        if baseline.contains(.none) && Set(baseline).count > 1 { throw ValidationError("--baseline none cannot be combined with another baseline") }
        if tantivyThreads != nil, threadCounts == nil { throw ValidationError("--tantivy-threads must list positive counts, e.g. 2,1") }
    }

    /// The baselines asked for (FTS5 when none is named; `none` alone: no baseline).
    var baselines: Set<BenchBaseline> { baseline.isEmpty ? [.fts5] : Set(baseline).subtracting([.none]) }

    /// tantivy's writer thread counts.
    var threadCounts: [Int]? {
        guard let tantivyThreads else {
            let ours = IndexWriter.analysisWorkers
            return ours == 1 ? [1] : [ours, 1]
        }
        let counts = tantivyThreads.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !counts.isEmpty, counts.allSatisfy({ ($0 ?? 0) > 0 }) else { return nil }
        return counts.map { $0! }
    }

    func run() throws {
        let loadAtStart = loadAverages()
        let tantivy = baselines.contains(.tantivy) ? try TantivyBaseline.locate(tantivyScript) : nil
        let queryList = try EvalQuery.readTSV(contentsOf: URL(fileURLWithPath: queries)).map(\.text)
        let work = workDirectory ?? NSTemporaryDirectory() + "vaultsearch-bench-\(getpid())"
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        defer { if workDirectory == nil { try? FileManager.default.removeItem(atPath: work) } }

        let settings = IndexSettings.beir
        log("building the VaultSearch index…")
        let built = try CorpusIndexer(settings: settings).build(corpus: corpus, into: work + "/vault-index")
        let vaultRSS = peakResidentMiB()
        let vaultBytes = directoryBytes(work + "/vault-index")

        let index = try Index.open(at: work + "/vault-index")
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
        log("timing \(queryList.count) queries × \(`repeat`) on VaultSearch…")
        let vault = try measure(queryList) { _ = try searcher.search($0, scope: .publicOnly, options: options) }
        var vaultPlain: LatencySummary?
        if plain {
            var off = settings
            off.typoTolerance.enabled = false
            off.prefixSearch = false
            try index.updateSettings(off)
            log("timing \(queryList.count) queries × \(`repeat`) on VaultSearch with typos and prefix search off…")
            vaultPlain = try measure(queryList) { _ = try searcher.search($0, scope: .publicOnly, options: options) }
            try index.updateSettings(settings)
        }

        var ftsBuild = 0.0, ftsBytes = 0
        var sqlite: LatencySummary?
        if baselines.contains(.fts5) {
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
            ftsBuild = (ContinuousClock.now - ftsStart).seconds
            ftsBytes = ["", "-wal"].reduce(0) { $0 + fileBytes(work + "/fts5.sqlite" + $1) }
            log("timing \(queryList.count) queries × \(`repeat`) on FTS5…")
            sqlite = try measure(queryList) { _ = try fts.search($0, limit: limit) }
        }

        var tantivyOutcome: TantivyBaseline.Outcome?
        if let tantivy {
            log("running the tantivy baseline (\(tantivy.script))…")
            tantivyOutcome = try tantivy.run(
                corpus: corpus, queries: queries, threads: threadCounts ?? [1], repeat: `repeat`, limit: limit, stopWords: settings.stopWords,
                titleBoost: settings.searchableFields[0].weight, workDirectory: work)
        }
        let loadAtEnd = loadAverages()

        if json {
            var object: [String: Any] = [
                "documents": built.documents, "queries": queryList.count, "repeat": `repeat`, "limit": limit,
                "loadAverage": ["start": loadAtStart.map { rounded($0, 2) }, "end": loadAtEnd.map { rounded($0, 2) }],
                "work": ["blocksDecodedPerQuery": rounded(perQuery(totals.blocksDecoded), 1), "postingsScoredPerQuery": rounded(perQuery(totals.postingsScored), 1), "candidatesPerQuery": rounded(perQuery(totals.candidates), 1)],
                "vaultsearch": latencyJSON(vault).merging(["buildSeconds": rounded(built.seconds, 3), "peakRSSMiBAfterBuild": rounded(vaultRSS, 1), "indexBytes": vaultBytes]) { $1 },
            ]
            if let vaultPlain { object["vaultsearchTyposPrefixOff"] = latencyJSON(vaultPlain) }
            if let sqlite {
                object["fts5"] = latencyJSON(sqlite).merging(["buildSeconds": rounded(ftsBuild, 3), "indexBytes": ftsBytes]) { $1 }
                object["speedup"] = ["p50": rounded(sqlite.p50 / max(vault.p50, 1e-9), 2), "p99": rounded(sqlite.p99 / max(vault.p99, 1e-9), 2), "build": rounded(ftsBuild / max(built.seconds, 1e-9), 2)]
            }
            switch tantivyOutcome {
            case .measured(let report, let raw):
                object["tantivy"] = raw
                object["vaultsearchOverTantivy"] = report.runs.map { run in
                    ratiosJSON(run, vault: vault, plain: vaultPlain, buildSeconds: built.seconds, bytes: vaultBytes, rss: vaultRSS)
                }
            case .skipped: object["tantivy"] = ["skipped": true]
            case nil: break
            }
            try printJSON(object)
            return
        }

        print("corpus \(corpus): \(built.documents) documents, \(queryList.count) queries × \(`repeat`) timed runs, top \(limit)")
        print(String(format: "load average at start %.2f %.2f %.2f, at end %.2f %.2f %.2f (2 cores here: above 2, the engines shared the machine)",
                     loadAtStart[0], loadAtStart[1], loadAtStart[2], loadAtEnd[0], loadAtEnd[1], loadAtEnd[2]))
        print("engine                                  build s   index MB  peak RSS MiB    p50 ms    p90 ms    p99 ms       qps")
        func row(_ name: String, build: Double?, bytes: Int?, rss: Double?, _ l: LatencySummary) {
            row(name, build: build, bytes: bytes, rss: rss, p50: l.p50, p90: l.p90, p99: l.p99, qps: qps(l))
        }
        func row(_ name: String, build: Double?, bytes: Int?, rss: Double?, p50: Double, p90: Double, p99: Double, qps: Double) {
            let b = build.map { String(format: "%9.2f", $0) } ?? String(repeating: " ", count: 8) + "—"
            let m = bytes.map { String(format: "%10.1f", Double($0) / 1e6) } ?? String(repeating: " ", count: 9) + "—"
            let r = rss.map { String(format: "%13.0f", $0) } ?? String(repeating: " ", count: 12) + "—"
            print(name.padding(toLength: 38, withPad: " ", startingAt: 0) + b + m + r + String(format: " %9.4f %9.4f %9.4f %9.0f", p50, p90, p99, qps))
        }
        row("vaultsearch", build: built.seconds, bytes: vaultBytes, rss: vaultRSS, vault)
        if let vaultPlain { row("vaultsearch, typos + prefix off", build: nil, bytes: nil, rss: nil, vaultPlain) }
        if let sqlite { row("sqlite-fts5", build: ftsBuild, bytes: ftsBytes, rss: nil, sqlite) }
        switch tantivyOutcome {
        case .measured(let report, _):
            for run in report.runs {
                let name = "tantivy \(report.tantivyVersion), \(run.threads) thread\(run.threads == 1 ? "" : "s")"
                row(name, build: run.buildSeconds, bytes: run.indexBytes, rss: run.peakRSSMiB, p50: run.query.p50Ms, p90: run.query.p90Ms, p99: run.query.p99Ms, qps: run.query.qps)
                if let d = run.queryStopWordsDropped {
                    row("  same index, our stop words dropped", build: nil, bytes: nil, rss: nil, p50: d.p50Ms, p90: d.p90Ms, p99: d.p99Ms, qps: d.qps)
                }
            }
        case .skipped: print("tantivy                                 skipped (see the message above)")
        case nil: break
        }
        if let sqlite {
            print(String(format: "FTS5 / VaultSearch: p50 %.1f×, p99 %.1f×, build %.2f×", sqlite.p50 / max(vault.p50, 1e-9), sqlite.p99 / max(vault.p99, 1e-9), ftsBuild / max(built.seconds, 1e-9)))
        }
        if case .measured(let report, _) = tantivyOutcome {
            for run in report.runs {
                let r = ratiosJSON(run, vault: vault, plain: vaultPlain, buildSeconds: built.seconds, bytes: vaultBytes, rss: vaultRSS)
                var line = String(format: "VaultSearch ÷ tantivy %d thread%@: build %.2f×, index bytes %.2f×, peak RSS %.2f×; defaults p50 %.2f×, p99 %.2f×",
                                  run.threads, run.threads == 1 ? "" : "s", r["build"] as! Double, r["indexBytes"] as! Double, r["peakRSS"] as! Double,
                                  r["p50"] as! Double, r["p99"] as! Double)
                if let p50 = r["plainP50"] as? Double, let p99 = r["plainP99"] as? Double {
                    line += String(format: "; typos + prefix off p50 %.2f×, p99 %.2f×", p50, p99)
                }
                print(line)
                if let p50 = r["p50StopWordsDropped"] as? Double, let p99 = r["p99StopWordsDropped"] as? Double {
                    var dropped = String(format: "  against tantivy with our stop words dropped: defaults p50 %.2f×, p99 %.2f×", p50, p99)
                    if let p50 = r["plainP50StopWordsDropped"] as? Double, let p99 = r["plainP99StopWordsDropped"] as? Double {
                        dropped += String(format: "; typos + prefix off p50 %.2f×, p99 %.2f×", p50, p99)
                    }
                    print(dropped)
                }
            }
            if let overhead = report.pythonOverheadSeconds {
                print(String(format: "of each tantivy build, %.2f s is Python reading the JSON and making Document objects", overhead))
            }
        }
        print(String(format: "VaultSearch work per query: %.1f blocks decoded, %.1f postings scored, %.1f candidates", perQuery(totals.blocksDecoded), perQuery(totals.postingsScored), perQuery(totals.candidates)))
        print(String(format: "peak RSS after the VaultSearch build: %.0f MiB", vaultRSS))
    }

    /// Queries per second, single-threaded: samples over their summed time.
    private func qps(_ l: LatencySummary) -> Double { l.mean > 0 ? 1000 / l.mean : 0 }

    private func latencyJSON(_ l: LatencySummary) -> [String: Any] {
        ["p50Ms": rounded(l.p50, 4), "p90Ms": rounded(l.p90, 4), "p99Ms": rounded(l.p99, 4), "meanMs": rounded(l.mean, 4), "qps": rounded(qps(l), 1)]
    }

    /// VaultSearch's numbers divided by one tantivy run's (above 1: VaultSearch is slower or bigger).
    private func ratiosJSON(
        _ run: TantivyBaseline.Run, vault: LatencySummary, plain: LatencySummary?, buildSeconds: Double, bytes: Int, rss: Double
    ) -> [String: Any] {
        func ratio(_ a: Double, _ b: Double) -> Double { rounded(a / max(b, 1e-9), 2) }
        var r: [String: Any] = [
            "threads": run.threads, "build": ratio(buildSeconds, run.buildSeconds), "indexBytes": ratio(Double(bytes), Double(run.indexBytes)),
            "peakRSS": ratio(rss, run.peakRSSMiB), "p50": ratio(vault.p50, run.query.p50Ms), "p99": ratio(vault.p99, run.query.p99Ms),
        ]
        if let plain {
            r["plainP50"] = ratio(plain.p50, run.query.p50Ms)
            r["plainP99"] = ratio(plain.p99, run.query.p99Ms)
        }
        if let d = run.queryStopWordsDropped {
            r["p50StopWordsDropped"] = ratio(vault.p50, d.p50Ms)
            r["p99StopWordsDropped"] = ratio(vault.p99, d.p99Ms)
            if let plain {
                r["plainP50StopWordsDropped"] = ratio(plain.p50, d.p50Ms)
                r["plainP99StopWordsDropped"] = ratio(plain.p99, d.p99Ms)
            }
        }
        return r
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
