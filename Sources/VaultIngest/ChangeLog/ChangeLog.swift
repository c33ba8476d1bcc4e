import Foundation
import GRDB

/// The change log in the primary store: the `search_changes` table and the triggers that fill it.
///
/// ```
/// search_changes(seq INTEGER PRIMARY KEY AUTOINCREMENT, entity TEXT, entity_id INTEGER, op TEXT
///                CHECK (op IN ('insert','update','delete')), changed_at INTEGER DEFAULT (unixepoch()))
/// search_changes_sources(source TEXT PRIMARY KEY, watch TEXT)   -- JSON [{table, entity, id}]
/// ```
/// One AFTER INSERT, UPDATE and DELETE trigger per watched table (named
/// `search_changes_<table>_<op>`), generated from the ``SourceConfiguration``s installed on the
/// store. Each writes, for every (entity, id column) watched on its table, the entity name and the
/// row's id column (NEW's, or OLD's for deletes; an update that changes the id also records the old
/// id as a delete). `entity_id` has INTEGER affinity, so text ids (the folder layout's UUIDs) are
/// stored as text. `AUTOINCREMENT` never reuses a sequence number, so a cursor (`seq > cursor`)
/// never skips a change, even after the log is trimmed.
///
/// **Several sources share one log.** A store may feed several indexes (the prompts and the
/// marketplace listings of one PromptVault store), each with its own mapping and cursor. The log
/// records facts ("user 7 was updated"), and each tailer maps them through its own configuration.
/// `search_changes_sources` remembers each installed source's watched tables, and the triggers are
/// the union: installing one source never removes another's triggers, a watch two sources share is
/// recorded once, and re-installing a source replaces only its own watch list. An entity name must
/// therefore mean the same table and column in every source installed on a store.
public enum ChangeLog {
    /// The change-log table's name.
    public static let table = "search_changes"
    /// The table naming each installed source and the tables it watches.
    public static let sourcesTable = "search_changes_sources"
    /// The prefix of every trigger this installs.
    public static let triggerPrefix = "search_changes_"
    /// The source name under which triggers installed before ``sourcesTable`` existed are kept.
    public static let earlierInstall = "(earlier install)"

    /// Installs (or re-installs) the table and the triggers for `configuration`'s watched tables,
    /// keeping those of the other sources installed on the store, in one transaction: idempotent, and
    /// triggers of tables that no installed source watches any more are removed.
    ///
    /// On a store whose triggers predate ``sourcesTable``, the watches they record are kept under
    /// ``earlierInstall`` unless `configuration` has every one of them (they were its own).
    /// - Throws: ``StoreError/missingTable(_:)`` or ``StoreError/missingColumn(table:column:)`` for
    ///   any installed source's table, ``StoreError/entityConflict(entity:first:second:)`` when two
    ///   sources use one entity name for different tables or columns.
    public static func install(_ configuration: SourceConfiguration, in db: Database) throws {
        try db.inSavepoint {
            try db.execute(sql: """
                CREATE TABLE IF NOT EXISTS search_changes(
                  seq INTEGER PRIMARY KEY AUTOINCREMENT, entity TEXT NOT NULL, entity_id INTEGER NOT NULL,
                  op TEXT NOT NULL CHECK (op IN ('insert','update','delete')),
                  changed_at INTEGER NOT NULL DEFAULT (unixepoch()))
                """)
            let own = configuration.watch.map(RecordedWatch.init)
            if !(try db.tableExists(sourcesTable)) {
                try db.execute(sql: "CREATE TABLE search_changes_sources(source TEXT PRIMARY KEY, watch TEXT NOT NULL)")
                let earlier = try installedWatches(in: db)
                if !earlier.isSubset(of: own) { try register(earlierInstall, Array(earlier), db) }
            }
            try register(configuration.name, own, db)
            let sources = try installedSources(in: db)
            try checkEntities(sources)
            try dropTriggers(db)
            var byTable: [String: Set<RecordedWatch>] = [:]
            for (_, watches) in sources { for watch in watches { byTable[watch.table, default: []].insert(watch) } }
            // The installing source's tables first, in its order, so its first problem is the one named.
            var tables: [String] = []
            for table in own.map(\.table) + byTable.keys.sorted() where !tables.contains(table) { tables.append(table) }
            for table in tables {
                let watches = byTable[table] ?? []
                guard try db.tableExists(table) else { throw StoreError.missingTable(table) }
                let columns = try db.columns(in: table).map { $0.name.lowercased() }
                for watch in watches where !columns.contains(watch.id.lowercased()) && watch.id.lowercased() != "rowid" {
                    throw StoreError.missingColumn(table: table, column: watch.id)
                }
                for sql in triggers(table: table, watches: watches.sorted()) { try db.execute(sql: sql) }
            }
            return .commit
        }
    }

