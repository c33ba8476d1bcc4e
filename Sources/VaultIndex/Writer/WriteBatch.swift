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
        guard let raw = try transaction.get(databases.meta, key: MetaKey.statistics) else {
            throw IndexError.corrupt("statistics are missing")
        }
        statistics = try IndexStatistics.decode(raw)
        guard statistics.fieldLengthTotals.count == settings.searchableFields.count else {
            throw IndexError.corrupt("statistics do not match the searchable fields")
        }
    }

    /// Removes the document with external id `id`, if there is one; returns whether there was.
    mutating func remove(id: String) throws -> Bool {
        let idKey = Array(id.utf8)
        guard let raw = try txn.get(db.ids, key: idKey), raw.count == 4 else { return false }
        let docKey = Array(raw)
        let doc = KeyCodec.decodeUInt32(raw)
        guard let forward = try txn.get(db.docTerms, key: docKey) else {
            throw IndexError.corrupt("document \(doc) has no forward index")
        }
        var reader = ByteReader(forward)
        let fieldCount = Int(reader.varint())
        for field in 0..<fieldCount where field < statistics.fieldLengthTotals.count {
            statistics.fieldLengthTotals[field] -= UInt64(reader.varint())
        }
        let termCount = Int(reader.varint())
        var termID: UInt32 = 0
        for _ in 0..<min(termCount, forward.count) {
            termID &+= reader.varint()
            try loadState(forID: termID)
            states[termID]!.removed.insert(doc)
        }
        if reader.failed { throw IndexError.corrupt("forward index of document \(doc)") }
        guard let stored = try txn.get(db.docs, key: docKey) else { throw IndexError.corrupt("document \(doc) is not stored") }
        columns.change(doc: doc, from: ColumnValues(document: try StoredDocumentCodec.decode(stored), schema: schema), to: nil)
        try txn.delete(db.docTerms, key: docKey)
        try txn.delete(db.docs, key: docKey)
        try txn.delete(db.ids, key: idKey)
        statistics.documentCount -= 1
        return true
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
        var forward = ByteWriter(capacity: termIDs.count * 2 + 8)
        forward.varint(analysis.fieldLengths.count)
        for (field, length) in analysis.fieldLengths.enumerated() {
            forward.varint(length)
            statistics.fieldLengthTotals[field] += UInt64(length)
        }
        forward.varint(termIDs.count)
        var previous: UInt32 = 0
        for id in termIDs {
            forward.varint(id - previous)
            previous = id
        }
        let docKey = KeyCodec.encode(doc)
        try txn.put(db.docTerms, key: docKey, value: forward.bytes)
        try txn.put(db.docs, key: docKey, value: StoredDocumentCodec.encode(document))
        try txn.put(db.ids, key: Array(document.id.utf8), value: docKey)
        columns.change(doc: doc, from: nil, to: ColumnValues(document: document, schema: schema))
    }

    /// Replaces the stored document with id `document.id` in place — same doc number, postings and
    /// positions untouched — when its searchable text is unchanged (a counter, a flag, a category
    /// move): only the stored fields and the columns change. Returns false (changing nothing) when
    /// the index has no such document or its text differs; the caller then replaces it in full.
    mutating func replaceInPlace(_ document: Document) throws -> Bool {
        guard let raw = try txn.get(db.ids, key: Array(document.id.utf8)), raw.count == 4 else { return false }
        let docKey = Array(raw)
        let doc = KeyCodec.decodeUInt32(raw)
        guard let stored = try txn.get(db.docs, key: docKey) else { throw IndexError.corrupt("document \(doc) is not stored") }
        let old = try StoredDocumentCodec.decode(stored)
        guard settings.hasSameSearchableText(old, document) else { return false }
        let (before, after) = ColumnValues.changed(from: old, to: document, schema: schema)
        columns.change(doc: doc, from: before, to: after)
        try txn.put(db.docs, key: docKey, value: StoredDocumentCodec.encode(document))
        return true
    }

    private mutating func termID(for term: String) throws -> UInt32 {
        if let id = termIDsByString[term] { return id }
        let info: TermInfo
        if let raw = try txn.get(db.terms, key: Array(term.utf8)) {
            info = try TermInfo.decode(raw)
        } else {
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
            throw IndexError.corrupt("term id \(id) is unknown")
        }
        _ = try termID(for: String(decoding: raw, as: UTF8.self))
    }
}
