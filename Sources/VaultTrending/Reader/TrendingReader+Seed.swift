import VaultStorage

/// The bounded `seed` top-k. The list keeps prompts with a positive numerator grouped by creation
/// hour, each hour sorted by numerator. A prompt created in hour H scores at most
/// numerator / ((now − end of H)/3600 + 2)^1.5, so an hour's next entry bounds the rest of the
/// hour, and the largest numerator of all (`seedMax`) bounds every hour not opened yet, with older
/// hours bounded lower. The walk always takes the candidate with the highest bound (an hour's next
/// entry, or opening the next older hour) and stops when no bound can beat the k-th score; prompts
/// scoring 0 (numerator 0) then fill the list by id.
extension TrendingReader {
    struct HourCursor {
        var hour: Int64
        var key: [UInt8]
        var numerator: Int64
        var createdAt: Int64
    }

    func seedTop(_ top: inout TopEntries, gate: PromptGate, now: Int64) throws {
        let cursor = try txn.cursor(db.ranks)
        let list = RankList.seed.rawValue
        func bound(numerator: Int64, hour: Int64) -> Double {
            let base = Double(now - (hour * 3_600 + 3_599)) / 3600.0 + 2
            return base > 0 ? Double(numerator) / Self.power(base) : .infinity
        }
        /// The newest hour older than `hour` (nil: from the newest of all) that holds entries.
        func hourBefore(_ hour: Int64?) throws -> Int64? {
            var start: [UInt8] = [list]
            if let hour { Bytes.append(hour, to: &start) } else { start = [list + 1] }
            let found = try cursor.seek(atLeast: start) != nil ? try cursor.previous() : try cursor.last()
            guard let (key, _) = found, key.count == 25, key[0] == list else { return nil }
            return Bytes.int64(key, at: 1)
        }
        func entry(atLeast start: [UInt8], hour: Int64, skipFirst: Bool) throws -> HourCursor? {
            var found = try cursor.seek(atLeast: start)
            if skipFirst, let (key, _) = found, key.elementsEqual(start) { found = try cursor.next() }
            guard let (key, value) = found, key.count == 25, key[0] == list, Bytes.int64(key, at: 1) == hour, value.count == 8 else { return nil }
            return HourCursor(hour: hour, key: Array(key), numerator: Bytes.descendingInt64(key, at: 9), createdAt: Bytes.int64(value, at: 0))
        }
        let largest: Int64 = try {
            guard let (key, _) = try cursor.seek(atLeast: [RankList.seedMax.rawValue]), key.count == 17, key[0] == RankList.seedMax.rawValue else { return 0 }
            return Bytes.descendingInt64(key, at: 1)
        }()
        var open = CandidateQueue<HourCursor>()
        var frontier = largest > 0 ? try hourBefore(nil) : nil
        while true {
            let frontierBound = frontier.map { bound(numerator: largest, hour: $0) } ?? -.infinity
            let openBound = open.bestBound
            if openBound == -.infinity && frontierBound == -.infinity { break }
            if top.cannotAdmit(bound: max(openBound, frontierBound)) { break }
            if let hour = frontier, frontierBound >= openBound {
                var start: [UInt8] = [list]
                Bytes.append(hour, to: &start)
                if let first = try entry(atLeast: start, hour: hour, skipFirst: false) {
                    open.push(first, bound: bound(numerator: first.numerator, hour: hour))
                }
                frontier = try hourBefore(hour)
                continue
            }
            guard let current = open.popBest() else { break }
            let id = Bytes.int64(current.key, at: 17)
            if let score = seedScore(numerator: current.numerator, createdAt: current.createdAt, now: now), try gate.allows(id) {
                top.offer(RankedEntry(id: id, score: score))
            }
            if let next = try entry(atLeast: current.key, hour: current.hour, skipFirst: true) {
                open.push(next, bound: bound(numerator: next.numerator, hour: next.hour))
            }
        }
        guard !top.isFull else { return }
        try walk(.seedZero, gate: gate, into: &top) { _ in 0 }
    }
}
