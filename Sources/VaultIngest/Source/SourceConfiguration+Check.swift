import GRDB

extension SourceConfiguration {
    /// Checks the configuration against a database before anything is read: every watched table and
    /// id column exists, and every SQL text prepares and returns the columns the fields need.
    /// - Throws: ``StoreError/missingTable(_:)``, ``StoreError/missingColumn(table:column:)`` or
    ///   ``StoreError/badSQL(key:message:)``, naming the first problem.
    public func check(_ db: Database) throws {
        try requireColumn(root.table, root.id, db)
        for watched in watch { try requireColumn(watched.table, watched.id, db) }
        let statement: Statement
        do { statement = try db.makeStatement(sql: documents) } catch let error as DatabaseError {
            throw StoreError.badSQL(key: "documents", message: error.message ?? "\(error)")
        }
        let columns = Set(statement.columnNames)
        if !columns.contains("id") { throw StoreError.badSQL(key: "documents", message: "it returns no column 'id'") }
        for field in fields where !columns.contains(field.column) {
            throw StoreError.badSQL(key: "documents", message: "it returns no column '\(field.column)' (field '\(field.name)')")
        }
        for (i, watched) in watch.enumerated() {
            guard let affects = watched.affects else { continue }
            do { _ = try db.makeStatement(sql: affects) } catch let error as DatabaseError {
                throw StoreError.badSQL(key: "watch[\(i)].affects (table '\(watched.table)')", message: error.message ?? "\(error)")
            }
        }
    }

    private func requireColumn(_ table: String, _ column: String, _ db: Database) throws {
        guard try db.tableExists(table) else { throw StoreError.missingTable(table) }
        // Every table without WITHOUT ROWID has a rowid (bookmarks are recorded by theirs).
        if column.lowercased() == "rowid" { return }
        let names = try db.columns(in: table).map { $0.name.lowercased() }
        if !names.contains(column.lowercased()) { throw StoreError.missingColumn(table: table, column: column) }
    }
}
