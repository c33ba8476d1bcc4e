import Foundation
import Testing

/// A damaged `data.mdb` never crashes the CLI. A small index (200 generated prompts rebuilt from
/// a store, whose change log then gets a few more changes) is copied, and each copy damaged by one
/// seeded ``DataFileDamage`` (byte changes, or a truncation). On each copy run `search` (one of a
/// typo, prefix, phrase, filter-with-facets and sorted placeholder query, in turn), `inspect check`
/// and `tail --once` (one batch of those changes). Properties checked, per trial:
/// 1. no command dies of a signal (a trap, SIGSEGV, SIGBUS) or runs past its time limit;
/// 2. a command that fails exits non-zero with `Error: …` as its last line on stderr, and no
///    Swift runtime report (`Fatal error`, a backtrace) anywhere;
/// 3. `inspect check` exits non-zero whenever LMDB's own tools read the copy differently from the
///    original (``LMDBView``: `mdb_dump` and `mdb_stat`; skipped without `lmdb-utils`) — damage in
///    free pages or unused page space changes nothing anyone reads, and is counted, not required.
/// The seed is printed; replay with `VAULT_TEST_SEED=<seed>`; `VAULT_FUZZ_TRIALS` sets the count (200).
@Suite(.serialized) struct CorruptionFuzzTests {
    /// What one trial saw.
    struct Outcome: Sendable {
        var damage: DataFileDamage
        /// Whether LMDB's tools see the damage (nil: not known, tools missing).
        var visible: Bool?
        var checkFailed: Bool
        var searchFailed: Bool
        var tailFailed: Bool
        var signals: Int
    }

    static let queries: [[String]] = [
        ["pythn debuging"],                                                 // typo
        ["deb"],                                                            // prefix
        ["\"code review\" pyt"],                                            // phrase, then a prefix
        ["python", "--filter", "tags = Python", "--facets", "tags,category.lvl0"],  // filter and facets
        ["", "--filter", "ratingCount >= 1", "--sort", "ratingAvg:desc"],   // placeholder, sorted
    ]

    static let timeLimit: Duration = .seconds(60)

    @Test func damagedDataFilesNeverCrash() async throws {
        let seed = ProcessInfo.processInfo.environment["VAULT_TEST_SEED"].flatMap { UInt64($0) } ?? UInt64.random(in: 1...UInt64(UInt32.max))
        let trials = ProcessInfo.processInfo.environment["VAULT_FUZZ_TRIALS"].flatMap { Int($0) } ?? 200
        print("CorruptionFuzzTests seed: \(seed), \(trials) trials (replay with VAULT_TEST_SEED=\(seed))")
        let workspace = try Workspace()
        let original = try await Self.buildFixture(in: workspace)
        let baseline = try await LMDBView.read("base", in: workspace)
        let pageSize = Int(getpagesize())

        var rng = TrialRandom(seed: seed)
        let damages = (0..<trials).map { _ in DataFileDamage.draw(fileSize: original.count, pageSize: pageSize, using: &rng) }
        var outcomes: [Outcome] = []
        // As many trials at a time as there are cores: each is a few short child processes.
        try await withThrowingTaskGroup(of: Outcome.self) { group in
            var next = 0
            func start() {
                guard next < damages.count else { return }
                let trial = next, damage = damages[trial]
                next += 1
                group.addTask {
                    try await Self.run(trial: trial, damage: damage, original: original, baseline: baseline, seed: seed, in: workspace)
                }
            }
            for _ in 0..<max(1, ProcessInfo.processInfo.activeProcessorCount) { start() }
            while let outcome = try await group.next() {
                outcomes.append(outcome)
                start()
            }
        }
        Self.report(outcomes, seed: seed)
        #expect(outcomes.reduce(0) { $0 + $1.signals } == 0)
    }

    /// Builds the store and the index `base` with changes left in the log; returns the bytes of `base/data.mdb`.
    static func buildFixture(in workspace: Workspace) async throws -> [UInt8] {
        try await expectSuccessOf(await workspace.vaultsearch("generate-store", "--store", "store.sqlite", "--prompts", "200", "--change-log"))
        try await expectSuccessOf(await workspace.vaultsearch("index", "--rebuild", "--db", "store.sqlite", "--index", "base"))
        try IngestCommandTests.execute(
            workspace.url("store.sqlite"), "UPDATE prompts SET title = 'Zebrafish habitat planner' WHERE id IN (1, 5, 7); DELETE FROM prompts WHERE id = 2")
        // The fixture itself is healthy: every command succeeds on a copy.
        let healthy = try copy([UInt8](workspace.read("base/data.mdb")), to: "healthy", in: workspace)
        for query in queries { try await expectSuccessOf(await workspace.vaultsearch(["search", "--index", healthy] + query)) }
        try await expectSuccessOf(await workspace.vaultsearch("inspect", "check", "--index", healthy))
        let tail = try await workspace.vaultsearch("tail", "--once", "--db", "store.sqlite", "--index", healthy)
        expectSuccess(tail)
        #expect(tail.stdout.contains("applied ") && !tail.stdout.contains("applied 0 "), "\(tail)")
        return [UInt8](try workspace.read("base/data.mdb"))
    }

