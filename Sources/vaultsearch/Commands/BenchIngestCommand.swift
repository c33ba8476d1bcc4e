import ArgumentParser
import Dispatch
import Foundation
import GRDB
import VaultCorpus
import VaultEval
import VaultIndex
import VaultIngest

/// `vaultsearch bench-ingest`: freshness of the tailer. A child process commits prompt changes to
/// the store at a fixed rate; this process tails them into the index. Each change's latency is the
/// time from the writer's commit to the commit of the index batch holding it (both read from the
/// system-wide monotonic clock). Then the tailer idles and its CPU use is measured.
struct BenchIngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-ingest",
        abstract: "Measure commit-to-searchable latency while another process writes, and the idle tailer's CPU.")

    @OptionGroup var store: StoreOptions

    @OptionGroup var indexOptions: IndexOptions

    @Option(name: .long, parsing: .unconditional, help: "Writer commits per second (one prompt change each).")
    var rate = 500

    @Option(name: .long, parsing: .unconditional, help: "Seconds of writing.")
    var seconds = 20

    @Option(name: .long, parsing: .unconditional, help: "Seconds of idle tailing to measure CPU over.")
    var idleSeconds = 10

    @Option(name: .long, help: "Throughput mode: commit this many changes to the store first (1,000 per transaction), then time the tailer catching up; counters and content side by side.")
    var backlog: Int?

    @Option(name: .long, help: "With --backlog: counters, content or both (default).")
    var mix = "both"

    @Option(name: .customLong("batch-size"), help: "Changes the tailer reads per batch (as `tail --batch-size`).")
    var batchSize = 1_000

    @Flag(name: .long, help: "The writer commits engagement events (views, copies, ratings, bookmarks) instead of title edits: the latency is then commit-to-trending-lists.")
    var events = false

    func validate() throws {
        if rate < 1 || rate > 100_000 { throw ValidationError("--rate must be between 1 and 100000") }
        if seconds < 1 || seconds > 3_600 { throw ValidationError("--seconds must be between 1 and 3600") }
        if idleSeconds < 1 || idleSeconds > 3_600 { throw ValidationError("--idle-seconds must be between 1 and 3600") }
        if let backlog, backlog < 1 || backlog > 10_000_000 { throw ValidationError("--backlog must be between 1 and 10000000") }
        if !["counters", "content", "both"].contains(mix) { throw ValidationError("--mix must be counters, content or both") }
        if batchSize < 1 || batchSize > 100_000 { throw ValidationError("--batch-size must be between 1 and 100000") }
    }

    func run() throws {
        let configuration = try store.configuration()
        if !FileManager.default.fileExists(atPath: indexOptions.index + "/data.mdb") {
            _ = try IndexRebuilder(configuration: configuration).rebuild(storePath: store.db, into: indexOptions.index, log: IngestLog.line)
        }
        if let backlog {
            try throughput(backlog: backlog, configuration: configuration)
            return
        }
        let tailer = try Tailer(storePath: store.db, indexPath: indexOptions.index, configuration: configuration, log: IngestLog.line)
        try tailer.catchUp()
        let stamps = FileManager.default.temporaryDirectory.appendingPathComponent("bench-ingest-\(getpid()).txt")
        let writer = Process()
        writer.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        writer.arguments = ["bench-ingest-writer", "--db", store.db, "--rate", "\(rate)", "--seconds", "\(seconds)", "--output", stamps.path]
            + (events ? ["--events"] : [])
        try writer.run()
        var applied: [(cursor: Int64, at: UInt64)] = []
        var batches = 0
        var readSeconds = 0.0, applySeconds = 0.0
        try tailer.run(until: { !writer.isRunning }) { batch in
            applied.append((batch.cursor, DispatchTime.now().uptimeNanoseconds))
            batches += 1
            readSeconds += batch.readSeconds
            applySeconds += batch.applySeconds
        }
        writer.waitUntilExit()
        try tailer.catchUp { batch in applied.append((batch.cursor, DispatchTime.now().uptimeNanoseconds)) }
        guard writer.terminationStatus == 0, let text = try? String(contentsOf: stamps, encoding: .utf8) else {
            throw CommandError("the writer process failed (status \(writer.terminationStatus))")
        }
        try? FileManager.default.removeItem(at: stamps)
        var latencies: [UInt64] = []
        var next = 0
        let commits = text.split(separator: "\n").compactMap { line -> (Int64, UInt64)? in
            let parts = line.split(separator: " ")
            guard parts.count == 2, let seq = Int64(parts[0]), let at = UInt64(parts[1]) else { return nil }
            return (seq, at)
        }.sorted { $0.0 < $1.0 }
        for (seq, committed) in commits {
            while next < applied.count && applied[next].cursor < seq { next += 1 }
            guard next < applied.count else { break }
            latencies.append(applied[next].at >= committed ? applied[next].at - committed : 0)
        }
        let summary = LatencySummary(nanoseconds: latencies)
        let achieved = Double(commits.count) / Double(seconds)
        print(String(format: "writer: %d commits in %ds (%.0f/s); tailer: %d batches, %.2f s reading the store, %.2f s applying to the index",
                     commits.count, seconds, achieved, batches, readSeconds, applySeconds))
        print(String(format: "commit-to-%@ latency: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms (%d changes)",
                     events ? "trending-lists" : "searchable", summary.p50, summary.p90, summary.p99, Double(latencies.max() ?? 0) / 1e6, summary.count))

        let floor = try emptyCommitLatency()
        print(String(format: "baseline, same run: a durable LMDB commit of only a cursor p50 %.2f ms, p99 %.2f ms (the floor under every batch)", floor.p50, floor.p99))

        let idleStart = ContinuousClock.now
        let cpuStart = cpuSeconds()
        try tailer.run(until: { ContinuousClock.now - idleStart > .seconds(idleSeconds) })
        let cpu = cpuSeconds() - cpuStart
        let wall = (ContinuousClock.now - idleStart).seconds
        print(String(format: "idle tailer CPU: %.3f s over %.1f s = %.3f %% of one core", cpu, wall, cpu / wall * 100))
    }

    /// Commits `backlog` counter-only changes (views, copies, bookmarks) and times the tailer applying
    /// them; then the same number of content changes (a title edit: a full re-index of the prompt)
    /// for comparison in the same run.
    private func throughput(backlog: Int, configuration: SourceConfiguration) throws {
        var options = Tailer.Options()
        options.batchSize = batchSize
        let tailer = try Tailer(storePath: store.db, indexPath: indexOptions.index, configuration: configuration, options: options, log: IngestLog.line)
        try tailer.catchUp()
        let queue = try StoreConnection.open(store.db)
        let maxID = try queue.read { db in try Int64.fetchOne(db, sql: "SELECT max(id) FROM prompts") ?? 0 }
        guard maxID > 0 else { throw CommandError("the store has no prompts") }
        let mixes: [(name: String, sql: String)] = [
            ("counter-only (views, copies, bookmarks)", "UPDATE prompts SET view_count = view_count + 1, copy_count = copy_count + (? % 3 = 0), bookmark_count = bookmark_count + (? % 7 = 0) WHERE id = ?"),
            ("content (title edit, full re-index)", "UPDATE prompts SET title = title || ' ' || (? % 10), updated_at = updated_at + (? % 2) WHERE id = ?"),
        ]
        var random = SeededRandom(seed: 7)
        let chosen = mixes.enumerated().filter { i, _ in self.mix == "both" || (self.mix == "counters") == (i == 0) }.map(\.element)
        for mix in chosen {
            var written = 0
            while written < backlog {
                let n = min(1_000, backlog - written)
                try queue.write { db in
                    let statement = try db.makeStatement(sql: mix.sql)
                    for i in 0..<n {
                        let id = 1 + Int64(random.below(Int(maxID)))
                        try statement.execute(arguments: [written + i, written + i, id])
                    }
                }
                written += n
            }
            let start = ContinuousClock.now
            var read = 0.0, apply = 0.0, inPlace = 0, upserts = 0
            let changes = try tailer.catchUp { batch in
                read += batch.readSeconds
                apply += batch.applySeconds
                upserts += batch.upserts
                inPlace += batch.replacedInPlace
            }
            let wall = (ContinuousClock.now - start).seconds
            print(String(format: "%@: %d changes in %.2f s = %.0f changes/s (%.2f s reading the store, %.2f s applying; %d upserts, %d in place)",
                         mix.name, changes, wall, Double(changes) / wall, read, apply, upserts, inPlace))
        }
    }

    /// Latency of committing a batch that only stores a cursor (one dirty page: the fsyncs of data
    /// and meta pages) to a scratch index.
    private func emptyCommitLatency() throws -> LatencySummary {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("bench-ingest-floor-\(getpid())").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let index = try Index.create(at: path, settings: try store.configuration().indexSettings)
        let writer = try IndexWriter(index: index)
        var samples: [UInt64] = []
        for i in 0..<100 {
            let start = DispatchTime.now().uptimeNanoseconds
            try writer.apply([]) { txn in try index.storeIngestCursor(IngestCursor(sequence: Int64(i), source: "floor"), in: txn) }
            samples.append(DispatchTime.now().uptimeNanoseconds - start)
        }
        return LatencySummary(nanoseconds: samples)
    }

    private func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let user = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
        let system = Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
        return user + system
    }
}

