import VaultStorage

/// The prefix table part of ``IndexSnapshot/check()``: every list in `prefixes` is the exact top of
/// its prefix's terms by document frequency (all of them when marked complete, at least
/// ``PrefixTermList/guaranteedCount`` otherwise), and every 1–3 scalar prefix of a term has a list.
/// O(3 × terms): a range scan of `terms` per list, then one pass over `terms`.
struct PrefixTableCheck {
    let transaction: Transaction
    let databases: IndexDatabases

    /// The problems found, at most `limit`.
    func run(limit: Int) throws -> [String] {
        var problems: [String] = []
        func problem(_ text: String) { if problems.count < limit { problems.append(text) } }
        var listed = Set<[UInt8]>()
        let lists = try transaction.cursor(databases.prefixes)
        var entry = try lists.first()
        while let (rawKey, value) = entry {
            let key = Array(rawKey)
            let name = String(decoding: key, as: UTF8.self)
            listed.insert(key)
            entry = try lists.next()
            let list: PrefixTermList
            do { list = try PrefixTermList.decode(value) } catch {
                problem("\(error.at(databases.prefixes, key: key))")
                continue
            }
            guard PrefixTable.prefixKeys(of: key).last == key, key.count > 0 else {
                problem("prefix table key '\(name)' is not 1–\(PrefixTermList.maximumPrefixScalars) scalars")
                continue
            }
            let truth: [PrefixTermList.Entry]
            do { truth = try PrefixTable.terms(withPrefix: key, in: transaction, databases: databases).sorted(by: PrefixTermList.ranksBefore) } catch {
                problem("prefix '\(name)': the dictionary cannot be read: \(error)")
                continue
            }
            if list.entries.count > PrefixTermList.capacity { problem("prefix '\(name)': \(list.entries.count) entries, more than the capacity") }
            if list.isComplete {
                if list.entries != truth { problem("prefix '\(name)': the complete list differs from the \(truth.count) terms of the dictionary") }
            } else {
                if list.entries.count < PrefixTermList.guaranteedCount {
                    problem("prefix '\(name)': incomplete list with only \(list.entries.count) entries")
                }
                if Array(truth.prefix(list.entries.count)) != list.entries {
                    problem("prefix '\(name)': the list is not the top \(list.entries.count) terms by document frequency")
                }
            }
            if truth.isEmpty { problem("prefix '\(name)': listed, but no term has it") }
        }
        let terms = try transaction.cursor(databases.terms)
        entry = try terms.first()
        while let (key, _) = entry {
            for prefix in PrefixTable.prefixKeys(of: Array(key)) where !listed.contains(prefix) {
                problem("term '\(String(decoding: key, as: UTF8.self))': prefix '\(String(decoding: prefix, as: UTF8.self))' has no list")
                listed.insert(prefix)  // report each missing prefix once
            }
            entry = try terms.next()
        }
        return problems
    }
}
