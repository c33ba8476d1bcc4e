import Foundation
import VaultIndex
import VaultStorage

/// Reads trending lists and leaderboards from one index snapshot: every list is as of the same
/// committed batch, and `now` (from a ``TrendingClock``) is the instant its time-dependent scores
/// are computed at. Lists hold public, published prompts only, ordered by score descending, then id.
///
/// Work per request (n prompts, k = offset + limit):
/// - `decay`, all-time `views`/`copies`, authors: the first k entries of a sorted list, O(k log n).
/// - `seed`: a threshold walk over creation hours (newest first) that opens an hour only while its
///   best possible score can still enter the top k, and stops inside it likewise.
/// - all-time `rating`: the same walk over 63 groups of prompts by rating count.
/// - day, week, month: the events of the window from the timeline, O(events in the window).
/// - a selection: candidates are checked against the filter's doc set; a set of at most 4,096 prompts
///   is scored member by member instead.
///
/// Not `Sendable` (it holds the snapshot); make one per request.
public struct TrendingReader {
    /// The snapshot read.
    public let snapshot: IndexSnapshot
    /// The trending state.
    public let store: TrendingStore
    var txn: Transaction { snapshot.layerTransaction }
    var db: TrendingDatabases { store.databases }

    /// The largest offset + limit.
    public static let maximumWindow = 10_000
    /// A selection of at most this many prompts is scored member by member instead of walking a
    /// sorted list (tests set 0 to force the walk).
    public var directScoringLimit = 4_096

    /// A reader of `snapshot` (which must be of `store.index`).
    public init(snapshot: IndexSnapshot, store: TrendingStore) {
        self.snapshot = snapshot
        self.store = store
    }

    /// The trending list under `formula` at `now`.
    public func trending(
        _ formula: TrendingFormula, selection: PromptSelection = PromptSelection(), limit: Int = 20, offset: Int = 0, now: Int64
    ) throws(TrendingError) -> [RankedEntry] {
        var top = TopEntries(capacity: try Self.window(limit, offset))
        let gate = try PromptGate(snapshot: snapshot, selection: selection)
        try TrendingError.wrap {
            if let ids = try gate.smallSet(limit: directScoringLimit) {
                try scoreEach(ids, into: &top) { s in
                    switch formula {
                    case .seed: return seedScore(numerator: s.seedNumerator, createdAt: s.createdAt, now: now)
                    case .decay: return s.decayTerms > 0 ? DecayMath.score(s.decayLog, now: now, settings: store.settings) : nil
                    }
                }
                return
            }
            switch formula {
            case .seed: try seedTop(&top, gate: gate, now: now)
            case .decay:
                try walk(.decay, gate: gate, into: &top) { key in
                    DecayMath.score(Bytes.descendingDouble(key, at: 1), now: now, settings: store.settings)
                }
            }
        }
        return top.page(offset: offset)
    }

    /// The prompt leaderboard `by` over `period` at `now`.
    public func leaderboardPrompts(
        by order: PromptLeaderboard, period: LeaderboardPeriod, selection: PromptSelection = PromptSelection(),
        limit: Int = 20, offset: Int = 0, now: Int64
    ) throws(TrendingError) -> [RankedEntry] {
        var top = TopEntries(capacity: try Self.window(limit, offset))
        let gate = try PromptGate(snapshot: snapshot, selection: selection)
        try TrendingError.wrap {
            if let seconds = period.seconds {
                try windowedPrompts(order, since: now - seconds, gate: gate, into: &top)
                return
            }
            let mean = try store.stats(in: txn).meanRating
            if let ids = try gate.smallSet(limit: directScoringLimit) {
                try scoreEach(ids, into: &top) { s in
                    switch order {
                    case .rating: return s.ratingCount > 0 ? bayes(count: s.ratingCount, sum: s.ratingSum, mean: mean) : nil
                    case .copies: return s.copyEvents > 0 ? Double(s.copyEvents) : nil
                    case .views: return s.viewEvents > 0 ? Double(s.viewEvents) : nil
                    }
                }
                return
            }
            switch order {
            case .rating: try bayesTop(&top, gate: gate, mean: mean)
            case .copies: try walk(.copies, gate: gate, into: &top) { Double(Bytes.descendingInt64($0, at: 1)) }
            case .views: try walk(.views, gate: gate, into: &top) { Double(Bytes.descendingInt64($0, at: 1)) }
            }
        }
        return top.page(offset: offset)
    }

