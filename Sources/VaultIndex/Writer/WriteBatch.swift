import VaultStorage

/// The state of one write transaction: documents removed and added so far, and per touched term its
/// dictionary entry, the postings to append and the docs to remove. ``finish()`` writes each touched
/// term's blocks once.
struct WriteBatch {
    let txn: WriteTransaction
    let db: IndexDatabases
    var statistics: IndexStatistics
    let settings: IndexSettings
    let schema: ColumnSchema
    /// Column changes, written by ``finish()``.
    var columns = ColumnBatch()

    struct TermState {
        var term: String
        var info: TermInfo
        /// The document frequency before this batch (0 for a new term), for the prefix table.
        var originalDocumentFrequency: UInt32
        var appended = PostingsChunk()
        var removed: Set<UInt32> = []
    }
    private var termIDsByString: [String: UInt32] = [:]
    var states: [UInt32: TermState] = [:]

    init(transaction: WriteTransaction, databases: IndexDatabases, settings: IndexSettings, schema: ColumnSchema? = nil) throws {
        self.txn = transaction
        self.db = databases
        self.settings = settings
        self.schema = schema ?? ColumnSchema(settings: settings)
        statistics = try IndexStatistics.load(transaction, databases, settings: settings)
    }

    /// What stored records are checked against while this batch reads them.
    private var bounds: DecodeBounds {
        DecodeBounds(fieldCount: settings.searchableFields.count, docCapacity: statistics.nextDocNumber)
    }

    /// Removes the document with external id `id`, if there is one; returns whether there was.
    mutating func remove(id: String) throws -> Bool {
        let idKey = Array(id.utf8)
        guard let (docKey, doc) = try documentKey(id: idKey) else { return false }
        guard let raw = try txn.get(db.docTerms, key: docKey) else {
            throw IndexError.damaged(db.docTerms, key: docKey, "document \(doc) ('\(id)') has no forward index")
        }
        let forward: ForwardIndex
        do { forward = try ForwardIndex.decode(raw, fieldCount: statistics.fieldLengthTotals.count) } catch { throw error.at(db.docTerms, key: docKey) }
        for (field, length) in forward.fieldLengths.enumerated() {
            let (left, underflow) = statistics.fieldLengthTotals[field].subtractingReportingOverflow(UInt64(length))
            guard !underflow else { throw IndexError.damaged(db.docTerms, key: docKey, "field \(field) is longer than the statistics' total") }
            statistics.fieldLengthTotals[field] = left
        }
        for termID in forward.termIDs {
            try loadState(forID: termID)
            guard states[termID] != nil else {
                throw IndexError.damaged(db.termIDs, key: KeyCodec.encode(termID), "the term's dictionary entry has another term id")
            }
            states[termID]?.removed.insert(doc)
        }
        guard let stored = try txn.get(db.docs, key: docKey) else { throw IndexError.damaged(db.docs, key: docKey, "document \(doc) is not stored") }
        let document: Document
        do { document = try StoredDocumentCodec.decode(stored) } catch { throw error.at(db.docs, key: docKey) }
        columns.change(doc: doc, from: ColumnValues(document: document, schema: schema), to: nil)
        try txn.delete(db.docTerms, key: docKey)
        try txn.delete(db.docs, key: docKey)
        try txn.delete(db.ids, key: idKey)
        guard statistics.documentCount > 0 else { throw IndexError.damaged(db.meta, key: MetaKey.statistics, "the document count is 0 while a document is stored") }
        statistics.documentCount -= 1
        return true
    }

    /// The `docs` key and the doc number that `ids` maps the external id `idKey` to, nil when it maps none.
    private func documentKey(id idKey: [UInt8]) throws -> (key: [UInt8], doc: UInt32)? {
        guard let raw = try txn.get(db.ids, key: idKey) else { return nil }
        guard raw.count == 4, case let doc = KeyCodec.decodeUInt32(raw), doc < statistics.nextDocNumber else {
            throw IndexError.damaged(db.ids, key: idKey, "not a doc number below \(statistics.nextDocNumber) (\(raw.count) bytes)")
        }
        return (Array(raw), doc)
    }

