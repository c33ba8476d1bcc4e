import VaultIndex

/// Trending's sort fields for search (``ComputedSortFields``), so `sort: ["trending:desc"]` orders
/// the hits of any query and filter by the same scores as the trending lists:
/// - `trending` (also `trending.decay`): the decay formula, as its time-independent log-score (the
///   order of the decayed scores at every instant), listed best first from the sorted list;
/// - `trending.seed`: the seed formula at the source's `now`;
/// - `ratingBayes`: the Bayesian average rating over all ratings (C as of the snapshot).
///
/// Only listed (public, published) prompts have values; every other document sorts last, so a
/// private prompt in its owner's results never borrows a trending position.
public struct TrendingSortSource: ComputedSortSource {
    /// What a field computes.
    public enum Measure: Sendable {
        case decay, seed, ratingBayes
    }

    public let field: String
    /// What it computes.
    public let measure: Measure
    /// The trending state.
    public let store: TrendingStore
    /// The instant `trending.seed` is computed at (seconds since 1970).
    public let now: Int64

    /// A source of `measure` under `field`.
    public init(field: String, measure: Measure, store: TrendingStore, now: Int64) {
        self.field = field
        self.measure = measure
        self.store = store
        self.now = now
    }

    /// The names search accepts.
    public static let fieldNames = ["trending", "trending.decay", "trending.seed", "ratingBayes"]

    /// Every trending sort field, computed at `now`.
    public static func all(store: TrendingStore, now: Int64) -> ComputedSortFields {
        ComputedSortFields([
            TrendingSortSource(field: "trending", measure: .decay, store: store, now: now),
            TrendingSortSource(field: "trending.decay", measure: .decay, store: store, now: now),
            TrendingSortSource(field: "trending.seed", measure: .seed, store: store, now: now),
            TrendingSortSource(field: "ratingBayes", measure: .ratingBayes, store: store, now: now),
        ])
    }

    public func values(in snapshot: IndexSnapshot) throws(IndexError) -> any ComputedSortValues {
        try TrendingSortValues(source: self, snapshot: snapshot)
    }
}

/// One search's trending values: a doc number's prompt id, then its state in the same snapshot.
final class TrendingSortValues: ComputedSortValues {
    let source: TrendingSortSource
    let snapshot: IndexSnapshot
    let reader: TrendingReader
    /// C, for `ratingBayes`.
    let mean: Double

    init(source: TrendingSortSource, snapshot: IndexSnapshot) throws(IndexError) {
        self.source = source
        self.snapshot = snapshot
        reader = TrendingReader(snapshot: snapshot, store: source.store)
        mean = source.measure == .ratingBayes ? try Self.indexError { try source.store.stats(in: snapshot.layerTransaction).meanRating } : 0
    }

    func value(of doc: UInt32) throws(IndexError) -> Double? {
        guard let id = Int64(try snapshot.documentID(number: doc)) else { return nil }
        let state = try Self.indexError { try source.store.prompt(id, in: snapshot.layerTransaction) }
        guard let state, state.listed else { return nil }
        switch source.measure {
        case .decay: return state.decayTerms > 0 ? state.decayLog : nil
        case .seed: return reader.seedScore(numerator: state.seedNumerator, createdAt: state.createdAt, now: source.now)
        case .ratingBayes: return state.ratingCount > 0 ? reader.bayes(count: state.ratingCount, sum: state.ratingSum, mean: mean) : nil
        }
    }

    /// Decay, best first: the sorted `decay` list (listed prompts with events), key order.
    func forEachBestFirst(descending: Bool, _ body: (UInt32, Double) throws(IndexError) -> Bool) throws(IndexError) -> Bool {
        guard source.measure == .decay, descending else { return false }
        let cursor = try Self.indexError { try snapshot.layerTransaction.cursor(source.store.databases.ranks) }
        var entry = try Self.indexError { try cursor.seek(atLeast: [RankList.decay.rawValue]) }
        while let (key, _) = entry, key.count >= 9, key[0] == RankList.decay.rawValue {
            let id = Bytes.int64(key, at: key.count - 8)
            if let doc = try snapshot.documentNumber(of: String(id)) {
                guard try body(doc, Bytes.descendingDouble(key, at: 1)) else { return true }
            }
            entry = try Self.indexError { try cursor.next() }
        }
        return true
    }

    /// Runs `body`, mapping trending and storage errors into ``IndexError``.
    static func indexError<R>(_ body: () throws -> R) throws(IndexError) -> R {
        do { return try TrendingError.wrap(body) } catch {
            if case .index(let inner) = error { throw inner }
            throw .corrupt(error.description)
        }
    }
}
