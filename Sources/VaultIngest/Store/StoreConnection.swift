import Foundation
import GRDB

/// Opening the primary store: one SQLite connection (a `DatabaseQueue`) with a busy timeout, so a
/// store written by another process (in WAL or rollback-journal mode) only makes us wait, never fail.
public enum StoreConnection {
    /// Opens the database at `path` (which must exist unless `create`).
    /// - Throws: ``StoreError/badConfiguration(file:message:)`` naming the file when it is absent or
    ///   not a readable SQLite database. Missing tables and columns are found later, by
    ///   ``SourceConfiguration/check(_:)``.
    public static func open(_ path: String, create: Bool = false, readOnly: Bool = false) throws -> DatabaseQueue {
        if !create && !FileManager.default.fileExists(atPath: path) {
            throw StoreError.badConfiguration(file: path, message: "no such database file")
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.readonly = readOnly
        configuration.label = "store"
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            _ = try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") }
            return queue
        } catch let error as DatabaseError {
            throw StoreError.badConfiguration(file: path, message: "not a readable SQLite database: \(error.message ?? "\(error)")")
        }
    }

    /// Creates a new database at `path` in WAL mode (the mode the tailer expects writers to use).
    public static func create(_ path: String) throws -> DatabaseQueue {
        let queue = try open(path, create: true)
        try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = WAL") }
        return queue
    }
}