    /// Adds `document` (whose id must not be in the index) under a new doc number.
    mutating func add(_ document: Document, analysis: AnalyzedDocument) throws {
        let doc = statistics.nextDocNumber
        guard doc < UInt32.max - 1 else { throw IndexError.invalidDocument("the index ran out of document numbers") }
        statistics.nextDocNumber += 1
        statistics.documentCount += 1
        var termIDs: [UInt32] = []
        termIDs.reserveCapacity(analysis.terms.count)
        for (term, fields) in analysis.terms {
            let id = try termID(for: term)
            termIDs.append(id)
            states[id]!.appended.append(
                doc: doc, fields: fields.map { ($0.field, analysis.fieldLengths[$0.field], $0.positions) })
        }
        termIDs.sort()
        for (field, length) in analysis.fieldLengths.enumerated() { statistics.fieldLengthTotals[field] += UInt64(length) }
        let docKey = KeyCodec.encode(doc)
        try txn.put(db.docTerms, key: docKey, value: ForwardIndex(fieldLengths: analysis.fieldLengths, termIDs: termIDs).encoded())
        try txn.put(db.docs, key: docKey, value: StoredDocumentCodec.encode(document))
        try txn.put(db.ids, key: Array(document.id.utf8), value: docKey)
        columns.change(doc: doc, from: nil, to: ColumnValues(document: document, schema: schema))
    }

    /// Replaces the stored document with id `document.id` in place — same doc number, postings and
    /// positions untouched — when its searchable text is unchanged (a counter, a flag, a category
    /// move): only the stored fields and the columns change. Returns false (changing nothing) when
    /// the index has no such document or its text differs; the caller then replaces it in full.
    mutating func replaceInPlace(_ document: Document) throws -> Bool {
        guard let (docKey, doc) = try documentKey(id: Array(document.id.utf8)) else { return false }
        guard let stored = try txn.get(db.docs, key: docKey) else { throw IndexError.damaged(db.docs, key: docKey, "document \(doc) is not stored") }
        let old: Document
        do { old = try StoredDocumentCodec.decode(stored) } catch { throw error.at(db.docs, key: docKey) }
        guard settings.hasSameSearchableText(old, document) else { return false }
        let (before, after) = ColumnValues.changed(from: old, to: document, schema: schema)
        columns.change(doc: doc, from: before, to: after)
        try txn.put(db.docs, key: docKey, value: StoredDocumentCodec.encode(document))
        return true
    }

    private mutating func termID(for term: String) throws -> UInt32 {
        if let id = termIDsByString[term] { return id }
        let info: TermInfo
        let key = Array(term.utf8)
        if let raw = try txn.get(db.terms, key: key) {
            do { info = try TermInfo.decode(raw, bounds: bounds) } catch { throw error.at(db.terms, key: key) }
            guard info.termID < statistics.nextTermID else { throw IndexError.damaged(db.terms, key: key, "term id \(info.termID) was never handed out") }
        } else {
            guard statistics.nextTermID < UInt32.max else { throw IndexError.invalidDocument("the index ran out of term ids") }
            info = TermInfo(termID: statistics.nextTermID, documentFrequency: 0, nextBlockID: 0, blocks: [])
            statistics.nextTermID += 1
            try txn.put(db.termIDs, key: KeyCodec.encode(info.termID), value: Array(term.utf8))
        }
        termIDsByString[term] = info.termID
        if states[info.termID] == nil { states[info.termID] = TermState(term: term, info: info, originalDocumentFrequency: info.documentFrequency) }
        return info.termID
    }

    private mutating func loadState(forID id: UInt32) throws {
        if states[id] != nil { return }
        guard let raw = try txn.getBytes(db.termIDs, key: KeyCodec.encode(id)) else {
            throw IndexError.damaged(db.termIDs, key: KeyCodec.encode(id), "a forward index names term id \(id), which is unknown")
        }
        _ = try termID(for: String(decoding: raw, as: UTF8.self))
    }
}
