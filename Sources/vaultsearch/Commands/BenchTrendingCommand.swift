import ArgumentParser
import Foundation
import GRDB
import VaultCorpus
import VaultEval
import VaultIndex
import VaultIngest
import VaultTrending

/// `vaultsearch bench-trending`: top-k latency of every trending list and leaderboard against the
/// same list in SQL over the same store, at the same instant, in the same run (and whether they
/// agree); then event ingestion through the tailer (events written to the store, then tailed); and
/// the trending state's bytes per prompt and per event. The store gains the `--events` rows.
struct BenchTrendingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-trending",
        abstract: "Measure trending and leaderboard latency (vs SQL) and event ingestion; adds --events rows to the store.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var indexOptions: IndexOptions

    @Option(name: .long, parsing: .unconditional, help: "Engagement events to write and ingest.")
    var events = 20_000

    @Option(name: .long, parsing: .unconditional, help: "Timed runs per list (SQL runs at most 5 times).")
    var `repeat` = 50

    @Option(name: .long, parsing: .unconditional, help: "Entries per list.")
    var limit = 50

    @Option(name: .long, help: "The instant, Unix seconds (default: the store's newest event time).")
    var now: Int64?

    @Option(name: .long, help: "Random seed of the written events.")
    var seed: UInt64 = 42

    func validate() throws {
        if events < 0 || events > 50_000_000 { throw ValidationError("--events must be between 0 and 50000000") }
        if `repeat` < 1 || `repeat` > 100_000 { throw ValidationError("--repeat must be between 1 and 100000") }
        if limit < 1 || limit > 1_000 { throw ValidationError("--limit must be between 1 and 1000") }
    }

    struct Case {
        var name: String
        var engine: (TrendingReader, Int64) throws -> [RankedEntry]
        var sql: (TrendingReferenceSQL, Int64, Database) throws -> [RankedEntry]
    }

    func run() throws {
        let configuration = try store.configuration()
        if !FileManager.default.fileExists(atPath: indexOptions.index + "/data.mdb") {
            _ = try IndexRebuilder(configuration: configuration).rebuild(storePath: store.db, into: indexOptions.index, log: IngestLog.line)
        }
        let tailer = try Tailer(storePath: store.db, indexPath: indexOptions.index, configuration: configuration, log: IngestLog.line)
        try tailer.catchUp()
        let queue = try StoreConnection.open(store.db)
        let (prompts, storedEvents, newest, category) = try queue.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM prompts") ?? 0,
             try Int.fetchOne(db, sql: "SELECT (SELECT count(*) FROM prompt_views) + (SELECT count(*) FROM prompt_copies) + (SELECT count(*) FROM ratings) + (SELECT count(*) FROM bookmarks)") ?? 0,
             try Int64.fetchOne(db, sql: "SELECT max(viewed_at) FROM prompt_views") ?? Int64(Date().timeIntervalSince1970),
             try String.fetchOne(db, sql: "SELECT slug FROM categories WHERE parent_id IS NULL ORDER BY id LIMIT 1"))
        }
        let instant = now ?? newest
        print("store: \(prompts) prompts, \(storedEvents) events; now = \(instant); top \(limit), \(`repeat`) runs (SQL ≤ 5)")
        try latency(tailer: tailer, queue: queue, now: instant, category: category)
        try ingestion(tailer: tailer, queue: queue, now: instant, prompts: prompts)
        try footprint(tailer: tailer, prompts: prompts)
        print("reproduce: vaultsearch bench-trending --db \(store.db) --index \(indexOptions.index) --events \(events) --repeat \(`repeat`) --limit \(limit)")
    }

    private func cases(category: String?) -> [Case] {
        let k = limit
        var list: [Case] = [
            Case(name: "trending seed", engine: { try $0.trending(.seed, limit: k, now: $1) },
                 sql: { try $0.trending(.seed, where: TrendingReferenceSQL.listed, now: $1, $2) }),
            Case(name: "trending decay", engine: { try $0.trending(.decay, limit: k, now: $1) },
                 sql: { try $0.trending(.decay, where: TrendingReferenceSQL.listed, now: $1, $2) }),
            Case(name: "prompts by rating, all", engine: { try $0.leaderboardPrompts(by: .rating, period: .all, limit: k, now: $1) },
                 sql: { try $0.prompts(by: .rating, period: .all, where: TrendingReferenceSQL.listed, now: $1, $2) }),
            Case(name: "prompts by copies, all", engine: { try $0.leaderboardPrompts(by: .copies, period: .all, limit: k, now: $1) },
                 sql: { try $0.prompts(by: .copies, period: .all, where: TrendingReferenceSQL.listed, now: $1, $2) }),
            Case(name: "prompts by views, week", engine: { try $0.leaderboardPrompts(by: .views, period: .week, limit: k, now: $1) },
                 sql: { try $0.prompts(by: .views, period: .week, where: TrendingReferenceSQL.listed, now: $1, $2) }),
            Case(name: "authors by reputation", engine: { try $0.leaderboardAuthors(by: .reputation, period: .all, limit: k, now: $1) },
                 sql: { try $0.authors(by: .reputation, period: .all, now: $1, $2) }),
            Case(name: "authors by engagement, day", engine: { try $0.leaderboardAuthors(by: .engagement, period: .day, limit: k, now: $1) },
                 sql: { try $0.authors(by: .engagement, period: .day, now: $1, $2) }),
        ]
        if let category {
            let selection = PromptSelection(category: category)
            list.append(Case(
                name: "trending decay, category \(category)", engine: { try $0.trending(.decay, selection: selection, limit: k, now: $1) },
                sql: { try $0.trending(.decay, where: TrendingReferenceSQL.condition(selection), now: $1, $2) }))
            list.append(Case(
                name: "trending seed, category \(category)", engine: { try $0.trending(.seed, selection: selection, limit: k, now: $1) },
                sql: { try $0.trending(.seed, where: TrendingReferenceSQL.condition(selection), now: $1, $2) }))
        }
        return list
    }

    private func latency(tailer: Tailer, queue: DatabaseQueue, now: Int64, category: String?) throws {
        let store = try tailer.trending ?? { throw CommandError("the mapping has no engagement tables") }()
        let sqlReference = TrendingReferenceSQL(settings: store.settings, limit: limit)
        let name = { (text: String) in text.padding(toLength: 36, withPad: " ", startingAt: 0) }
        print("\n" + name("list") + "  VaultSearch p50 / p99 ms    SQLite p50 / p99 ms    agree")
        for item in cases(category: category) {
            var samples: [UInt64] = []
            var result: [RankedEntry] = []
            for _ in 0..<(`repeat` + 1) {
                let start = DispatchTime.now().uptimeNanoseconds
                let snapshot = try tailer.currentIndex.snapshot()
                result = try item.engine(TrendingReader(snapshot: snapshot, store: store), now)
                snapshot.close()
                samples.append(DispatchTime.now().uptimeNanoseconds - start)
            }
            var sqlSamples: [UInt64] = []
            var reference: [RankedEntry] = []
            for _ in 0..<min(5, `repeat`) {
                let start = DispatchTime.now().uptimeNanoseconds
                reference = try queue.read { db in try item.sql(sqlReference, now, db) }
                sqlSamples.append(DispatchTime.now().uptimeNanoseconds - start)
            }
            let ours = LatencySummary(nanoseconds: Array(samples.dropFirst()))
            let theirs = LatencySummary(nanoseconds: sqlSamples)
            let agree = result.count == reference.count && zip(result, reference).allSatisfy { abs($0.score - $1.score) <= 1e-9 * max(1, abs($1.score)) }
            print(name(item.name) + String(format: "  %8.3f / %8.3f        %9.2f / %9.2f      %@", ours.p50, ours.p99, theirs.p50, theirs.p99, agree ? "yes" : "NO"))
        }
    }

    private func ingestion(tailer: Tailer, queue: DatabaseQueue, now: Int64, prompts: Int) throws {
        guard events > 0, prompts > 0 else { return }
        var random = SeededRandom(seed: seed)
        let (users, lastPrompt) = try queue.read { db in
            (try Int.fetchOne(db, sql: "SELECT max(id) FROM users") ?? 1, try Int.fetchOne(db, sql: "SELECT max(id) FROM prompts") ?? 1)
        }
        let writeStart = DispatchTime.now().uptimeNanoseconds
        var written = 0
        while written < events {
            try queue.write { db in
                for _ in 0..<min(1_000, events - written) {
                    let prompt = 1 + random.below(lastPrompt), user = 1 + random.below(users), time = now - Int64(random.below(86_400))
                    switch random.below(10) {
                    case 0..<6:
                        try db.execute(sql: "INSERT INTO prompt_views(prompt_id, user_id, viewed_at, visitor_fingerprint) VALUES (?, NULL, ?, ?)",
                                       arguments: [prompt, time, "bench-\(random.below(100_000))"])
                    case 6..<8: try db.execute(sql: "INSERT INTO prompt_copies(prompt_id, user_id, copied_at) VALUES (?, ?, ?)", arguments: [prompt, user, time])
                    case 8: try db.execute(sql: "INSERT OR IGNORE INTO ratings(prompt_id, user_id, value, created_at) VALUES (?, ?, ?, ?)", arguments: [prompt, user, 1 + random.below(5), time])
                    default: try db.execute(sql: "INSERT OR IGNORE INTO bookmarks(user_id, prompt_id, created_at) VALUES (?, ?, ?)", arguments: [user, prompt, time])
                    }
                    written += 1
                }
            }
        }
        let wrote = Double(DispatchTime.now().uptimeNanoseconds - writeStart) / 1e9
        var applied = 0, changes = 0
        var read = 0.0, apply = 0.0
        let tailStart = DispatchTime.now().uptimeNanoseconds
        try tailer.catchUp { batch in
            applied += batch.events
            changes += batch.changes
            read += batch.readSeconds
            apply += batch.applySeconds
        }
        let tailed = Double(DispatchTime.now().uptimeNanoseconds - tailStart) / 1e9
        print("\ningestion: \(written) events written to the store in \(String(format: "%.2f", wrote)) s (with the counter triggers)")
        print(String(format: "tailer: %d event rows (%d change-log rows, counters' prompt changes included) in %.2f s = %.0f events/s (SQLite read %.2f s, LMDB apply %.2f s)",
                     applied, changes, tailed, Double(applied) / max(tailed, 1e-9), read, apply))
    }

    private func footprint(tailer: Tailer, prompts: Int) throws {
        guard let store = tailer.trending else { return }
        let snapshot = try tailer.currentIndex.snapshot()
        defer { snapshot.close() }
        let parts = try store.footprint(in: snapshot)
        print("\ntrending state (key + value bytes, before LMDB's per-entry overhead):")
        for part in parts { print("  \(part.name.padding(toLength: 20, withPad: " ", startingAt: 0)) \(part.entries) entries, \(part.bytes) bytes") }
        let perPrompt = parts.filter { ["trending.prompts", "trending.ranks", "trending.authors"].contains($0.name) }.reduce(0) { $0 + $1.bytes }
        let events = parts.first { $0.name == "trending.events" }?.entries ?? 0
        let perEvent = parts.filter { ["trending.events", "trending.contrib", "trending.timeline"].contains($0.name) }.reduce(0) { $0 + $1.bytes }
        print(String(format: "  per prompt (state, lists, authors): %.0f bytes; per event (record, contribution, timeline): %.0f bytes",
                     Double(perPrompt) / Double(max(1, prompts)), Double(perEvent) / Double(max(1, events))))
    }
}
