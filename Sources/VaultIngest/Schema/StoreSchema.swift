import GRDB

/// A store schema defined by versioned SQL migrations; the migrator and `migrate` come from the list.
public protocol StoreSchema {
    /// The migrations in order: (identifier, SQL).
    static var migrations: [(identifier: String, sql: String)] { get }
}

extension StoreSchema {
    /// The migrator (GRDB's `DatabaseMigrator`), one migration per entry of ``migrations``.
    public static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for migration in migrations {
            migrator.registerMigration(migration.identifier) { db in try db.execute(sql: migration.sql) }
        }
        return migrator
    }

    /// Creates (or brings up to date) the schema in `writer`.
    public static func migrate(_ writer: some DatabaseWriter) throws {
        try migrator.migrate(writer)
    }
}
