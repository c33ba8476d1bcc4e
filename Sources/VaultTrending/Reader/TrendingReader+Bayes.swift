import VaultStorage

/// The bounded all-time `rating` top-k. The list groups rated prompts by ⌊log2 v⌋ (v their rating
/// count), each group sorted by mean rating R. For fixed R the Bayesian average is monotone in v,
/// and for fixed v it grows with R, so a group's next entry bounds the rest of the group by the
/// larger of its values at the group's two ends of v. The walk takes the best bound among the 63
/// groups and stops when none can beat the k-th score.
extension TrendingReader {
    struct RatingCursor {
        var group: UInt8
        var key: [UInt8]
        var mean: Double
        var count: Int64
        var sum: Int64
    }

    func bayesTop(_ top: inout TopEntries, gate: PromptGate, mean: Double) throws {
        let cursor = try txn.cursor(db.ranks)
        let list = RankList.bayes.rawValue
        let m = store.settings.bayesPrior
        func value(_ v: Double, _ r: Double) -> Double { v / (v + m) * r + m / (v + m) * mean }
        func bound(_ c: RatingCursor) -> Double {
            let low = Double(Int64(1) << c.group), high = Double((Int64(1) << c.group) * 2 - 1)
            return max(value(low, c.mean), value(high, c.mean))
        }
        func entry(atLeast start: [UInt8], group: UInt8, skipFirst: Bool) throws -> RatingCursor? {
            var found = try cursor.seek(atLeast: start)
            if skipFirst, let (key, _) = found, key.elementsEqual(start) { found = try cursor.next() }
            guard let (key, v) = found, key.count == 18, key[0] == list, key[1] == group, v.count == 16 else { return nil }
            return RatingCursor(group: group, key: Array(key), mean: Bytes.descendingDouble(key, at: 2), count: Bytes.int64(v, at: 0), sum: Bytes.int64(v, at: 8))
        }
        var open = CandidateQueue<RatingCursor>()
        for group in UInt8(0)..<63 {
            if let first = try entry(atLeast: [list, group], group: group, skipFirst: false) { open.push(first, bound: bound(first)) }
        }
        while !open.isEmpty, !top.cannotAdmit(bound: open.bestBound), let current = open.popBest() {
            let id = Bytes.int64(current.key, at: 10)
            if try gate.allows(id) { top.offer(RankedEntry(id: id, score: bayes(count: current.count, sum: current.sum, mean: mean))) }
            if let next = try entry(atLeast: current.key, group: current.group, skipFirst: true) { open.push(next, bound: bound(next)) }
        }
    }
}
