import VaultStorage

/// What the layers above the engine (VaultTrending) may use of an index: named databases of their
/// own in the index's LMDB environment, written in the same transactions as the index (through
/// ``IndexWriter/apply(_:commitMetadata:)``, or ``writeLayerState(_:)`` for a layer's own loads),
/// and read through a snapshot's transaction, so their state and the documents commit together.
extension Index {
    /// Opens the named database of a layer (names start with the layer's prefix, such as
    /// `trending.`), creating it when `create` is true and the index is writable.
    ///
    /// Open every database of a layer once, before concurrent use (LMDB's rule for `mdb_dbi_open`).
    /// - Throws: ``IndexError/storage(_:)`` wrapping `databaseNotFound` when it is absent.
    public func layerDatabase(_ name: String, create: Bool) throws(IndexError) -> Database {
        try IndexError.wrap { try environment.database(name, create: create) }
    }

    /// Runs `body` in a write transaction of its own: commits when it returns, aborts when it throws.
    /// For a layer's state alone (the initial load after a rebuild); batches of documents go through
    /// ``IndexWriter/apply(_:commitMetadata:)``, whose closure gets the batch's transaction.
    public func writeLayerState<R>(_ body: (WriteTransaction) throws -> R) throws(IndexError) -> R {
        try IndexError.wrap { try environment.write(body) }
    }
}

extension IndexSnapshot {
    /// The snapshot's read transaction, for a layer's own databases (it dies with the snapshot).
    public var layerTransaction: Transaction { transaction }

    /// Which committed state this snapshot reads (LMDB's transaction id): equal generations of one
    /// index hold the same data, so a result computed on one holds for the other (response caches).
    public var generation: UInt64 { transaction.snapshotID }

    /// The doc numbers `scope` may see, intersected with `filter`'s; nil when that is every live
    /// document (no visibility settings and no filter).
    /// - Throws: ``IndexError/invalidFilter(_:)`` for a filter that cannot run on these settings.
    public func visibleDocuments(scope: SearchScope, filter: FilterExpression?) throws(IndexError) -> DocSet? {
        try allowedDocuments(scope: scope, filter: filter)
    }

    /// The doc number of external id `id`, if the index holds it.
    public func documentNumber(of id: String) throws(IndexError) -> UInt32? { try documentNumber(id: id) }

    /// The normalized (lowercased) values of a facetable or filterable string field that some live
    /// document has, in byte order: for a layer that maps a name to a filter (a category's path).
    public func facetValues(of field: String) throws(IndexError) -> [String] {
        var values: [String] = []
        try forEachFacetValue(field: field) { value, entry in
            if entry.count > 0 { values.append(value) }
            return true
        }
        return values
    }
}

extension IndexSnapshot {
    /// The external id of an internal doc number (from ``visibleDocuments(scope:filter:)``).
    /// - Throws: ``IndexError/corrupt(_:)`` when no document has that number.
    public func documentID(number: UInt32) throws(IndexError) -> String { try externalID(number: number) }
}
