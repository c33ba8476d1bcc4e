import Foundation
import NIOPosix
#if canImport(Glibc)
import Glibc
#endif
import Synchronization
import VaultIndex

/// Runs searches on a fixed set of threads, each with its own ``Searcher`` per index (a searcher
/// holds an analyzer, which is not shareable). At most `threads` searches run at once; the rest wait
/// in the thread pool's queue, and a search that waited past its deadline is not started.
///
/// Search threads run at a lower scheduling priority (nice ``searchNice`` on Linux) than the
/// tailer and the listeners: under a search load that fills every core, committed changes still
/// reach the index promptly and new connections are still accepted.
public final class SearcherPool: Sendable {
    private let threads: NIOThreadPool
    private let free: Mutex<[String: [SearcherBox]]>
    /// Searches waiting or running.
    private let pending = Atomic<Int>(0)

    /// A pool of `threadCount` threads (started at once).
    public init(threadCount: Int) {
        threads = NIOThreadPool(numberOfThreads: threadCount)
        threads.start()
        free = Mutex([:])
    }

    /// The nice value of search threads (Linux: per thread).
    public static let searchNice: Int32 = 5

    /// Searches waiting or running now.
    public var inFlight: Int { pending.load(ordering: .relaxed) }

    /// Runs `work` on a pool thread with a searcher of `index`, unless `deadline` passed while it
    /// waited (then ``APIError/searchTimedOut(budgetMs:)``).
    public func run<Result: Sendable>(
        on index: ServedIndex, deadline: ContinuousClock.Instant, budgetMs: Int,
        _ work: @escaping @Sendable (Searcher) throws -> Result
    ) async throws -> Result {
        pending.add(1, ordering: .relaxed)
        defer { pending.subtract(1, ordering: .relaxed) }
        return try await threads.runIfActive { [self] in
            Self.lowerPriority()
            guard ContinuousClock.now < deadline else { throw APIError.searchTimedOut(budgetMs: budgetMs) }
            let box = try checkOut(index)
            defer { checkIn(box, index) }
            return try work(box.searcher)
        }
    }

    /// Sets the calling thread's nice value to ``searchNice`` (Linux keeps nice per thread, and
    /// `setpriority(PRIO_PROCESS, 0, …)` changes only the caller's); a no-op elsewhere or when refused.
    private static func lowerPriority() {
        #if os(Linux)
        _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, searchNice)
        #endif
    }

    private func checkOut(_ index: ServedIndex) throws -> SearcherBox {
        if let box = free.withLock({ $0[index.uid]?.popLast() }) { return box }
        return SearcherBox(try Searcher(index: index.index))
    }

    private func checkIn(_ box: SearcherBox, _ index: ServedIndex) {
        free.withLock { $0[index.uid, default: []].append(box) }
    }

    /// Stops the threads after the queued work ran.
    public func shutdown() async throws { try await threads.shutdownGracefully() }
}

/// A searcher moved between pool threads. `@unchecked Sendable` is safe because a box is only
/// ever used by the one thread that checked it out of ``SearcherPool``'s free list (taken and
/// returned under the pool's mutex), so no two threads touch the searcher at once.
final class SearcherBox: @unchecked Sendable {
    let searcher: Searcher
    init(_ searcher: Searcher) { self.searcher = searcher }
}