    /// Writes `bytes` as the data file of a new index directory `name`; returns its path.
    static func copy(_ bytes: [UInt8], to name: String, in workspace: Workspace) throws -> String {
        try FileManager.default.createDirectory(at: workspace.url(name), withIntermediateDirectories: true)
        try workspace.write(name + "/data.mdb", bytes: bytes)
        return name
    }

    static func run(
        trial: Int, damage: DataFileDamage, original: [UInt8], baseline: LMDBView, seed: UInt64, in workspace: Workspace
    ) async throws -> Outcome {
        let directory = try copy(damage.apply(to: original), to: "trial-\(trial)", in: workspace)
        defer { try? FileManager.default.removeItem(at: workspace.url(directory)) }
        let context = "seed \(seed) trial \(trial) (\(damage))"
        let visible: Bool? = LMDBView.isAvailable ? try await LMDBView.read(directory, in: workspace) != baseline : nil
        let search = try await workspace.vaultsearch(["search", "--index", directory] + queries[trial % queries.count], timeLimit: timeLimit)
        let check = try await workspace.vaultsearch(["inspect", "check", "--index", directory], timeLimit: timeLimit)
        let tail = try await workspace.vaultsearch(["tail", "--once", "--db", "store.sqlite", "--index", directory], timeLimit: timeLimit)
        var signals = 0
        for (name, result) in [("search", search), ("inspect check", check), ("tail", tail)] {
            if result.crashed { signals += 1 }
            expectCleanEnd(result, name, context)
        }
        if check.status != 0 && !check.crashed {
            #expect(check.stdout.contains("problem: ") || check.stderr.contains("Error: "), Comment(rawValue: "\(context): inspect check failed without a problem line: \(check)"))
        }
        if visible == true || damage.isTruncation {
            #expect(check.status != 0, Comment(rawValue: "\(context): inspect check passed a file LMDB's tools read differently: \(check)"))
        }
        return Outcome(damage: damage, visible: visible, checkFailed: check.status != 0, searchFailed: search.status != 0, tailFailed: tail.status != 0, signals: signals)
    }

    /// Expects `result` to end cleanly: no signal, no time-out, and a failure explained by a final `Error:` line.
    static func expectCleanEnd(_ result: CommandResult, _ name: String, _ context: String) {
        #expect(!result.crashed && !result.timedOut, Comment(rawValue: "\(context): \(name) crashed or hung: \(result)"))
        for marker in ["Fatal error", "Backtrac", "Program crashed", "*** Signal"] {
            #expect(!result.stderr.contains(marker), Comment(rawValue: "\(context): \(name) printed a crash report: \(result)"))
        }
        guard result.status != 0, !result.crashed else { return }
        let last = result.stderr.split(separator: "\n").last.map(String.init) ?? ""
        if name != "inspect check" || !result.stdout.contains("problem: ") {
            #expect(last.hasPrefix("Error: "), Comment(rawValue: "\(context): \(name) failed without an `Error:` line: \(result)"))
        }
    }

    static func report(_ outcomes: [Outcome], seed: UInt64) {
        let truncations = outcomes.filter(\.damage.isTruncation).count
        let visible = outcomes.filter { $0.visible == true && !$0.damage.isTruncation }
        let invisible = outcomes.filter { $0.visible == false && !$0.damage.isTruncation }
        print("""
            CorruptionFuzzTests seed \(seed): \(outcomes.count) trials, \(truncations) truncations (check failed on \(outcomes.filter { $0.damage.isTruncation && $0.checkFailed }.count)), \
            \(visible.count) byte changes LMDB's tools see (check failed on \(visible.filter(\.checkFailed).count)), \
            \(invisible.count) they do not see (check failed on \(invisible.filter(\.checkFailed).count) anyway); \
            search failed cleanly on \(outcomes.filter(\.searchFailed).count), tail on \(outcomes.filter(\.tailFailed).count); \
            \(outcomes.reduce(0) { $0 + $1.signals }) signals
            """)
    }
}
