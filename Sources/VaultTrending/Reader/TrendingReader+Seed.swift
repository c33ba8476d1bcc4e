import VaultStorage

/// The bounded `seed` top-k: two threshold walks run in turns over one shared top-k, and whichever
/// first proves that nothing it has not yet offered can enter ends the search (each walk's bound
/// covers every prompt it has not offered, so either proof is enough). Prompts scoring 0
/// (numerator 0) then fill the list by id.
/// - By creation hour (``SeedHourWalk``): wins on a live site, where new prompts dominate.
/// - By numerator (``SeedNumeratorWalk``): wins when every prompt is old and the age factor is
///   nearly flat, so the order is the numerators' order.
extension TrendingReader {
    func seedTop(_ top: inout TopEntries, gate: PromptGate, now: Int64) throws {
        var byHour = try SeedHourWalk(reader: self, now: now)
        var byNumerator = try SeedNumeratorWalk(reader: self, now: now, newestHour: byHour.newestHour)
        var offered = Set<Int64>()
        func offer(_ candidate: (id: Int64, score: Double?)?) throws {
            guard let (id, score) = candidate, let score, offered.insert(id).inserted else { return }
            if try gate.allows(id) { top.offer(RankedEntry(id: id, score: score)) }
        }
        while !byHour.isExhausted, !byNumerator.isExhausted,
            !top.cannotAdmit(bound: byHour.bound), !top.cannotAdmit(bound: byNumerator.bound)
        {
            try offer(try byHour.step())
            try offer(try byNumerator.step())
        }
        guard !top.isFull else { return }
        try walk(.seedZero, gate: gate, into: &top) { _ in 0 }
    }
}

/// The `seed` list grouped by creation hour, each hour sorted by numerator. A prompt created in
/// hour H scores at most numerator / ((now − end of H)/3600 + 2)^1.5, so an hour's next entry
/// bounds the rest of the hour, and the largest numerator of all (`seedMax`) bounds every hour not
/// opened yet, older hours lower. Each step takes the candidate with the highest bound: an hour's
/// next entry, or opening the next older hour.
struct SeedHourWalk {
    struct HourCursor {
        var hour: Int64
        var key: [UInt8]
        var numerator: Int64
        var createdAt: Int64
    }

    let reader: TrendingReader
    let now: Int64
    let cursor: Cursor
    let largest: Int64
    /// The newest creation hour holding a positive numerator.
    let newestHour: Int64?
    private var frontier: Int64?
    private var open = CandidateQueue<HourCursor>()
    private static let list = RankList.seed.rawValue

    init(reader: TrendingReader, now: Int64) throws {
        self.reader = reader
        self.now = now
        cursor = try reader.txn.cursor(reader.db.ranks)
        if let (key, _) = try cursor.seek(atLeast: [RankList.seedMax.rawValue]), key.count == 17, key[0] == RankList.seedMax.rawValue {
            largest = Bytes.descendingInt64(key, at: 1)
        } else {
            largest = 0
        }
        newestHour = largest > 0 ? try Self.hour(before: nil, cursor) : nil
        frontier = newestHour
    }

    /// Whether every positive-numerator prompt has been offered.
    var isExhausted: Bool { frontier == nil && open.isEmpty }

    /// The best score any prompt not yet offered can have.
    var bound: Double { max(open.bestBound, frontier.map { bound(numerator: largest, hour: $0) } ?? -.infinity) }

