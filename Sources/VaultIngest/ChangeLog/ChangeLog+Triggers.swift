import Foundation
import GRDB

/// One thing the triggers record: changes of `table`, written as `entity` with the row's `id` column.
struct RecordedWatch: Hashable, Comparable, Codable, Sendable {
    var table: String
    var entity: String
    var id: String

    init(table: String, entity: String, id: String) {
        self.table = table
        self.entity = entity
        self.id = id
    }

    init(_ watched: SourceConfiguration.WatchedTable) {
        self.init(table: watched.table, entity: watched.entity, id: watched.id)
    }

    static func < (a: Self, b: Self) -> Bool { (a.table, a.entity, a.id) < (b.table, b.entity, b.id) }
}

extension ChangeLog {
    /// The three triggers of one table, recording every watch of it (sorted, so the SQL is stable).
    static func triggers(table: String, watches: [RecordedWatch]) -> [String] {
        let quotedTable = table.quotedDatabaseIdentifier
        func name(_ op: String) -> String { (triggerPrefix + table + "_" + op).quotedDatabaseIdentifier }
        func entity(_ watch: RecordedWatch) -> String { "'" + watch.entity.replacingOccurrences(of: "'", with: "''") + "'" }
        func record(_ row: String, _ op: String, _ watch: RecordedWatch) -> String {
            let column = watch.id.quotedDatabaseIdentifier
            return "INSERT INTO search_changes(entity, entity_id, op) SELECT \(entity(watch)), \(row).\(column), '\(op)' WHERE \(row).\(column) IS NOT NULL;"
        }
        let inserts = watches.map { record("NEW", "insert", $0) }.joined(separator: "\n  ")
        let updates = watches.map { watch -> String in
            let column = watch.id.quotedDatabaseIdentifier
            return """
                INSERT INTO search_changes(entity, entity_id, op) SELECT \(entity(watch)), OLD.\(column), 'delete'
                    WHERE OLD.\(column) IS NOT NULL AND OLD.\(column) IS NOT NEW.\(column);
                  \(record("NEW", "update", watch))
                """
        }.joined(separator: "\n  ")
        let deletes = watches.map { record("OLD", "delete", $0) }.joined(separator: "\n  ")
        return [
            "CREATE TRIGGER \(name("insert")) AFTER INSERT ON \(quotedTable) BEGIN\n  \(inserts)\nEND",
            "CREATE TRIGGER \(name("update")) AFTER UPDATE ON \(quotedTable) BEGIN\n  \(updates)\nEND",
            "CREATE TRIGGER \(name("delete")) AFTER DELETE ON \(quotedTable) BEGIN\n  \(deletes)\nEND",
        ]
    }

    /// What the installed insert triggers record, read back from their SQL (the ground truth, also for
    /// triggers installed before ``sourcesTable`` existed).
    static func installedWatches(in db: Database) throws -> Set<RecordedWatch> {
        let rows = try Row.fetchAll(
            db, sql: "SELECT tbl_name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'search\\_changes\\_%\\_insert' ESCAPE '\\'")
        // `SELECT 'entity', NEW."column", 'insert'` as ``triggers(table:watches:)`` writes it.
        let pattern = try NSRegularExpression(pattern: #"SELECT '((?:[^']|'')*)', NEW\."((?:[^"]|"")*)", 'insert'"#)
        var out = Set<RecordedWatch>()
        for row in rows {
            let table: String = row["tbl_name"]
            let sql: String = row["sql"]
            let range = NSRange(sql.startIndex..., in: sql)
            for match in pattern.matches(in: sql, range: range) {
                guard let entity = Range(match.range(at: 1), in: sql), let column = Range(match.range(at: 2), in: sql) else { continue }
                out.insert(RecordedWatch(
                    table: table, entity: sql[entity].replacingOccurrences(of: "''", with: "'"),
                    id: sql[column].replacingOccurrences(of: "\"\"", with: "\"")))
            }
        }
        return out
    }
}
