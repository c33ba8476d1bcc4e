import Foundation
import GRDB

/// The change log in the primary store: the `search_changes` table and the triggers that fill it.
///
/// ```
/// search_changes(seq INTEGER PRIMARY KEY AUTOINCREMENT, entity TEXT, entity_id INTEGER, op TEXT
///                CHECK (op IN ('insert','update','delete')), changed_at INTEGER DEFAULT (unixepoch()))
/// ```
/// One AFTER INSERT, UPDATE and DELETE trigger per watched table (named
/// `search_changes_<table>_<op>`), generated from a ``SourceConfiguration``. Each writes the
/// watched table's entity name and the row's id column (NEW's, or OLD's for deletes; an update
/// that changes the id also records the old id as a delete). `entity_id` has INTEGER affinity, so
/// text ids (the folder layout's UUIDs) are stored as text. `AUTOINCREMENT` never reuses a sequence
/// number, so a cursor (`seq > cursor`) never skips a change, even after the log is trimmed.
public enum ChangeLog {
    /// The change-log table's name.
    public static let table = "search_changes"
    /// The prefix of every trigger this installs.
    public static let triggerPrefix = "search_changes_"

    /// Installs (or re-installs) the table and the triggers for `configuration`'s watched tables, in
    /// one transaction: idempotent, and triggers of tables no longer watched are removed.
    /// - Throws: ``StoreError/missingTable(_:)`` or ``StoreError/missingColumn(table:column:)``.
    public static func install(_ configuration: SourceConfiguration, in db: Database) throws {
        try db.inSavepoint {
            try db.execute(sql: """
                CREATE TABLE IF NOT EXISTS search_changes(
                  seq INTEGER PRIMARY KEY AUTOINCREMENT, entity TEXT NOT NULL, entity_id INTEGER NOT NULL,
                  op TEXT NOT NULL CHECK (op IN ('insert','update','delete')),
                  changed_at INTEGER NOT NULL DEFAULT (unixepoch()))
                """)
            try dropTriggers(db)
            for watched in configuration.watch {
                guard try db.tableExists(watched.table) else { throw StoreError.missingTable(watched.table) }
                let columns = try db.columns(in: watched.table).map { $0.name.lowercased() }
                guard columns.contains(watched.id.lowercased()) else {
                    throw StoreError.missingColumn(table: watched.table, column: watched.id)
                }
                for sql in triggers(for: watched) { try db.execute(sql: sql) }
            }
            return .commit
        }
    }

    /// Removes the triggers (every trigger named `search_changes_*`), and the table too when `dropTable`.
    public static func uninstall(dropTable: Bool, in db: Database) throws {
        try db.inSavepoint {
            try dropTriggers(db)
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

    /// The highest sequence number in the log (0 when empty or absent).
    public static func lastSequence(in db: Database) throws -> Int64 {
        guard try isInstalled(in: db) else { return 0 }
        // sqlite_sequence keeps the high-water mark even when the log was trimmed to empty.
        let trimmedHigh = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'search_changes'") ?? 0
        let present = try Int64.fetchOne(db, sql: "SELECT max(seq) FROM search_changes") ?? 0
        return max(trimmedHigh, present)
    }

    /// Deletes the changes up to and including `sequence` (after they are committed to the index).
    @discardableResult
    public static func trim(upTo sequence: Int64, in db: Database) throws -> Int {
        try db.execute(sql: "DELETE FROM search_changes WHERE seq <= ?", arguments: [sequence])
        return db.changesCount
    }

    private static func dropTriggers(_ db: Database) throws {
        for name in try installedTriggers(in: db) { try db.execute(sql: "DROP TRIGGER \(name.quotedDatabaseIdentifier)") }
    }

    /// The three triggers of one watched table.
    static func triggers(for watched: SourceConfiguration.WatchedTable) -> [String] {
        let table = watched.table.quotedDatabaseIdentifier
        let column = watched.id.quotedDatabaseIdentifier
        let entity = "'" + watched.entity.replacingOccurrences(of: "'", with: "''") + "'"
        func name(_ op: String) -> String { (triggerPrefix + watched.table + "_" + op).quotedDatabaseIdentifier }
        func record(_ row: String, _ op: String) -> String {
            "INSERT INTO search_changes(entity, entity_id, op) SELECT \(entity), \(row).\(column), '\(op)' WHERE \(row).\(column) IS NOT NULL;"
        }
        return [
            "CREATE TRIGGER \(name("insert")) AFTER INSERT ON \(table) BEGIN \(record("NEW", "insert")) END",
            """
            CREATE TRIGGER \(name("update")) AFTER UPDATE ON \(table) BEGIN
              INSERT INTO search_changes(entity, entity_id, op) SELECT \(entity), OLD.\(column), 'delete'
                WHERE OLD.\(column) IS NOT NULL AND OLD.\(column) IS NOT NEW.\(column);
              \(record("NEW", "update"))
            END
            """,
            "CREATE TRIGGER \(name("delete")) AFTER DELETE ON \(table) BEGIN \(record("OLD", "delete")) END",
        ]
    }
}
