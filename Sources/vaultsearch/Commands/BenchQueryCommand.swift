import ArgumentParser
import Foundation
import VaultEval
import VaultIndex
import VaultIngest

/// `vaultsearch bench-query`: query latency with filters, facets, sort and exact totals, side by
/// side with SQLite (FTS5 plus SQL over the base tables) on the same store, in one run.
struct BenchQueryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-query",
        abstract: "Benchmark filtered, faceted, sorted and exactly counted searches against SQLite over the same store.",
        discussion: """
            Queries are drawn with --seed from the store's own titles, tags, models and categories. \
            Scenarios: (a) words + `tags = X AND model IN [m1, m2]`, top 10, and the same words without \
            the filter; (b) broad words with exact facets on tags, category.lvl0 and model (page 1, exact \
            total); (c) an empty query with `category.lvl0 = X`, sorted by createdAt:desc, top 10; (d) page \
            mode (exact total, 10 per page) against estimated mode. SQLite answers in a temporary copy of \
            the store with an FTS5 table (porter unicode61 remove_diacritics 2) over title, description, \
            content and tag names, and SQL over prompts, prompt_tags/tags, ai_models and a precomputed \
            root-category table; both see only public, published prompts. Single-threaded; one warm-up \
            pass, then --repeat timed passes per scenario and engine. Use a release build.
            """)

    @Option(name: .long, help: "The PromptVault store (a SQLite database; never modified).")
    var db: String

    @Option(name: .long, help: "The index of that store (built with `index --rebuild` when missing).")
    var index: String

    @Option(name: .long, parsing: .unconditional, help: "Queries per scenario.")
    var queries = 200

    @Option(name: .long, parsing: .unconditional, help: "Timed passes over the queries, per scenario and engine.")
    var `repeat` = 2

    @Option(name: .long, help: "The seed that draws the queries.")
    var seed: UInt64 = 42

    @Option(name: .long, help: "Where to put the SQLite copy (default: a temporary directory, removed after).")
    var workDirectory: String?

    @Flag(name: .long, help: "Print JSON.")
    var json = false

    func validate() throws {
        if queries < 1 || queries > 100_000 { throw ValidationError("--queries must be between 1 and 100000") }
        if `repeat` < 1 || `repeat` > 1000 { throw ValidationError("--repeat must be between 1 and 1000") }
    }

    /// One measured question: what each engine runs, and the number of matches it reports (nil when
    /// the run does not count them).
    private struct Scenario {
        var key: String
        var label: String
        var count: Int
        var vault: (Int) throws -> Int?
        var sqlite: (Int) throws -> Int?
    }

    private struct Measured {
        var key: String
        var label: String
        var vault: LatencySummary
        var sqlite: LatencySummary
        var vaultCounts: [Int?]
        var sqliteCounts: [Int?]
    }

    func run() throws {
        guard FileManager.default.fileExists(atPath: db) else { throw CommandError("no store at '\(db)'") }
        if !FileManager.default.fileExists(atPath: index + "/data.mdb") {
            log("no index at \(index): rebuilding it from \(db)…")
            _ = try IndexRebuilder(configuration: try SourceConfiguration.promptVault()).rebuild(storePath: db, into: index, log: IngestLog.line)
        }
        let opened = try Index.open(at: index, readOnly: true)
        let searcher = try Searcher(index: opened)
        let snapshot = try opened.snapshot()
        defer { snapshot.close() }
        let documents = Int(snapshot.statistics.documentCount)
        let visible = try searcher.search("", scope: .publicOnly, options: SearchOptions(limit: 0), in: snapshot).estimatedTotalHits

        log("drawing \(queries) queries per scenario (seed \(seed))…")
        let stopWords = Set(snapshot.settings.stopWords)
        let set = try BenchQuerySet.draw(storePath: db, count: queries, seed: seed, stopWords: stopWords)
        guard !set.texts.isEmpty, !set.broad.isEmpty, !set.rootCategories.isEmpty else {
            throw CommandError("the store has too few public, published prompts with tags, a model and a category to draw queries from")
        }

        let work = workDirectory ?? NSTemporaryDirectory() + "vaultsearch-bench-query-\(getpid())"
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        defer { if workDirectory == nil { try? FileManager.default.removeItem(atPath: work) } }
        log("copying the store and building the FTS5 table in the copy…")
        let sql = try SQLiteQueryBaseline(copying: db, to: work + "/bench-query.sqlite")
        defer { sql.remove() }

        let scenarios = try makeScenarios(set, searcher: searcher, snapshot: snapshot, sql: sql)
        var results: [Measured] = []
        for scenario in scenarios {
            log("\(scenario.label): \(scenario.count) queries × \(`repeat`) on each engine…")
            // Warm-up pass, which also records the counts.
            let vaultCounts = try (0..<scenario.count).map { try scenario.vault($0) }
            let sqliteCounts = try (0..<scenario.count).map { try scenario.sqlite($0) }
            let vault = try measure(scenario.count, scenario.vault)
            let sqlite = try measure(scenario.count, scenario.sqlite)
            results.append(Measured(key: scenario.key, label: scenario.label, vault: vault, sqlite: sqlite, vaultCounts: vaultCounts, sqliteCounts: sqliteCounts))
        }
        let byKey = Dictionary(uniqueKeysWithValues: results.map { ($0.key, $0) })
        let filtered = byKey["a-filtered"]!, unfiltered = byKey["a-unfiltered"]!, broad = byKey["b-facets"]!
        let placeholder = byKey["c-placeholder"]!, page = byKey["d-page"]!
        let broadTotals = broad.vaultCounts.compactMap { $0 }.sorted(), broadSQL = broad.sqliteCounts.compactMap { $0 }.sorted()
        let broadAgreement = Agreement(broad), placeholderAgreement = Agreement(placeholder)
        let reproduce = "vaultsearch bench-query --db \(db) --index \(index) --queries \(queries) --repeat \(`repeat`) --seed \(seed)"

        if json {
            var scenarioObjects: [String: Any] = [:]
            for m in results {
                scenarioObjects[m.key] = [
                    "label": m.label, "vaultsearch": summaryObject(m.vault), "sqlite": summaryObject(m.sqlite),
                    "sqliteOverVaultsearch": ["p50": ratio(m.sqlite.p50, m.vault.p50), "p90": ratio(m.sqlite.p90, m.vault.p90), "p99": ratio(m.sqlite.p99, m.vault.p99)],
                ]
            }
            try printJSON([
                "store": db, "index": index, "documents": documents, "visibleDocuments": visible, "queries": queries, "repeat": `repeat`, "seed": seed,
                "sqliteCopySeconds": rounded(sql.copySeconds, 2), "sqliteBuildSeconds": rounded(sql.buildSeconds, 2),
                "scenarios": scenarioObjects,
                "filteredOverUnfiltered": ["p50": ratio(filtered.vault.p50, unfiltered.vault.p50), "p99": ratio(filtered.vault.p99, unfiltered.vault.p99)],
                "pageOverEstimated": [
                    "vaultsearch": ["p50": ratio(page.vault.p50, unfiltered.vault.p50), "p99": ratio(page.vault.p99, unfiltered.vault.p99)],
                    "sqlite": ["p50": ratio(page.sqlite.p50, unfiltered.sqlite.p50), "p99": ratio(page.sqlite.p99, unfiltered.sqlite.p99)],
                ],
                "broadCandidates": ["vaultsearch": quartiles(broadTotals), "sqlite": quartiles(broadSQL)],
                "countAgreement": ["b": broadAgreement.object, "c": placeholderAgreement.object],
                "reproduce": reproduce,
            ])
            return
        }
        print("store \(db): index \(index) holds \(documents) documents, \(visible) public and published; seed \(seed)")
        print("\(queries) queries per scenario × \(`repeat`) timed passes after one warm-up pass, single-threaded")
        print(String(format: "SQLite copy with FTS5: %.1f s copying, %.1f s building", sql.copySeconds, sql.buildSeconds))
        print("scenario                                      engine         p50 ms    p90 ms    p99 ms   mean ms   SQLite ÷ VaultSearch")
        for m in results {
            print(row(m.label, "vaultsearch", m.vault) + String(format: "   p50 %.1f×, p99 %.1f×", ratio(m.sqlite.p50, m.vault.p50), ratio(m.sqlite.p99, m.vault.p99)))
            print(row("", "sqlite", m.sqlite))
        }
        print(String(format: "(a) filtered ÷ unfiltered, VaultSearch: p50 %.2f×, p99 %.2f× (%@); SQLite: p50 %.2f×, p99 %.2f×",
                     ratio(filtered.vault.p50, unfiltered.vault.p50), ratio(filtered.vault.p99, unfiltered.vault.p99),
                     filtered.vault.p50 <= unfiltered.vault.p50 && filtered.vault.p99 <= unfiltered.vault.p99 ? "filtered no slower" : "filtered SLOWER",
                     ratio(filtered.sqlite.p50, unfiltered.sqlite.p50), ratio(filtered.sqlite.p99, unfiltered.sqlite.p99)))
        print("(b) candidates (exact total per query): VaultSearch \(quartileText(broadTotals)); SQLite COUNT(*) \(quartileText(broadSQL))")
        print(String(format: "(d) page mode ÷ estimated mode (the (a) unfiltered row): VaultSearch p50 %.2f×, p99 %.2f×; SQLite (COUNT(*) added) p50 %.2f×, p99 %.2f×",
                     ratio(page.vault.p50, unfiltered.vault.p50), ratio(page.vault.p99, unfiltered.vault.p99),
                     ratio(page.sqlite.p50, unfiltered.sqlite.p50), ratio(page.sqlite.p99, unfiltered.sqlite.p99)))
        print(broadAgreement.line(scenario: "(b)", describe: { set.broad[$0] }, note: " (the text matching differs: typos, prefixes, stemming, the instructions field)"))
        print(placeholderAgreement.line(scenario: "(c)", describe: { "category.lvl0 = \(set.rootCategories[$0])" }, note: ""))
        print("reproduce: \(reproduce)")
    }

    /// The scenarios, with every query's options, filters and SQL requests made ahead of timing.
    private func makeScenarios(_ set: BenchQuerySet, searcher: Searcher, snapshot: IndexSnapshot, sql: SQLiteQueryBaseline) throws -> [Scenario] {
        let texts = set.texts
        let filteredOptions = try texts.map { query -> SearchOptions in
            var options = SearchOptions(limit: 10)
            options.filter = try FilterParser.parse("tags = \(quoted(query.tag)) AND model IN [\(query.models.map(quoted).joined(separator: ", "))]")
            return options
        }
        let filteredRequests = texts.map { SQLiteQueryBaseline.Request(text: $0.text, tag: $0.tag, models: $0.models) }
        let plain = SearchOptions(limit: 10)
        var facetOptions = SearchOptions()
        facetOptions.page = 1
        facetOptions.hitsPerPage = 10
        facetOptions.facets = ["tags", "category.lvl0", "model"]
        let placeholderOptions = try set.rootCategories.map { root -> SearchOptions in
            var options = SearchOptions(limit: 10)
            options.filter = try FilterParser.parse("category.lvl0 = \(quoted(root))")
            options.sort = [try SortKey.parse("createdAt:desc")]
            return options
        }
        var pageOptions = SearchOptions()
        pageOptions.page = 1
        pageOptions.hitsPerPage = 10
        return [
            Scenario(
                key: "a-filtered", label: "(a) q + tags = X AND model IN [..], top 10", count: texts.count,
                vault: { _ = try searcher.search(texts[$0].text, scope: .publicOnly, options: filteredOptions[$0], in: snapshot); return nil },
                sqlite: { _ = try sql.top(filteredRequests[$0], limit: 10); return nil }),
            Scenario(
                key: "a-unfiltered", label: "(a) same q, no filter, top 10", count: texts.count,
                vault: { _ = try searcher.search(texts[$0].text, scope: .publicOnly, options: plain, in: snapshot); return nil },
                sqlite: { _ = try sql.top(SQLiteQueryBaseline.Request(text: texts[$0].text), limit: 10); return nil }),
            Scenario(
                key: "b-facets", label: "(b) broad q, 3 exact facets, page 1", count: set.broad.count,
                vault: { try searcher.search(set.broad[$0], scope: .publicOnly, options: facetOptions, in: snapshot).totalHits },
                sqlite: {
                    let request = SQLiteQueryBaseline.Request(text: set.broad[$0])
                    _ = try sql.top(request, limit: 10)
                    return try sql.facetCounts(request).total
                }),
            Scenario(
                key: "c-placeholder", label: "(c) \"\" + category.lvl0 = X, createdAt:desc", count: set.rootCategories.count,
                vault: { try searcher.search("", scope: .publicOnly, options: placeholderOptions[$0], in: snapshot).estimatedTotalHits },
                sqlite: {
                    let request = SQLiteQueryBaseline.Request(text: "", rootCategory: set.rootCategories[$0], newestFirst: true)
                    _ = try sql.top(request, limit: 10)
                    return try sql.count(request)
                }),
            Scenario(
                key: "d-page", label: "(d) (a)'s q, page mode, exact total", count: texts.count,
                vault: { try searcher.search(texts[$0].text, scope: .publicOnly, options: pageOptions, in: snapshot).totalHits },
                sqlite: {
                    let request = SQLiteQueryBaseline.Request(text: texts[$0].text)
                    _ = try sql.top(request, limit: 10)
                    return try sql.count(request)
                }),
        ]
    }

    /// Whether the two engines' counts agree, query by query.
    private struct Agreement {
        var compared = 0
        var differing: [(query: Int, vault: Int, sqlite: Int)] = []

        init(_ measured: Measured) {
            for (i, (v, s)) in zip(measured.vaultCounts, measured.sqliteCounts).enumerated() {
                guard let v, let s else { continue }
                compared += 1
                if v != s { differing.append((i, v, s)) }
            }
        }

        func line(scenario: String, describe: (Int) -> String, note: String) -> String {
            guard let first = differing.first else { return "\(scenario) counts agree on all \(compared) queries (VaultSearch = SQLite)" }
            return "warning: \(scenario) counts differ on \(differing.count) of \(compared) queries\(note); e.g. '\(describe(first.query))': VaultSearch \(first.vault), SQLite \(first.sqlite)"
        }

        var object: [String: Any] {
            ["compared": compared, "differing": differing.count, "examples": differing.prefix(5).map { ["query": $0.query, "vaultsearch": $0.vault, "sqlite": $0.sqlite] }]
        }
    }

    private func measure(_ count: Int, _ body: (Int) throws -> Int?) throws -> LatencySummary {
        var samples: [UInt64] = []
        samples.reserveCapacity(count * `repeat`)
        for _ in 0..<`repeat` {
            for i in 0..<count {
                let start = DispatchTime.now().uptimeNanoseconds
                _ = try body(i)
                samples.append(DispatchTime.now().uptimeNanoseconds - start)
            }
        }
        return LatencySummary(nanoseconds: samples)
    }

    private func row(_ label: String, _ engine: String, _ s: LatencySummary) -> String {
        label.padding(toLength: 46, withPad: " ", startingAt: 0) + engine.padding(toLength: 12, withPad: " ", startingAt: 0)
            + String(format: "%9.3f %9.3f %9.3f %9.3f", s.p50, s.p90, s.p99, s.mean)
    }

    private func summaryObject(_ s: LatencySummary) -> [String: Any] {
        ["p50Ms": rounded(s.p50, 4), "p90Ms": rounded(s.p90, 4), "p99Ms": rounded(s.p99, 4), "meanMs": rounded(s.mean, 4), "samples": s.count]
    }

    private func ratio(_ a: Double, _ b: Double) -> Double { rounded(a / max(b, 1e-9), 3) }

    private func quartiles(_ sorted: [Int]) -> [String: Int] {
        guard let first = sorted.first, let last = sorted.last else { return [:] }
        return ["min": first, "median": sorted[(sorted.count - 1) / 2], "max": last]
    }

    private func quartileText(_ sorted: [Int]) -> String {
        let q = quartiles(sorted)
        return "min \(q["min"] ?? 0), median \(q["median"] ?? 0), max \(q["max"] ?? 0)"
    }

    /// A filter value in double quotes, with `"` and `\` escaped.
    private func quoted(_ value: String) -> String {
        "\"" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    private func log(_ text: String) { FileHandle.standardError.write(Data((text + "\n").utf8)) }
}
