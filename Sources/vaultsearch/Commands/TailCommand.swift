import ArgumentParser
import Dispatch
import Foundation
import Synchronization
import VaultIngest

/// `vaultsearch tail`: follows a store's change log into an index until SIGINT or SIGTERM.
struct TailCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tail",
        abstract: "Follow a store's change log into an index (until SIGINT/SIGTERM).",
        discussion: """
            Each batch of changes is applied in one index transaction together with the cursor, so \
            the process may be killed at any moment: a restart continues without losing or repeating \
            a change. When DIR holds no index, a full rebuild is made first.
            """)

    @OptionGroup var store: StoreOptions

    @OptionGroup var indexOptions: IndexOptions

    @Flag(name: .long, help: "Delete applied changes from the log (only if this is the store's one tailer).")
    var trim = false

    @Flag(name: .long, help: "Apply what is in the log, then exit.")
    var once = false

    @Option(name: .long, parsing: .unconditional, help: "Changes per batch.")
    var batchSize = 1_000

    func validate() throws {
        if batchSize < 1 || batchSize > 100_000 { throw ValidationError("--batch-size must be between 1 and 100000") }
    }

    func run() throws {
        let configuration = try store.configuration()
        if !FileManager.default.fileExists(atPath: indexOptions.index + "/data.mdb") {
            IngestLog.line("no index at \(indexOptions.index): building it from \(store.db)")
            let outcome = try IndexRebuilder(configuration: configuration).rebuild(
                storePath: store.db, into: indexOptions.index, log: IngestLog.line)
            IngestLog.line("built \(outcome.documents) documents, cursor \(outcome.cursor)")
        }
        var options = Tailer.Options()
        options.trim = trim
        options.batchSize = batchSize
        let tailer = try Tailer(storePath: store.db, indexPath: indexOptions.index, configuration: configuration, options: options, log: IngestLog.line)
        // Signals are caught from here on: a supervisor may send SIGTERM as soon as this line shows.
        let stop = once ? nil : StopSignal()
        IngestLog.line("tailing \(store.db) into \(indexOptions.index) from cursor \(tailer.cursor)")
        let report: (Tailer.BatchReport) -> Void = { batch in
            IngestLog.line("applied \(batch.changes) changes (\(batch.upserts) upserts, \(batch.deletes) deletes, \(batch.unchanged) unchanged), cursor \(batch.cursor)\(batch.trimmed > 0 ? ", trimmed \(batch.trimmed)" : "")")
        }
        if once {
            let applied = try tailer.catchUp(onBatch: report)
            print("applied \(applied) changes; cursor \(tailer.cursor)")
            return
        }
        try tailer.run(until: { stop?.requested ?? true }, onBatch: report)
        IngestLog.line("stopped at cursor \(tailer.cursor)")
    }
}

/// Turns SIGINT and SIGTERM into a flag the tail loop polls (the default action would kill the
/// process mid-batch, which is safe but leaves no final log line).
final class StopSignal {
    /// The flag the signal handlers set (from a dispatch queue).
    private final class Flag: Sendable {
        let value = Atomic<Bool>(false)
    }

    private let flag = Flag()
    private var sources: [any DispatchSourceSignal] = []

    init() {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            let flag = self.flag
            source.setEventHandler { flag.value.store(true, ordering: .relaxed) }
            source.resume()
            sources.append(source)
        }
    }

    /// Whether a signal arrived.
    var requested: Bool { flag.value.load(ordering: .relaxed) }
}
