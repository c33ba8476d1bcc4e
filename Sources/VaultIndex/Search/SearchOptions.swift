/// How query words combine (Meilisearch's `matchingStrategy`, plus `any`).
public enum MatchingMode: String, Sendable, Codable, CaseIterable {
    /// A document matches when it has any query word; the `words` rule ranks documents that match
    /// more words first.
    case any
    /// A document matches only when it has every query word (in some form: exact, typo, prefix, synonym).
    case all
    /// Every word is required; when nothing matches, words are dropped from the end of the query
    /// until something does.
    case last
    /// Like `last`, but the most frequent word is dropped first.
    case frequency
}

/// Options of one search.
public struct SearchOptions: Sendable, Equatable {
    /// How many hits to return.
    public var limit: Int = 10
    /// How many of the best hits to skip first (for paging).
    public var offset: Int = 0
    /// Whether documents need all words or any.
    public var matching: MatchingMode = .any
    /// Meilisearch's name for ``matching``.
    public var matchingStrategy: MatchingMode {
        get { matching }
        set { matching = newValue }
    }
    /// Whether each hit carries a ``HitExplanation``.
    public var explain = false

    /// The largest `limit + offset` accepted.
    public static let maximumWindow = 10_000
    /// The most distinct terms a query may have after analysis.
    public static let maximumQueryTerms = 1_000

    /// Options with defaults: the 10 best hits, any word matches.
    public init(limit: Int = 10, offset: Int = 0, matching: MatchingMode = .any, explain: Bool = false) {
        self.limit = limit
        self.offset = offset
        self.matching = matching
        self.explain = explain
    }

    func validate() throws(IndexError) {
        if limit < 0 || offset < 0 { throw .invalidQuery("limit and offset must not be negative") }
        if limit > Self.maximumWindow || offset > Self.maximumWindow - limit {
            throw .invalidQuery("limit + offset must be at most \(Self.maximumWindow)")
        }
    }
}
