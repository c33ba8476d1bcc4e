import VaultStorage

/// Rebuilds every column from the stored documents, inside one write transaction: what a change of
/// attributes or visibility needs (Meilisearch re-indexes on such a settings change; here only the
/// columns are derived again — postings, positions and the term dictionary are untouched).
enum ColumnRebuild {
    /// Documents per flush: bounds the memory of the pending column changes.
    static let chunk = 20_000

    static func run(_ txn: WriteTransaction, _ db: IndexDatabases, settings: IndexSettings) throws {
        for database in db.columnDatabases { try txn.clear(database) }
        _ = try txn.delete(db.meta, key: ColumnKeys.metaKey)
        let schema = ColumnSchema(settings: settings)
        var batch = ColumnBatch()
        var pending = 0
        var next: [UInt8]? = []
        while let start = next {
            // Re-seek after each flush: a write may move the cursor's pages.
            let cursor = try txn.cursor(db.docs)
            var entry = start.isEmpty ? try cursor.first() : try cursor.seek(atLeast: start)
            next = nil
            while let (key, value) = entry {
                guard key.count == 4 else { throw IndexError.damaged(db.docs, key: key, "a doc number of \(key.count) bytes") }
                let doc = KeyCodec.decodeUInt32(key)
                let document: Document
                do { document = try StoredDocumentCodec.decode(value) } catch { throw error.at(db.docs, key: Array(key)) }
                batch.change(doc: doc, from: nil, to: ColumnValues(document: document, schema: schema))
                pending += 1
                entry = try cursor.next()
                if pending == chunk, let (following, _) = entry {
                    next = Array(following)
                    break
                }
            }
            try batch.flush(txn, db)
            batch = ColumnBatch()
            pending = 0
        }
    }
}
