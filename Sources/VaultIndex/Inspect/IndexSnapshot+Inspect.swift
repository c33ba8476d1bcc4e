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
