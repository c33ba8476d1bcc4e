import VaultStorage

/// A consistent, read-only view of an index: one LMDB read transaction. It never blocks the writer
/// and sees none of the writer's later commits. Not `Sendable`; close it (or let it go) when done.
public final class IndexSnapshot {
    /// The index this is a snapshot of.
    public let index: Index
    let transaction: ReadTransaction
    /// The settings in force in this snapshot.
    public let settings: IndexSettings
    /// The statistics as of this snapshot.
    public let statistics: IndexStatistics

    init(index: Index, transaction: ReadTransaction) throws {
        self.index = index
        self.transaction = transaction
        self.settings = try index.settings(in: transaction)
        self.statistics = try IndexStatistics.load(transaction, index.databases, settings: settings)
    }

    /// What this snapshot's stored records are checked against.
    var decodeBounds: DecodeBounds {
        DecodeBounds(fieldCount: settings.searchableFields.count, docCapacity: statistics.nextDocNumber)
    }

    /// Ends the snapshot early (it also ends when released).
    public func close() { transaction.abort() }

    /// The skip table of `term`, with block bounds for `scorer` and the weight `weight(df)`.
    func skipTable(_ term: String, scorer: BM25F? = nil, weight: (UInt32) -> Double = { _ in 0 }) throws(IndexError) -> SkipTable? {
        let key = Array(term.utf8)
        guard let raw = try IndexError.wrap({ try transaction.get(index.databases.terms, key: key) }) else { return nil }
        do { return try SkipTable(raw, limits: decodeBounds, scorer: scorer, weight: weight) } catch { throw error.at(index.databases.terms, key: key) }
    }

    /// The number of documents holding `term`, or nil when the dictionary lacks it (reads two varints,
    /// not the skip table).
    func documentFrequency(of term: String) throws(IndexError) -> UInt32? {
        let key = Array(term.utf8)
        guard let raw = try IndexError.wrap({ try transaction.get(index.databases.terms, key: key) }) else { return nil }
        do { return try TermInfo.documentFrequency(in: raw) } catch { throw error.at(index.databases.terms, key: key) }
    }

    func cursor(for skip: SkipTable) -> PostingsCursor {
        PostingsCursor(skip: skip, transaction: transaction, databases: index.databases, fieldMask: decodeBounds.fieldMask)
    }

    /// The document with external id `id`, if the index has it and `scope` may see it.
    public func document(id: String, scope: SearchScope) throws(IndexError) -> Document? {
        guard let number = try documentNumber(id: id), try isVisible(number, in: scope) else { return nil }
        return try storedDocument(number: number)
    }

    /// The doc number of external id `id`, if the index has it. An id no document can have (empty,
    /// or longer than ``Document/maximumIDLength``) is absent: LMDB refuses such keys outright
    /// (`MDB_BAD_VALSIZE`), and a lookup of one must not look like a storage failure.
    func documentNumber(id: String) throws(IndexError) -> UInt32? {
        guard !id.isEmpty, id.utf8.count <= Document.maximumIDLength else { return nil }
        return try IndexError.wrap {
            let key = Array(id.utf8)
            guard let number = try transaction.get(index.databases.ids, key: key) else { return nil }
            guard number.count == 4, case let doc = KeyCodec.decodeUInt32(number), doc < statistics.nextDocNumber else {
                throw IndexError.damaged(index.databases.ids, key: key, "not a doc number below \(statistics.nextDocNumber) (\(number.count) bytes)")
            }
            return doc
        }
    }

    /// Whether the index stores exactly `document` (same id, same fields), compared as encoded bytes
    /// without decoding: the ingestion path's check for upserts that change nothing.
    public func storesExactly(_ document: Document) throws(IndexError) -> Bool {
        guard let number = try documentNumber(id: document.id) else { return false }
        return try IndexError.wrap {
            guard let raw = try transaction.get(index.databases.docs, key: KeyCodec.encode(number)) else { return false }
            let encoded = StoredDocumentCodec.encode(document)
            return encoded.count == raw.count && encoded.withUnsafeBytes { $0.elementsEqual(raw) }
        }
    }

    /// The stored document with external id `id`, whatever its visibility (the writer's own reads).
    func storedDocument(id: String) throws(IndexError) -> Document? {
        guard let number = try documentNumber(id: id) else { return nil }
        return try storedDocument(number: number)
    }

    /// The document stored under an internal doc number, if `scope` may see it.
    public func document(number: UInt32, scope: SearchScope) throws(IndexError) -> Document? {
        guard try isVisible(number, in: scope) else { return nil }
        return try storedDocument(number: number)
    }

    /// The document stored under an internal doc number, whatever its visibility.
    func storedDocument(number: UInt32) throws(IndexError) -> Document? {
        try IndexError.wrap {
            let key = KeyCodec.encode(number)
            guard let raw = try transaction.get(index.databases.docs, key: key) else { return nil }
            do { return try StoredDocumentCodec.decode(raw) } catch { throw error.at(index.databases.docs, key: key) }
        }
    }

    /// The external id of an internal doc number.
    func externalID(number: UInt32) throws(IndexError) -> String {
        try IndexError.wrap {
            let key = KeyCodec.encode(number)
            guard let raw = try transaction.get(index.databases.docs, key: key) else {
                throw IndexError.damaged(index.databases.docs, key: key, "document \(number) is in the postings but not stored")
            }
            do { return try StoredDocumentCodec.decodeID(raw) } catch { throw error.at(index.databases.docs, key: key) }
        }
    }
}

extension IndexSnapshot {
    /// The document with external id `id` if `scope` may see it and it passes `filter` (nil: any);
    /// for fetching one document under a filter a caller must not get around (a tenant token's).
    public func document(id: String, scope: SearchScope, passing filter: FilterExpression?) throws(IndexError) -> Document? {
        guard let filter else { return try document(id: id, scope: scope) }
        guard let number = try documentNumber(id: id), try isVisible(number, in: scope) else { return nil }
        guard let allowed = try allowedDocuments(visible: nil, filter: filter), allowed.contains(number) else { return nil }
        return try storedDocument(number: number)
    }
}
