import VaultStorage

/// The write side of the `prefixes` database (see ``PrefixTermList``): the keys a term contributes
/// to and the per-batch update from the terms whose document frequency changed.
enum PrefixTable {
    /// The keys of `term`'s prefixes of 1, 2 and 3 scalars (fewer for a shorter term), as UTF-8.
    static func prefixKeys(of term: [UInt8]) -> [[UInt8]] {
        var keys: [[UInt8]] = []
        var end = 0
        term.withUnsafeBytes { bytes in
            while end < bytes.count && keys.count < PrefixTermList.maximumPrefixScalars {
                end += UTF8Scalar.decode(bytes, at: end).length
                keys.append(Array(term[0..<end]))
            }
        }
        return keys
    }

    /// Applies the net document frequency changes of one batch (`term` → its df after the batch,
    /// 0 when it left the dictionary) to every affected prefix list, refilling a list from the
    /// `terms` database (already written by this batch) when it fell below the guaranteed count.
    static func apply(
        changes: [(term: [UInt8], documentFrequency: UInt32)], transaction txn: WriteTransaction, databases db: IndexDatabases
    ) throws {
        guard !changes.isEmpty else { return }
        var byPrefix: [[UInt8]: [(term: [UInt8], documentFrequency: UInt32)]] = [:]
        for change in changes {
            for key in prefixKeys(of: change.term) { byPrefix[key, default: []].append(change) }
        }
        for key in byPrefix.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            var list = PrefixTermList()
            if let raw = try txn.get(db.prefixes, key: key) {
                do { list = try PrefixTermList.decode(raw) } catch { throw error.at(db.prefixes, key: key) }
            }
            for change in (byPrefix[key] ?? []).sorted(by: { $0.term.lexicographicallyPrecedes($1.term) }) {
                list.update(term: change.term, documentFrequency: change.documentFrequency)
            }
            if list.needsRefill { list.rebuild(from: try terms(withPrefix: key, in: txn, databases: db)) }
            if list.entries.isEmpty && list.isComplete {
                try txn.delete(db.prefixes, key: key)
            } else {
                try txn.put(db.prefixes, key: key, value: list.encoded())
            }
        }
    }

    /// Every term starting with `prefix` and its document frequency: a range scan of `terms`.
    static func terms(withPrefix prefix: [UInt8], in txn: Transaction, databases db: IndexDatabases) throws
        -> [PrefixTermList.Entry]
    {
        var found: [PrefixTermList.Entry] = []
        let cursor = try txn.cursor(db.terms)
        var entry = try cursor.seek(atLeast: prefix)
        while let (key, value) = entry, key.starts(with: prefix) {
            let df: UInt32
            do { df = try TermInfo.documentFrequency(in: value) } catch { throw error.at(db.terms, key: Array(key)) }
            found.append(PrefixTermList.Entry(term: Array(key), documentFrequency: df))
            entry = try cursor.next()
        }
        return found
    }
}