/// The writer half of `bench-ingest` (run as a child process): commits one prompt change per
/// transaction at a fixed rate and writes `seq monotonic-nanoseconds` per commit to a file.
struct BenchIngestWriterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-ingest-writer", abstract: "The writer process of bench-ingest.", shouldDisplay: false)

    @Option(name: .long) var db: String
    @Option(name: .long) var rate: Int
    @Option(name: .long) var seconds: Int
    @Option(name: .long) var output: String
    @Flag(name: .long) var events = false

    func run() throws {
        let queue = try StoreConnection.open(db)
        let (maxID, users) = try queue.read { db in
            (try Int64.fetchOne(db, sql: "SELECT max(id) FROM prompts") ?? 0, try Int64.fetchOne(db, sql: "SELECT max(id) FROM users") ?? 1)
        }
        guard maxID > 0 else { throw CommandError("the store has no prompts") }
        let total = rate * seconds
        var stamps = ""
        stamps.reserveCapacity(total * 24)
        var random = SystemRandomNumberGenerator()
        let start = DispatchTime.now().uptimeNanoseconds
        for i in 0..<total {
            let due = start + UInt64(i) * 1_000_000_000 / UInt64(rate)
            let now = DispatchTime.now().uptimeNanoseconds
            if due > now { usleep(UInt32((due - now) / 1_000)) }
            let id = Int64.random(in: 1...maxID, using: &random)
            let seq = try queue.write { db -> Int64 in
                if events {
                    try Self.writeEvent(db, prompt: id, user: Int64.random(in: 1...users, using: &random), number: i)
                } else {
                    try db.execute(sql: "UPDATE prompts SET title = 'bench ' || ?, updated_at = updated_at + 1 WHERE id = ?", arguments: [i, id])
                }
                return try Int64.fetchOne(db, sql: "SELECT max(seq) FROM search_changes") ?? 0
            }
            stamps += "\(seq) \(DispatchTime.now().uptimeNanoseconds)\n"
        }
        try stamps.write(toFile: output, atomically: true, encoding: .utf8)
    }

    /// One engagement event now, in bench-trending's mix: 6 views (a new visitor each) : 2 copies : 1
    /// rating (a changed rating replaces the user's old one) : 1 bookmark.
    static func writeEvent(_ db: Database, prompt: Int64, user: Int64, number: Int) throws {
        let now = Int64(Date().timeIntervalSince1970)
        switch number % 10 {
        case 0..<6:
            try db.execute(sql: "INSERT INTO prompt_views(prompt_id, user_id, viewed_at, visitor_fingerprint) VALUES (?, NULL, ?, ?)",
                           arguments: [prompt, now, "fresh-\(number)"])
        case 6..<8: try db.execute(sql: "INSERT INTO prompt_copies(prompt_id, user_id, copied_at) VALUES (?, ?, ?)", arguments: [prompt, user, now])
        case 8: try db.execute(sql: "INSERT INTO ratings(prompt_id, user_id, value, created_at) VALUES (?, ?, ?, ?) ON CONFLICT(prompt_id, user_id) DO UPDATE SET value = excluded.value, created_at = excluded.created_at", arguments: [prompt, user, 1 + number % 5, now])
        default: try db.execute(sql: "INSERT OR IGNORE INTO bookmarks(user_id, prompt_id, created_at) VALUES (?, ?, ?)", arguments: [user, prompt, now])
        }
    }
}