    /// Removes the triggers (every trigger named `search_changes_*`) and the list of installed
    /// sources, and the log itself too when `dropTable`.
    public static func uninstall(dropTable: Bool, in db: Database) throws {
        try db.inSavepoint {
            try dropTriggers(db)
            try db.execute(sql: "DROP TABLE IF EXISTS search_changes_sources")
            if dropTable { try db.execute(sql: "DROP TABLE IF EXISTS search_changes") }
            return .commit
        }
    }

    /// Whether the change-log table exists.
    public static func isInstalled(in db: Database) throws -> Bool { try db.tableExists(table) }

    /// The names of the installed change-log triggers, sorted.
    public static func installedTriggers(in db: Database) throws -> [String] {
        try String.fetchAll(
            db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'search\\_changes\\_%' ESCAPE '\\' ORDER BY name")
    }

    /// The sources installed on the store, sorted by name (empty when none or before sources were recorded).
    public static func installedSourceNames(in db: Database) throws -> [String] {
        try installedSources(in: db).map(\.source)
    }

    /// The first table of `configuration` whose changes the installed triggers do not record under its
    /// entity and id column; nil when every watched table is covered. A tailer checks this at start,
    /// so a source whose triggers are missing is refused instead of silently missing changes.
    public static func unrecordedWatch(of configuration: SourceConfiguration, in db: Database) throws -> SourceConfiguration.WatchedTable? {
        let installed = try installedWatches(in: db)
        return configuration.watch.first { !installed.contains(RecordedWatch($0)) }
    }

    /// The highest sequence number in the log (0 when empty or absent).
    public static func lastSequence(in db: Database) throws -> Int64 {
        guard try isInstalled(in: db) else { return 0 }
        // sqlite_sequence keeps the high-water mark even when the log was trimmed to empty.
        let trimmedHigh = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'search_changes'") ?? 0
        let present = try Int64.fetchOne(db, sql: "SELECT max(seq) FROM search_changes") ?? 0
        return max(trimmedHigh, present)
    }

    /// Deletes the changes up to and including `sequence` (after they are committed to the index).
    /// Only for a store with one tailer: the others may still need those changes.
    @discardableResult
    public static func trim(upTo sequence: Int64, in db: Database) throws -> Int {
        try db.execute(sql: "DELETE FROM search_changes WHERE seq <= ?", arguments: [sequence])
        return db.changesCount
    }

    private static func dropTriggers(_ db: Database) throws {
        for name in try installedTriggers(in: db) { try db.execute(sql: "DROP TRIGGER \(name.quotedDatabaseIdentifier)") }
    }

    private static func register(_ source: String, _ watches: [RecordedWatch], _ db: Database) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(Set(watches).sorted()), as: UTF8.self)
        try db.execute(sql: "INSERT OR REPLACE INTO search_changes_sources(source, watch) VALUES (?, ?)", arguments: [source, json])
    }

    /// Every installed source with its watches.
    static func installedSources(in db: Database) throws -> [(source: String, watches: [RecordedWatch])] {
        guard try db.tableExists(sourcesTable) else { return [] }
        return try Row.fetchAll(db, sql: "SELECT source, watch FROM search_changes_sources ORDER BY source").map { row in
            let source: String = row["source"]
            let text: String = row["watch"]
            guard let watches = try? JSONDecoder().decode([RecordedWatch].self, from: Data(text.utf8)) else {
                throw StoreError.badConfiguration(file: sourcesTable, message: "the watch list of source '\(source)' is not valid JSON")
            }
            return (source, watches)
        }
    }

    private static func checkEntities(_ sources: [(source: String, watches: [RecordedWatch])]) throws {
        var seen: [String: (watch: RecordedWatch, source: String)] = [:]
        for (source, watches) in sources {
            for watch in watches {
                if let earlier = seen[watch.entity], earlier.watch != watch {
                    throw StoreError.entityConflict(
                        entity: watch.entity, first: "\(earlier.watch.table).\(earlier.watch.id) (source '\(earlier.source)')",
                        second: "\(watch.table).\(watch.id) (source '\(source)')")
                }
                seen[watch.entity] = (watch, source)
            }
        }
    }
}