    /// The author leaderboard `by` over `period` at `now` (users with at least one listed prompt).
    public func leaderboardAuthors(
        by order: AuthorLeaderboard, period: LeaderboardPeriod, limit: Int = 20, offset: Int = 0, now: Int64
    ) throws(TrendingError) -> [RankedEntry] {
        var top = TopEntries(capacity: try Self.window(limit, offset))
        try TrendingError.wrap {
            if order == .engagement, let seconds = period.seconds {
                try windowedAuthors(since: now - seconds, into: &top)
                return
            }
            let list: RankList = order == .reputation ? .reputation : .engagement
            try walk(list, gate: nil, into: &top) { Double(Bytes.descendingInt64($0, at: 1)) }
        }
        return top.page(offset: offset)
    }

    /// The Bayesian average rating of prompt `id` over all its ratings (nil when it is not listed or
    /// unrated): the sortable `ratingBayes`.
    public func ratingBayes(of id: Int64) throws(TrendingError) -> Double? {
        try TrendingError.wrap {
            guard let s = try store.prompt(id, in: txn), s.listed, s.ratingCount > 0 else { return nil }
            return bayes(count: s.ratingCount, sum: s.ratingSum, mean: try store.stats(in: txn).meanRating)
        }
    }

    /// C: the mean rating over rated listed prompts (0 when none is rated).
    public func meanRating() throws(TrendingError) -> Double {
        try TrendingError.wrap { try store.stats(in: txn).meanRating }
    }

    // MARK: Shared pieces

    static func window(_ limit: Int, _ offset: Int) throws(TrendingError) -> Int {
        guard limit >= 0 else { throw .invalidRequest(parameter: "limit", message: "must be ≥ 0") }
        guard offset >= 0 else { throw .invalidRequest(parameter: "offset", message: "must be ≥ 0") }
        guard offset + limit <= maximumWindow else {
            throw .invalidRequest(parameter: "offset", message: "offset + limit must be ≤ \(maximumWindow)")
        }
        return offset + limit
    }

    /// v/(v+m)·R + m/(v+m)·C, written as the SQL writes it.
    func bayes(count: Int64, sum: Int64, mean: Double) -> Double {
        let v = Double(count), m = store.settings.bayesPrior
        let r = Double(sum) / v
        return v / (v + m) * r + m / (v + m) * mean
    }

    /// The seed formula; nil when the prompt is more than 2 hours in the future (the SQL's pow is NULL).
    func seedScore(numerator: Int64, createdAt: Int64, now: Int64) -> Double? {
        let base = Double(now - createdAt) / 3600.0 + 2
        guard base > 0 else { return nil }
        return Double(numerator) / Self.power(base)
    }

    static func power(_ base: Double) -> Double { pow(base, 1.5) }

    /// Scores each listed prompt of `ids` with `score` (nil: not in the list).
    func scoreEach(_ ids: [Int64], into top: inout TopEntries, _ score: (PromptState) -> Double?) throws {
        for id in ids {
            guard let s = try store.prompt(id, in: txn), s.listed, let value = score(s) else { continue }
            top.offer(RankedEntry(id: id, score: value))
        }
    }

    /// Takes entries of a sorted list in order (the id is the key's last 8 bytes) until `top` is full.
    func walk(_ list: RankList, gate: PromptGate?, into top: inout TopEntries, score: (UnsafeRawBufferPointer) -> Double) throws {
        let cursor = try txn.cursor(db.ranks)
        var entry = try cursor.seek(atLeast: [list.rawValue])
        while !top.isFull, let (key, _) = entry, key.count >= 9, key[0] == list.rawValue {
            let id = Bytes.int64(key, at: key.count - 8)
            if try gate?.allows(id) ?? true { top.offer(RankedEntry(id: id, score: score(key))) }
            entry = try cursor.next()
        }
    }
}
