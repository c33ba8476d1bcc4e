import GRDB
import VaultIndex
import VaultTrending

/// One batch read from the change log, ready for the index: the operations that bring the affected
/// documents up to date, and the last sequence number they cover.
public struct ChangeBatch {
    /// Index operations: an upsert for each affected document that exists, a delete for each that does not.
    public var operations: [IndexOperation]
    /// The highest sequence number read (the cursor to commit with the operations).
    public var lastSequence: Int64
    /// Change-log rows read.
    public var changes: Int
    /// The trending rows the changes touch (empty when the mapping watches no engagement table).
    public var trending = TrendingBatch()
}

/// Reads change-log rows after a cursor and turns them into index operations, from the current rows
/// of the store: every change maps to root ids (directly, or through its watched table's `affects`
/// SQL), and each affected document is rebuilt whole. Rebuilding from current rows makes applying a
/// change twice harmless and the order of changes within a batch irrelevant.
///
/// A log shared by several sources holds changes of entities this configuration does not watch
/// (the prompts' tags, say, in the listings' tailer): those recorded by installed triggers are
/// skipped silently; any other entity is logged, since no trigger of this store writes it.
struct ChangeBatchReader {
    let configuration: SourceConfiguration
    let builder: DocumentBuilder
    let log: (String) -> Void
    /// Reads the trending rows, when the mapping has engagement tables.
    let engagement: EngagementReader?
    private let watchedByEntity: [String: SourceConfiguration.WatchedTable]

    init(configuration: SourceConfiguration, log: @escaping (String) -> Void) {
        self.configuration = configuration
        self.builder = DocumentBuilder(configuration: configuration, log: log)
        self.log = log
        self.engagement = EngagementReader(configuration: configuration)
        var byEntity: [String: SourceConfiguration.WatchedTable] = [:]
        for watched in configuration.watch { byEntity[watched.entity] = watched }
        self.watchedByEntity = byEntity
    }

    /// Reads up to `limit` changes with `seq > cursor` and builds their operations, all in `db`'s
    /// current (read) transaction; nil when there is no change.
    func read(after cursor: Int64, limit: Int, in db: Database) throws -> ChangeBatch? {
        let rows = try Row.fetchAll(
            db, sql: "SELECT seq, entity, entity_id FROM search_changes WHERE seq > ? ORDER BY seq LIMIT ?",
            arguments: [cursor, limit])
        guard let last = rows.last else { return nil }
        var idsByEntity: [String: [RootID]] = [:]
        for row in rows {
            let seq: Int64 = row["seq"]
            let entity: String = row["entity"]
            guard let id = RootID(row["entity_id"]) else {
                log("search_changes \(seq): entity_id \(row["entity_id"] as DatabaseValue) is not an id; skipped")
                continue
            }
            idsByEntity[entity, default: []].append(id)
        }
        var affected = Set<RootID>()
        var recorded: Set<String>?
        for (entity, ids) in idsByEntity.sorted(by: { $0.key < $1.key }) {
            guard let watched = watchedByEntity[entity] else {
                if recorded == nil { recorded = Set(try ChangeLog.installedWatches(in: db).map(\.entity)) }
                if recorded?.contains(entity) != true {
                    log("search_changes: \(ids.count) change(s) of entity '\(entity)', which the configuration does not watch and no installed trigger records; skipped")
                }
                continue
            }
            if watched.engagement != nil { continue }  // counters reach documents through the prompt's own change
            guard let affects = watched.affects else {
                affected.formUnion(ids)
                continue
            }
            let statement = try db.cachedStatement(sql: affects)
            let unique = Array(Set(ids))
            var start = 0
            while start < unique.count {
                let chunk = unique[start..<min(start + 2_000, unique.count)]
                start += chunk.count
                let cursor = try DatabaseValue.fetchCursor(statement, arguments: ["ids": RootID.jsonArray(chunk)])
                while let value = try cursor.next() { if let id = RootID(value) { affected.insert(id) } }
            }
        }
        let ordered = affected.sorted()
        let documents = try builder.documents(for: ordered, in: db)
        let operations: [IndexOperation] = ordered.map { id in
            documents[id.documentID].map { .upsert($0) } ?? .delete(id: id.documentID)
        }
        var trending = TrendingBatch()
        if let engagement {
            var integerIDs: [String: [Int64]] = [:]
            for (entity, ids) in idsByEntity {
                integerIDs[entity] = ids.compactMap { if case .integer(let n) = $0 { return n } else { return nil } }
            }
            trending = try engagement.read(integerIDs, in: db)
        }
        return ChangeBatch(operations: operations, lastSequence: last["seq"], changes: rows.count, trending: trending)
    }
}
