import Foundation
import GRDB
import Testing
import VaultCorpus
import VaultIndex
@testable import VaultIngest
import VaultTrending

/// Properties checked, with `vaultsearch tail` as a child process killed by SIGKILL at random
/// moments while this process writes random operations to the store (WAL mode, another process):
/// 1. Every restart resumes from a cursor at or after the last one the previous run reported as
///    committed (nothing applied twice, none rolled back).
/// 2. After the stream ends and one final `tail --once`, the index equals a full rebuild, document
///    by document, and its cursor is the log's last sequence number (nothing lost).
/// 3. The writer also writes engagement rows (every kind, with deletes, rating changes, visibility
///    flips and category moves): after the final catch-up every trending list equals SQL's.
/// `VAULT_CRASH_KILLS` sets the number of kills (default 8 here; `scripts/crash-test.sh` runs 60).
@Suite struct CrashSafetyTests {
    static var binary: URL? {
        if let path = ProcessInfo.processInfo.environment["VAULTSEARCH_BINARY"] { return URL(fileURLWithPath: path) }
        let folder = URL(fileURLWithPath: ProcessInfo.processInfo.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for candidate in [folder, folder.deletingLastPathComponent()] {
            let url = candidate.appendingPathComponent("vaultsearch")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return nil
    }

    @Test func killedTailerLosesNothingAndRepeatsNothing() throws {
        guard let binary = Self.binary else {
            print("CrashSafetyTests skipped: no vaultsearch binary next to the tests (build it, or set VAULTSEARCH_BINARY)")
            return
        }
        let kills = Int(ProcessInfo.processInfo.environment["VAULT_CRASH_KILLS"] ?? "") ?? 8
        let seed = TailerPropertyTests.seed()
        print("CrashSafetyTests seed \(seed) (replay with VAULT_TEST_SEED=\(seed)), \(kills) kills")
        var random = SeededRandom(seed: seed)
        let scratch = try Scratch()
        let configuration = try SourceConfiguration.promptVault()
        try scratch.makePromptVaultStore(TestStore.contents(seed: seed, prompts: 60))
        _ = try IndexRebuilder(configuration: configuration).rebuild(storePath: scratch.store, into: scratch.index, log: { _ in })

        let writerDone = WriterFlag()
        let storePath = scratch.store
        let writer = Thread {
            var random = SeededRandom(seed: seed ^ 0xabcdef)
            var engagement = RandomEngagement(seed: seed ^ 0xe7e7, users: 6, categories: TestStore.categories.count)
            do {
                let queue = try StoreConnection.open(storePath)
                while !writerDone.stopRequested {
                    try queue.write { db in
                        for _ in 0..<(1 + random.below(4)) { try RandomOperations.apply(&random, to: db) }
                        for _ in 0..<random.below(6) { try engagement.step(db, now: TestStore.now + 86_400) }
                    }
                    writerDone.operations += 1
                    Thread.sleep(forTimeInterval: Double(random.below(3)) / 1000)
                }
            } catch { writerDone.error = "\(error)" }
            writerDone.finished = true
        }
        writer.start()

        var previousCommitted: Int64 = 0
        var interruptedMidStream = 0
        for kill in 0..<kills {
            let run = try TailRun(binary: binary, arguments: ["tail", "--db", scratch.store, "--index", scratch.index, "--batch-size", "5"])
            run.waitUntilStarted()
            Thread.sleep(forTimeInterval: Double(random.below(400)) / 1000)
            let output = run.kill()
            guard let start = output.startCursor else {
                Issue.record("run \(kill) printed no start cursor:\n\(output.text)")
                continue
            }
            #expect(start >= previousCommitted, "run \(kill) started at \(start), before the committed \(previousCommitted)")
            if let last = output.lastCommitted {
                previousCommitted = last
                interruptedMidStream += 1
            } else {
                previousCommitted = max(previousCommitted, start)
            }
        }
        writerDone.stopRequested = true
        while !writerDone.finished { Thread.sleep(forTimeInterval: 0.01) }
        #expect(writerDone.error == nil, "writer failed: \(writerDone.error ?? "")")

        let final = try TailRun(binary: binary, arguments: ["tail", "--once", "--db", scratch.store, "--index", scratch.index]).wait()
        #expect(final.status == 0, "final catch-up failed:\n\(final.text)")
        let rebuilt = scratch.path + "/rebuilt"
        _ = try IndexRebuilder(configuration: configuration).rebuild(storePath: scratch.store, into: rebuilt, log: { _ in })
        let incremental = try documents(at: scratch.index), fresh = try documents(at: rebuilt)
        #expect(incremental == fresh, "the index differs from a rebuild: \(Set(incremental.keys).symmetricDifference(fresh.keys).count) ids differ")
        let last = try StoreConnection.open(scratch.store).read { db in try ChangeLog.lastSequence(in: db) }
        #expect(try Index.open(at: scratch.index, readOnly: true).ingestCursor()?.sequence == last)
        let index = try Index.open(at: scratch.index, readOnly: true)
        let trending = try TrendingStore.open(index)
        try TrendingHarness.compareAll(store: try StoreConnection.open(scratch.store), now: TestStore.now + 86_400, "after SIGKILLs") { limit in
            var reader = TrendingReader(snapshot: try index.snapshot(), store: trending)
            reader.directScoringLimit = limit
            return reader
        }
        print("CrashSafetyTests: \(kills) SIGKILLs, \(interruptedMidStream) after at least one committed batch, \(writerDone.operations) writer transactions, final cursor \(last), \(fresh.count) documents")
    }
}

/// State shared between the writer thread and the test.
/// `@unchecked Sendable`: every property is read and written under `lock`.
final class WriterFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var _stop = false, _finished = false, _operations = 0
    private var _error: String?
    var stopRequested: Bool { get { lock.withLock { _stop } } set { lock.withLock { _stop = newValue } } }
    var finished: Bool { get { lock.withLock { _finished } } set { lock.withLock { _finished = newValue } } }
    var operations: Int { get { lock.withLock { _operations } } set { lock.withLock { _operations = newValue } } }
    var error: String? { get { lock.withLock { _error } } set { lock.withLock { _error = newValue } } }
}

/// One `vaultsearch tail` child process with its standard error captured to a file.
struct TailRun {
    let process = Process()
    let log: URL

