import Foundation
import GRDB
import Logging
import ServiceLifecycle
import Synchronization
import VaultIngest

/// Runs one index's ``Tailer`` on its own thread inside the daemon, writing through the daemon's
/// open index. On graceful shutdown the current batch finishes (the stop flag is read between
/// batches), then the thread ends and `run()` returns.
struct TailerService: Service {
    let served: ServedIndex
    let logger: Logger

    func run() async throws {
        let stop = StopFlag()
        let served = self.served
        let logger = self.logger
        try await withGracefulShutdownHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let thread = Thread {
                    do {
                        let tailer = try Tailer(storePath: served.definition.store, index: served.index, configuration: served.configuration) { line in
                            logger.info("\(line)", metadata: ["index": "\(served.uid)"])
                        }
                        let log = try DatabaseQueue(path: served.definition.store, configuration: { var c = Configuration(); c.readonly = true; return c }())
                        let last = { try? log.read { db in try ChangeLog.lastSequence(in: db) } }
                        served.progress.record(cursor: tailer.cursor, lastInLog: last() ?? tailer.cursor)
                        logger.info("tailing \(served.definition.store) from cursor \(tailer.cursor)", metadata: ["index": "\(served.uid)"])
                        try tailer.run(until: { stop.isSet }) { batch in
                            served.progress.record(cursor: batch.cursor, lastInLog: last() ?? batch.cursor, appliedChanges: batch.changes)
                            logger.debug("applied \(batch.changes) changes, cursor \(batch.cursor)", metadata: ["index": "\(served.uid)"])
                        }
                        logger.info("tailer stopped at cursor \(tailer.cursor)", metadata: ["index": "\(served.uid)"])
                        continuation.resume()
                    } catch {
                        served.progress.record(failure: "\(error)")
                        logger.error("tailer stopped: \(error)", metadata: ["index": "\(served.uid)"])
                        // Searches go on over what was applied; the failure shows in /stats and /health.
                        continuation.resume()
                    }
                }
                thread.name = "tailer-\(served.uid)"
                thread.start()
            }
        } onGracefulShutdown: {
            stop.set()
        }
    }
}

/// A flag set once, read by a polling loop.
final class StopFlag: Sendable {
    private let value = Atomic<Bool>(false)
    func set() { value.store(true, ordering: .relaxed) }
    var isSet: Bool { value.load(ordering: .relaxed) }
}
