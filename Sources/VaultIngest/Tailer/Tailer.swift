import Foundation
import GRDB
import VaultIndex
import VaultTrending

/// Follows a store's change log into an index, exactly once.
///
/// Each step reads the changes after the index's cursor (``IngestCursor``) in one SQLite read
/// transaction, rebuilds the documents they touch from the current rows, and applies them with
/// ``IndexWriter/apply(_:commitMetadata:)``, storing the new cursor in the same LMDB transaction.
/// A crash before that commit loses nothing (the changes are read again); after it, nothing is
/// applied twice (the cursor has moved). Optionally the log is trimmed up to the committed cursor.
///
/// With a mapping that watches engagement tables, the same batch's trending rows (events, prompt
/// and user rows) are applied to the index's trending state (VaultTrending) in that transaction too.
///
/// Waking: ``run(until:onBatch:)`` sleeps on inotify events of the store's files
/// (``StoreFileWatcher``: a commit by any process wakes it at once, and nothing runs while nothing
/// happens), up to ``Options/idlePoll`` at a time; whether the store really changed is decided by
/// `PRAGMA data_version` on a dedicated connection. Without inotify it polls data_version every
/// millisecond after activity, backing off to ``Options/fallbackPoll``.
///
/// Not `Sendable`: it owns the index writer (analyzers are not shareable); use it on one thread.
public final class Tailer {
    /// Tuning.
    public struct Options: Sendable {
        /// Changes read per batch.
        public var batchSize = 1_000
        /// Delete applied changes from the log (only when this is the store's one tailer).
        public var trim = false
        /// The longest sleep between checks of `data_version` when file events are available (a
        /// safety net; a commit wakes the tailer at once). Also bounds how late a stop is noticed.
        public var idlePoll: Duration = .milliseconds(250)
        /// The longest sleep between polls when idle without file events (no inotify).
        public var fallbackPoll: Duration = .milliseconds(25)
        /// The first sleep after activity.
        public var activePoll: Duration = .milliseconds(1)
        /// How often to check whether a rebuild swapped the index directory (then it is reopened).
        public var swapCheck: Duration = .seconds(1)
        /// Default options.
        public init() {}
    }

    /// What one batch did.
    public struct BatchReport: Sendable {
        /// Change-log rows applied.
        public var changes: Int
        /// Documents upserted.
        public var upserts: Int
        /// Of ``upserts``, documents whose text was unchanged: only their columns and stored fields
        /// were rewritten (counters, flags, visibility), no postings.
        public var replacedInPlace: Int = 0
        /// Documents deleted.
        public var deletes: Int
        /// Engagement event rows applied to trending (inserted, changed or deleted).
        public var events: Int = 0
        /// Affected documents that were already up to date (skipped).
        public var unchanged: Int
        /// The cursor after the batch.
        public var cursor: Int64
        /// Change-log rows trimmed.
        public var trimmed: Int
        /// Seconds spent reading changes and building documents (SQLite).
        public var readSeconds: Double
        /// Seconds spent applying the batch to the index (analysis and the LMDB commit).
        public var applySeconds: Double
    }

    /// The mapping.
    public let configuration: SourceConfiguration
    /// The index directory.
    public let indexPath: String
    private let options: Options
    private let store: DatabaseQueue
    private let watcher: DatabaseQueue
    private let files: StoreFileWatcher?
    private let reader: ChangeBatchReader
    private var index: Index
    private var writer: IndexWriter
    /// The index's trending state, when the mapping has engagement tables.
    public private(set) var trending: TrendingStore?
    private var indexInode: UInt64
    /// False when the index was handed in by its owner (the daemon): a rebuild swapped in under a
    /// running daemon is not followed (its searches hold the same handle).
    private let followsSwaps: Bool
    /// The last committed cursor.
    public private(set) var cursor: Int64
    /// The open index (the one the tailer writes; a rebuild swap replaces it), for reading in process.
    public var currentIndex: Index { index }

    /// Opens the store and the index and checks them: the change log must be installed with triggers
    /// recording every table the configuration watches, the configuration must fit the database, and
    /// the index must carry a cursor from the same source.
    public init(storePath: String, indexPath: String, configuration: SourceConfiguration, options: Options = Options(),
                log: @escaping (String) -> Void) throws {
        self.configuration = configuration
        self.indexPath = indexPath
        self.options = options
        self.store = try StoreConnection.open(storePath)
        self.watcher = try StoreConnection.open(storePath)
        self.files = StoreFileWatcher(databasePath: storePath)
        self.reader = ChangeBatchReader(configuration: configuration, log: log)
        let hasEngagement = reader.engagement != nil
        try store.read { db in
            try Self.checkStore(db, configuration)
        }
        (index, writer, cursor, indexInode) = try Self.openIndex(indexPath, configuration)
        followsSwaps = true
        trending = hasEngagement ? try TrendingStore.open(index) : nil
        try checkNoGap()
    }

