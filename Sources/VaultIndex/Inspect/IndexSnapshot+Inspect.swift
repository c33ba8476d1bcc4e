import VaultStorage

extension IndexSnapshot {
    /// Size facts of the index.
    public func report() throws(IndexError) -> IndexReport {
        try IndexError.wrap {
            let names = settings.searchableFields.map(\.name)
            return IndexReport(
                documentCount: Int(statistics.documentCount),
                termCount: try transaction.count(index.databases.terms),
                blockCount: try transaction.count(index.databases.postings),
                averageFieldLengths: Dictionary(uniqueKeysWithValues: zip(names, statistics.averageFieldLengths)),
                usedBytes: try index.environment.info().usedBytes,
                formatVersion: FormatVersion.current)
        }
    }

    /// The dictionary entry and first `limit` postings of the term that `word` analyzes to (the
    /// word is taken as already analyzed when `analyzed` is true).
    public func termReport(_ term: String, limit: Int = 20) throws(IndexError) -> TermReport? {
        guard let skip = try skipTable(term) else { return nil }
        let cursor = cursor(for: skip)
        var postings: [TermReport.Posting] = []
        let names = settings.searchableFields.map(\.name)
        while cursor.doc != PostingsCursor.exhausted && postings.count < limit {
            var fields: [String: (UInt32, UInt32)] = [:]
            cursor.forEachField { field, tf, length in fields[names[field]] = (tf, length) }
            postings.append(TermReport.Posting(id: try externalID(number: cursor.doc), documentNumber: cursor.doc, fields: fields))
            cursor.next()
        }
        if let problem = cursor.corruption { throw .corrupt(problem) }
        return TermReport(
            term: term, termID: skip.termID, documentFrequency: skip.documentFrequency, blockCount: skip.count,
            postings: postings)
    }

    /// Walks every database and cross-checks them; returns the problems found (empty when consistent).
    ///
    /// Checks: every stored document has its id mapping and forward index; every term's blocks decode,
    /// hold ascending live docs, agree with the skip table (last doc, count, bounds) and sum to the
    /// document frequency; the forward index names each term exactly `df` times; the statistics
    /// match the stored documents; the prefix table holds each prefix's top terms (``PrefixTableCheck``);
    /// the columns hold exactly what the stored documents imply (``ColumnCheck``).
    /// O(index size).
    public func check() throws(IndexError) -> [String] {
        try IndexError.wrap {
            var checker = IndexChecker(snapshot: self)
            return try checker.run()
        }
    }
}

/// The consistency check behind ``IndexSnapshot/check()``.
private struct IndexChecker {
    let snapshot: IndexSnapshot
    var problems: [String] = []

    init(snapshot: IndexSnapshot) { self.snapshot = snapshot }

    private mutating func problem(_ text: String) {
        if problems.count < 100 { problems.append(text) }
    }

    mutating func run() throws -> [String] {
        let txn = snapshot.transaction
        let db = snapshot.index.databases
        var liveDocs = Set<UInt32>()
        var forwardCounts: [UInt32: UInt32] = [:]
        var totals = [UInt64](repeating: 0, count: snapshot.settings.searchableFields.count)
        let docs = try txn.cursor(db.docs)
        var entry = try docs.first()
        while let (key, value) = entry {
            let doc = KeyCodec.decodeUInt32(key)
            liveDocs.insert(doc)
            let id = StoredDocumentCodec.decodeID(value)
            if let mapped = try txn.get(db.ids, key: Array(id.utf8)) {
                if KeyCodec.decodeUInt32(mapped) != doc { problem("id '\(id)' maps to another doc than \(doc)") }
            } else {
                problem("document \(doc) ('\(id)') has no id mapping")
            }
            if let forward = try txn.get(db.docTerms, key: KeyCodec.encode(doc)) {
                var reader = ByteReader(forward)
                let fields = Int(reader.varint())
                for field in 0..<fields {
                    let length = UInt64(reader.varint())
                    if field < totals.count { totals[field] += length }
                }
                var term: UInt32 = 0
                for _ in 0..<Int(reader.varint()) {
                    term &+= reader.varint()
                    forwardCounts[term, default: 0] += 1
                }
                if reader.failed { problem("forward index of document \(doc) is damaged") }
            } else {
                problem("document \(doc) has no forward index")
            }
            entry = try docs.next()
        }
        if try txn.count(db.ids) != liveDocs.count { problem("\(try txn.count(db.ids)) ids but \(liveDocs.count) documents") }
        if snapshot.statistics.documentCount != liveDocs.count {
            problem("statistics count \(snapshot.statistics.documentCount) documents, \(liveDocs.count) are stored")
        }
        if snapshot.statistics.fieldLengthTotals != totals { problem("field length totals differ from the stored documents") }

        let terms = try txn.cursor(db.terms)
        entry = try terms.first()
        while let (key, value) = entry {
            let term = String(decoding: key, as: UTF8.self)
            let info = try TermInfo.decode(value)
            if let back = try txn.getBytes(db.termIDs, key: KeyCodec.encode(info.termID)), back == Array(key) {} else {
                problem("term '\(term)': term id \(info.termID) does not map back")
            }
            var total: UInt32 = 0
            var previousDoc: UInt32 = 0
            for summary in info.blocks {
                let blockKey = IndexDatabases.blockKey(term: info.termID, block: summary.block)
                guard let postings = try txn.get(db.postings, key: blockKey) else {
                    problem("term '\(term)': block \(summary.block) is missing")
                    continue
                }
                let chunk = try BlockCodec.decode(postings: postings, positions: try txn.get(db.positions, key: blockKey))
                if chunk.summary(block: summary.block) != summary { problem("term '\(term)': skip entry of block \(summary.block) is stale") }
                for doc in chunk.docs {
                    if doc <= previousDoc { problem("term '\(term)': doc \(doc) out of order") }
                    if !liveDocs.contains(doc) { problem("term '\(term)': posting for deleted doc \(doc)") }
                    previousDoc = doc
                }
                total += UInt32(chunk.count)
            }
            if total != info.documentFrequency { problem("term '\(term)': df \(info.documentFrequency) but \(total) postings") }
            if forwardCounts[info.termID] != total {
                problem("term '\(term)': \(total) postings but \(forwardCounts[info.termID] ?? 0) forward entries")
            }
            forwardCounts[info.termID] = nil
            entry = try terms.next()
        }
        if !forwardCounts.isEmpty { problem("\(forwardCounts.count) term ids in the forward index have no dictionary entry") }
        for text in try PrefixTableCheck(transaction: txn, databases: db).run(limit: 100) { problem(text) }
        for text in try ColumnCheck(snapshot: snapshot).run(limit: 100) { problem(text) }
        return problems
    }
}

extension IndexSnapshot {
    /// Decodes every posting of `term` (doc numbers and frequencies): how many documents and the
    /// total term frequency. A full pass over the term's blocks, for `inspect` and the postings
    /// decoding benchmark; nil when the term is not in the index.
    public func walkPostings(of term: String) throws(IndexError) -> (documents: Int, totalTermFrequency: UInt64)? {
        guard let skip = try skipTable(term) else { return nil }
        let cursor = cursor(for: skip)
        var documents = 0
        var total: UInt64 = 0
        while cursor.doc != PostingsCursor.exhausted {
            documents += 1
            cursor.forEachField { _, tf, _ in total += UInt64(tf) }
            cursor.next()
        }
        if let problem = cursor.corruption { throw .corrupt(problem) }
        return (documents, total)
    }
}