    /// Opens the next hour, or offers the best open candidate (and queues its hour's next entry).
    mutating func step() throws -> (id: Int64, score: Double?)? {
        let frontierBound = frontier.map { bound(numerator: largest, hour: $0) } ?? -.infinity
        if let hour = frontier, frontierBound >= open.bestBound {
            var start: [UInt8] = [Self.list]
            Bytes.append(hour, to: &start)
            if let first = try entry(atLeast: start, hour: hour, skipFirst: false) {
                open.push(first, bound: bound(numerator: first.numerator, hour: hour))
            }
            frontier = try Self.hour(before: hour, cursor)
            return nil
        }
        guard let current = open.popBest() else { return nil }
        if let next = try entry(atLeast: current.key, hour: current.hour, skipFirst: true) {
            open.push(next, bound: bound(numerator: next.numerator, hour: next.hour))
        }
        let id = Bytes.int64(current.key, at: 17)
        return (id, reader.seedScore(numerator: current.numerator, createdAt: current.createdAt, now: now))
    }

    private func bound(numerator: Int64, hour: Int64) -> Double {
        let base = Double(now - (hour * 3_600 + 3_599)) / 3600.0 + 2
        return base > 0 ? Double(numerator) / TrendingReader.power(base) : .infinity
    }

    /// The newest hour older than `hour` (nil: the newest of all) that holds entries.
    private static func hour(before hour: Int64?, _ cursor: Cursor) throws -> Int64? {
        var start: [UInt8] = [list]
        if let hour { Bytes.append(hour, to: &start) } else { start = [list + 1] }
        let found = try cursor.seek(atLeast: start) != nil ? try cursor.previous() : try cursor.last()
        guard let (key, _) = found, key.count == 25, key[0] == list else { return nil }
        return Bytes.int64(key, at: 1)
    }

    private func entry(atLeast start: [UInt8], hour: Int64, skipFirst: Bool) throws -> HourCursor? {
        var found = try cursor.seek(atLeast: start)
        if skipFirst, let (key, _) = found, key.elementsEqual(start) { found = try cursor.next() }
        guard let (key, value) = found, key.count == 25, key[0] == Self.list, Bytes.int64(key, at: 1) == hour, value.count == 8 else { return nil }
        return HourCursor(hour: hour, key: Array(key), numerator: Bytes.descendingInt64(key, at: 9), createdAt: Bytes.int64(value, at: 0))
    }
}

/// The `seedMax` list (every positive numerator, largest first). No prompt is newer than the end of
/// the newest creation hour, so numerator / ((now − that end)/3600 + 2)^1.5 bounds every prompt
/// from the list's next entry on. Each step offers the next entry (its creation time from its state).
struct SeedNumeratorWalk {
    let reader: TrendingReader
    let now: Int64
    let cursor: Cursor
    /// The smallest age factor any prompt can have; nil when prompts may lie in the future (no bound).
    let smallestFactor: Double?
    private var next: (id: Int64, numerator: Int64)?

    init(reader: TrendingReader, now: Int64, newestHour: Int64?) throws {
        self.reader = reader
        self.now = now
        cursor = try reader.txn.cursor(reader.db.ranks)
        let base = newestHour.map { Double(now - ($0 * 3_600 + 3_599)) / 3600.0 + 2 } ?? 0
        smallestFactor = base > 0 ? TrendingReader.power(base) : nil
        next = Self.decode(try cursor.seek(atLeast: [RankList.seedMax.rawValue]))
    }

    var isExhausted: Bool { next == nil }

    var bound: Double {
        guard let next else { return -.infinity }
        guard let smallestFactor else { return .infinity }
        return Double(next.numerator) / smallestFactor
    }

    mutating func step() throws -> (id: Int64, score: Double?)? {
        guard let current = next else { return nil }
        next = Self.decode(try cursor.next())
        guard let state = try reader.store.prompt(current.id, in: reader.txn), state.listed else { return nil }
        return (current.id, reader.seedScore(numerator: state.seedNumerator, createdAt: state.createdAt, now: now))
    }

    private static func decode(_ entry: (key: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer)?) -> (id: Int64, numerator: Int64)? {
        guard let (key, _) = entry, key.count == 17, key[0] == RankList.seedMax.rawValue else { return nil }
        return (Bytes.int64(key, at: 9), Bytes.descendingInt64(key, at: 1))
    }
}