    /// A tailer writing into an index its caller already opened (LMDB allows one handle per
    /// environment and process: the daemon's searches and its tailer share it). Checks as
    /// ``init(storePath:indexPath:configuration:options:log:)`` does.
    public init(storePath: String, index: Index, configuration: SourceConfiguration, options: Options = Options(),
                log: @escaping (String) -> Void) throws {
        self.configuration = configuration
        self.indexPath = index.path
        self.options = options
        self.store = try StoreConnection.open(storePath)
        self.watcher = try StoreConnection.open(storePath)
        self.files = StoreFileWatcher(databasePath: storePath)
        self.reader = ChangeBatchReader(configuration: configuration, log: log)
        let hasEngagement = reader.engagement != nil
        try store.read { db in
            try Self.checkStore(db, configuration)
        }
        (writer, cursor) = try Self.prepare(index, configuration)
        self.index = index
        indexInode = Self.inode(of: index.path)
        followsSwaps = false
        trending = hasEngagement ? try TrendingStore.open(index) : nil
        try checkNoGap()
    }

    /// The store's side of the start-up checks: the log exists, its triggers record every watched
    /// table, and the configuration fits the database.
    private static func checkStore(_ db: Database, _ configuration: SourceConfiguration) throws {
        guard try ChangeLog.isInstalled(in: db) else { throw StoreError.changeLogMissing }
        try configuration.check(db)
        if let missing = try ChangeLog.unrecordedWatch(of: configuration, in: db) {
            throw StoreError.triggersMissing(source: configuration.name, table: missing.table, entity: missing.entity)
        }
    }

    private static func openIndex(_ path: String, _ configuration: SourceConfiguration) throws -> (Index, IndexWriter, Int64, UInt64) {
        let index = try Index.open(at: path, verifyStructure: true)
        let (writer, cursor) = try prepare(index, configuration)
        return (index, writer, cursor, inode(of: path))
    }

    private static func prepare(_ index: Index, _ configuration: SourceConfiguration) throws -> (IndexWriter, Int64) {
        let path = index.path
        guard let cursor = try index.ingestCursor() else {
            throw StoreError.badConfiguration(
                file: path, message: "the index has no ingest cursor (it was not built from a store): build it with `vaultsearch index --rebuild`")
        }
        if cursor.source != configuration.name {
            throw StoreError.sourceMismatch(index: path, expected: configuration.name, found: cursor.source)
        }
        return (try IndexWriter(index: index), cursor.sequence)
    }

    private func openTrending() throws -> TrendingStore? {
        reader.engagement == nil ? nil : try TrendingStore.open(index)
    }

    private static func inode(of path: String) -> UInt64 {
        var info = stat()
        return stat(path + "/data.mdb", &info) == 0 ? UInt64(info.st_ino) : 0
    }

    /// Refuses to go on when changes after the cursor were trimmed away (by another tailer):
    /// sequence numbers have no gaps (AUTOINCREMENT rolls back with its transaction), so a log that
    /// starts after `cursor + 1` lost changes this index needs.
    private func checkNoGap() throws {
        let (first, last) = try store.read { db in
            (try Int64.fetchOne(db, sql: "SELECT min(seq) FROM search_changes"), try ChangeLog.lastSequence(in: db))
        }
        let lost = first.map { $0 > cursor + 1 } ?? (last > cursor)
        if lost {
            throw StoreError.badConfiguration(
                file: indexPath,
                message: "the change log was trimmed past this index's cursor \(cursor) (it starts at \(first.map(String.init) ?? "nothing"), last \(last)): rebuild with `vaultsearch index --rebuild`")
        }
    }

