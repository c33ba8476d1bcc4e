import Foundation
import GRDB
import VaultIndex
import VaultTrending

/// Builds an index from scratch from a store, beside the target, and swaps it in atomically
/// (``IndexDirectory``): searches never see a half-built index.
///
/// Every root id, every document and the change log's last sequence number are read in ONE SQLite
/// read transaction (a snapshot), and that sequence number is stored as the new index's cursor, so
/// a tailer continues from exactly where the snapshot ends: no change is missed, none applied twice.
public struct IndexRebuilder {
    /// Progress, after every batch.
    public struct Progress: Sendable {
        /// Documents indexed so far.
        public var documents: Int
        /// Root rows in the snapshot.
        public var total: Int
    }

    /// What a rebuild did.
    public struct Outcome: Sendable {
        /// Documents in the new index.
        public var documents: Int
        /// The cursor stored (the change log's last sequence number in the snapshot).
        public var cursor: Int64
        /// Whether the store has a change log (without one, a tailer cannot follow the index).
        public var hasChangeLog: Bool
        /// Wall-clock seconds.
        public var seconds: Double
        /// Seconds spent reading ids and building documents from SQLite.
        public var readSeconds: Double = 0
        /// Seconds spent in the index writer (analysis and LMDB).
        public var applySeconds: Double = 0
    }

    /// The mapping.
    public var configuration: SourceConfiguration
    /// Documents per write transaction.
    public var batchSize = 5_000
    /// The trending settings of the new index (when the mapping has engagement tables).
    public var trendingSettings = TrendingSettings()

    /// A rebuilder for `configuration`.
    public init(configuration: SourceConfiguration) { self.configuration = configuration }

    /// Rebuilds `target` from the store at `storePath`.
    public func rebuild(
        storePath: String, into target: String, log: @escaping (String) -> Void, progress: (Progress) -> Void = { _ in }
    ) throws -> Outcome {
        let start = ContinuousClock.now
        let directory = try IndexDirectory.checkTarget(target)
        let store = try StoreConnection.open(storePath)
        let staging = IndexDirectory.staging(for: directory)
        try? FileManager.default.removeItem(atPath: staging)
        var succeeded = false
        defer { if !succeeded { try? FileManager.default.removeItem(atPath: staging) } }
        let configuration = self.configuration
        let builder = DocumentBuilder(configuration: configuration, log: log)
        let batchSize = self.batchSize
        var outcome = Outcome(documents: 0, cursor: 0, hasChangeLog: false, seconds: 0)
        try store.read { db in
            try configuration.check(db)
            outcome.hasChangeLog = try ChangeLog.isInstalled(in: db)
            outcome.cursor = try ChangeLog.lastSequence(in: db)
            let table = configuration.root.table.quotedDatabaseIdentifier
            let column = configuration.root.id.quotedDatabaseIdentifier
            let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0
            let index = try Index.create(at: staging, settings: configuration.indexSettings, bulkLoad: true)
            let writer = try IndexWriter(index: index)
            let ids = try db.makeStatement(sql: "SELECT \(column) FROM \(table) WHERE \(column) IS NOT NULL ORDER BY \(column)")
            let cursor = try DatabaseValue.fetchCursor(ids)
            var pending: [RootID] = []
            var done = 0
            func flush(last: Bool) throws {
                let readStart = ContinuousClock.now
                let documents = try builder.documents(for: pending, in: db)
                let operations = pending.compactMap { documents[$0.documentID].map(IndexOperation.upsert) }
                let cursorValue = IngestCursor(sequence: outcome.cursor, source: configuration.name)
                let applyStart = ContinuousClock.now
                outcome.readSeconds += (applyStart - readStart).seconds
                try writer.apply(operations) { txn in if last { try index.storeIngestCursor(cursorValue, in: txn) } }
                outcome.applySeconds += (ContinuousClock.now - applyStart).seconds
                done += operations.count
                pending.removeAll(keepingCapacity: true)
                progress(Progress(documents: done, total: total))
            }
            while let value = try cursor.next() {
                guard let id = RootID(value) else {
                    log("\(configuration.root.table): id \(value) is not usable as a document id; skipped")
                    continue
                }
                pending.append(id)
                if pending.count >= batchSize { try flush(last: false) }
            }
            try flush(last: true)
            if EngagementReader(configuration: configuration) != nil {
                // Trending state from every row of the same snapshot, so the cursor covers it too.
                let loadStart = ContinuousClock.now
                let store = try TrendingStore.create(in: index, settings: trendingSettings)
                try EngagementReader.loadAll(in: db) { batch in
                    try index.writeLayerState { txn in try TrendingWriter.apply(batch, store: store, in: txn) }
                }
                outcome.applySeconds += (ContinuousClock.now - loadStart).seconds
            }
            try index.sync()
            outcome.documents = Int(try index.snapshot().statistics.documentCount)
        }
        try IndexDirectory.replace(directory, with: staging)
        succeeded = true
        outcome.seconds = (ContinuousClock.now - start).seconds
        return outcome
    }
}