    struct Output {
        var text: String
        var status: Int32
        /// The cursor the run started from ("tailing … from cursor N").
        var startCursor: Int64? {
            text.split(separator: "\n").lazy.compactMap { line -> Int64? in
                guard let range = line.range(of: "from cursor ") else { return nil }
                return Int64(line[range.upperBound...])
            }.first
        }
        /// The last cursor a batch reported as committed ("applied … cursor N").
        var lastCommitted: Int64? {
            text.split(separator: "\n").compactMap { line -> Int64? in
                guard line.contains("applied"), let range = line.range(of: "cursor ", options: .backwards) else { return nil }
                return Int64(line[range.upperBound...].prefix { $0.isNumber })
            }.last
        }
    }

    init(binary: URL, arguments: [String]) throws {
        log = FileManager.default.temporaryDirectory.appendingPathComponent("tail-\(UUID().uuidString).log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        process.executableURL = binary
        process.arguments = arguments
        process.standardError = try FileHandle(forWritingTo: log)
        process.standardOutput = FileHandle.nullDevice
        try process.run()
    }

    /// Waits (up to 10 s) until the process has logged its start line, so the kill lands while it tails.
    func waitUntilStarted() {
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline && process.isRunning {
            if let text = try? String(contentsOf: log, encoding: .utf8), text.contains("from cursor ") { return }
            Thread.sleep(forTimeInterval: 0.002)
        }
    }

    /// SIGKILLs the process and returns what it wrote.
    func kill() -> Output {
        Foundation.kill(process.processIdentifier, SIGKILL)
        return wait()
    }

    /// Waits for the process to end.
    func wait() -> Output {
        process.waitUntilExit()
        let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        try? FileManager.default.removeItem(at: log)
        return Output(text: text, status: process.terminationStatus)
    }
}