    /// Applies one batch if there are changes after the cursor; nil when there were none.
    @discardableResult
    public func step() throws -> BatchReport? {
        let limit = options.batchSize
        let from = cursor
        let started = ContinuousClock.now
        guard let batch = try store.read({ db in try reader.read(after: from, limit: limit, in: db) }) else { return nil }
        let cursorValue = IngestCursor(sequence: batch.lastSequence, source: configuration.name)
        let index = self.index
        let trending = self.trending
        let operations = try withoutNoOps(batch.operations)
        let read = ContinuousClock.now
        var moved: TailerError?
        let summary: BatchSummary
        do {
            summary = try writer.apply(operations) { txn in
                // LMDB serializes writers; a second tailer on this index would move the cursor under us.
                let stored = try index.ingestCursor(in: txn)?.sequence
                guard stored == from else {
                    moved = .cursorMoved(expected: from, found: stored)
                    throw moved!
                }
                if let trending { try TrendingWriter.apply(batch.trending, store: trending, in: txn) }
                try index.storeIngestCursor(cursorValue, in: txn)
            }
        } catch {
            throw moved ?? error  // the writer wraps foreign errors; report ours as itself
        }
        cursor = batch.lastSequence
        let applied = ContinuousClock.now
        var trimmed = 0
        if options.trim {
            let upTo = cursor
            trimmed = try store.write { db in try ChangeLog.trim(upTo: upTo, in: db) }
        }
        return BatchReport(
            changes: batch.changes, upserts: summary.added + summary.replaced, replacedInPlace: summary.replacedInPlace,
            deletes: summary.deleted + summary.missing, events: batch.trending.events.count,
            unchanged: batch.operations.count - operations.count,
            cursor: cursor, trimmed: trimmed, readSeconds: (read - started).seconds, applySeconds: (applied - read).seconds)
    }

    /// Drops upserts of documents the index already holds exactly as built (a change to a column
    /// the mapping does not read, such as a user's reputation, or an update that changed nothing).
    private func withoutNoOps(_ operations: [IndexOperation]) throws -> [IndexOperation] {
        let snapshot = try index.snapshot()
        defer { snapshot.close() }
        return try operations.filter { operation in
            guard case .upsert(let document) = operation else { return true }
            return try !snapshot.storesExactly(document)
        }
    }

    /// Applies batches until the log has nothing after the cursor; returns the changes applied.
    @discardableResult
    public func catchUp(onBatch: (BatchReport) -> Void = { _ in }) throws -> Int {
        var total = 0
        while let report = try step() {
            total += report.changes
            onBatch(report)
        }
        return total
    }

    /// Follows the log until `shouldStop` returns true (checked at least every ``Options/idlePoll``).
    public func run(until shouldStop: () -> Bool, onBatch: (BatchReport) -> Void = { _ in }) throws {
        var lastSwapCheck = ContinuousClock.now
        while !shouldStop() {
            let version = try dataVersion()
            try catchUp(onBatch: onBatch)
            var pause = options.activePoll
            while !shouldStop() {
                if try dataVersion() != version { break }
                if ContinuousClock.now - lastSwapCheck > options.swapCheck {
                    lastSwapCheck = ContinuousClock.now
                    if try reopenIfSwapped() { break }
                }
                if let files {
                    _ = files.wait(timeout: options.idlePoll)
                } else {
                    Thread.sleep(forTimeInterval: pause.seconds)
                    pause = min(pause * 2, options.fallbackPoll)
                }
            }
        }
    }

    /// Reopens the index when a rebuild moved a new one into ``indexPath``; true when it did.
    @discardableResult
    public func reopenIfSwapped() throws -> Bool {
        guard followsSwaps else { return false }
        let now = Self.inode(of: indexPath)
        guard now != 0, now != indexInode else { return false }
        (index, writer, cursor, indexInode) = try Self.openIndex(indexPath, configuration)
        trending = try openTrending()
        try checkNoGap()
        return true
    }

    /// `PRAGMA data_version` of the dedicated watcher connection: it changes whenever another
    /// connection (in any process) commits to the store.
    private func dataVersion() throws -> Int64 {
        try watcher.inDatabase { db in try Int64.fetchOne(db.cachedStatement(sql: "PRAGMA data_version")) ?? 0 }
    }
}

extension Duration {
    /// The duration in seconds, as a `Double`.
    var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}

/// A failure of the tailer's own invariants.
public enum TailerError: Error, Equatable, CustomStringConvertible {
    /// The index's cursor changed between reading the changes and committing them: another process
    /// is tailing into the same index. Nothing of this batch was written.
    case cursorMoved(expected: Int64, found: Int64?)

    public var description: String {
        switch self {
        case .cursorMoved(let expected, let found):
            return "the index's ingest cursor moved from \(expected) to \(found.map(String.init) ?? "nothing") under this tailer: is another `vaultsearch tail` writing the same index? Run one tailer per index."
        }
    }
}
