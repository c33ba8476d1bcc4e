import VaultStorage

/// The consistency check behind ``IndexSnapshot/check()``: cross-checks the databases of one
/// snapshot, recording each problem (at most `limit`) and walking past damaged records, so one
/// bad block does not hide the next.
struct IndexChecker {
    let snapshot: IndexSnapshot
    let limit: Int
    private(set) var problems: [String] = []

    init(snapshot: IndexSnapshot, limit: Int) {
        self.snapshot = snapshot
        self.limit = max(0, limit)
    }

    private var db: IndexDatabases { snapshot.index.databases }
    private var txn: ReadTransaction { snapshot.transaction }

    private mutating func problem(_ text: String) {
        if problems.count < limit { problems.append(text) }
    }

    /// Runs `body`, recording what it throws as a problem.
    private mutating func attempt(_ body: (inout IndexChecker) throws -> Void) {
        do { try body(&self) } catch { problem("\(error)") }
    }

    mutating func run() -> [String] {
        var live = Set<UInt32>()
        var forwardCounts: [UInt32: UInt32] = [:]
        attempt { try $0.checkDocuments(live: &live, forwardCounts: &forwardCounts) }
        attempt { try $0.checkTerms(live: live, forwardCounts: &forwardCounts) }
        attempt { checker in
            for text in try PrefixTableCheck(transaction: checker.txn, databases: checker.db).run(limit: checker.limit) { checker.problem(text) }
        }
        attempt { checker in
            for text in try ColumnCheck(snapshot: checker.snapshot).run(limit: checker.limit) { checker.problem(text) }
        }
        return problems
    }

    /// Stored documents against their id mappings, forward indexes and the statistics.
    private mutating func checkDocuments(live: inout Set<UInt32>, forwardCounts: inout [UInt32: UInt32]) throws {
        let fieldCount = snapshot.settings.searchableFields.count
        var totals = [UInt64](repeating: 0, count: fieldCount)
        let docs = try txn.cursor(db.docs)
        var entry = try docs.first()
        while let (key, value) = entry, problems.count < limit {
            entry = try docs.next()
            guard key.count == 4 else {
                problem("'docs' key \(KeyText.describe(key)): not a doc number")
                continue
            }
            let doc = KeyCodec.decodeUInt32(key)
            live.insert(doc)
            if doc >= snapshot.statistics.nextDocNumber { problem("'docs' key \(KeyText.describe(key)): doc number \(doc) was never handed out") }
            let id: String
            do { id = try StoredDocumentCodec.decodeID(value) } catch {
                problem("\(error.at(db.docs, key: Array(key)))")
                continue
            }
            if let mapped = try txn.get(db.ids, key: Array(id.utf8)) {
                if mapped.count != 4 || KeyCodec.decodeUInt32(mapped) != doc { problem("id '\(id)' maps to another doc than \(doc)") }
            } else {
                problem("document \(doc) ('\(id)') has no id mapping")
            }
            guard let raw = try txn.get(db.docTerms, key: KeyCodec.encode(doc)) else {
                problem("document \(doc) has no forward index")
                continue
            }
            do {
                let forward = try ForwardIndex.decode(raw, fieldCount: fieldCount)
                for (field, length) in forward.fieldLengths.enumerated() { totals[field] += UInt64(length) }
                for term in forward.termIDs { forwardCounts[term, default: 0] += 1 }
            } catch {
                problem("\(error.at(db.docTerms, key: Array(key)))")
            }
        }
        if try txn.count(db.ids) != live.count { problem("\(try txn.count(db.ids)) ids but \(live.count) documents") }
        if try txn.count(db.docTerms) != live.count { problem("\(try txn.count(db.docTerms)) forward indexes but \(live.count) documents") }
        if snapshot.statistics.documentCount != live.count {
            problem("statistics count \(snapshot.statistics.documentCount) documents, \(live.count) are stored")
        }
        if snapshot.statistics.fieldLengthTotals != totals { problem("field length totals differ from the stored documents") }
    }

    /// Every dictionary entry against its term id, blocks and the forward index.
    private mutating func checkTerms(live: Set<UInt32>, forwardCounts: inout [UInt32: UInt32]) throws {
        let bounds = snapshot.decodeBounds
        var blocks = 0
        let terms = try txn.cursor(db.terms)
        var entry = try terms.first()
        while let (key, value) = entry, problems.count < limit {
            entry = try terms.next()
            let term = String(decoding: key, as: UTF8.self)
            let info: TermInfo
            do { info = try TermInfo.decode(value, bounds: bounds) } catch {
                problem("\(error.at(db.terms, key: Array(key)))")
                continue
            }
            if let back = try txn.getBytes(db.termIDs, key: KeyCodec.encode(info.termID)), back == Array(key) {} else {
                problem("term '\(term)': term id \(info.termID) does not map back")
            }
            if info.termID >= snapshot.statistics.nextTermID { problem("term '\(term)': term id \(info.termID) was never handed out") }
            var total: UInt32 = 0
            var previousDoc: UInt32 = 0
            for summary in info.blocks {
                blocks += 1
                let blockKey = IndexDatabases.blockKey(term: info.termID, block: summary.block)
                guard let postings = try txn.get(db.postings, key: blockKey) else {
                    problem("term '\(term)': block \(summary.block) is missing")
                    continue
                }
                var chunk: PostingsChunk
                do { chunk = try BlockCodec.decode(postings: postings, positions: nil, bounds: bounds) } catch {
                    problem("\(error.at(db.postings, key: blockKey))")
                    continue
                }
                if let positions = try txn.get(db.positions, key: blockKey) {
                    do { try BlockCodec.decodePositions(positions, into: &chunk) } catch { problem("\(error.at(db.positions, key: blockKey))") }
                } else {
                    problem("term '\(term)': the positions of block \(summary.block) are missing")
                }
                if chunk.summary(block: summary.block) != summary { problem("term '\(term)': skip entry of block \(summary.block) is stale") }
                for doc in chunk.docs {
                    if doc <= previousDoc { problem("term '\(term)': doc \(doc) out of order") }
                    if !live.contains(doc) { problem("term '\(term)': posting for deleted doc \(doc)") }
                    previousDoc = doc
                }
                total += UInt32(chunk.count)
            }
            if total != info.documentFrequency { problem("term '\(term)': df \(info.documentFrequency) but \(total) postings") }
            if forwardCounts[info.termID] != total {
                problem("term '\(term)': \(total) postings but \(forwardCounts[info.termID] ?? 0) forward entries")
            }
            forwardCounts[info.termID] = nil
        }
        guard problems.count < limit else { return }
        if !forwardCounts.isEmpty { problem("\(forwardCounts.count) term ids in the forward index have no dictionary entry") }
        if try txn.count(db.termIDs) != txn.count(db.terms) { problem("\(try txn.count(db.termIDs)) term ids but \(try txn.count(db.terms)) terms") }
        let postings = try txn.count(db.postings), positions = try txn.count(db.positions)
        if postings != blocks || positions != blocks { problem("the skip tables name \(blocks) blocks; 'postings' holds \(postings), 'positions' \(positions)") }
    }
}
