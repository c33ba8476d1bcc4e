/// How query words combine.
public enum MatchingMode: String, Sendable, Codable, CaseIterable {
    /// A document matches when it has any query word (ranked by BM25F).
    case any
    /// A document matches only when it has every query word.
    case all
}

/// Options of one search.
public struct SearchOptions: Sendable, Equatable {
    /// How many hits to return.
    public var limit: Int = 10
    /// How many of the best hits to skip first (for paging).
    public var offset: Int = 0
    /// Whether documents need all words or any.
    public var matching: MatchingMode = .any

    /// The largest `limit + offset` accepted.
    public static let maximumWindow = 10_000
    /// The most distinct terms a query may have after analysis.
    public static let maximumQueryTerms = 1_000

    /// Options with defaults: the 10 best hits, any word matches.
    public init(limit: Int = 10, offset: Int = 0, matching: MatchingMode = .any) {
        self.limit = limit
        self.offset = offset
        self.matching = matching
    }

    func validate() throws(IndexError) {
        if limit < 0 || offset < 0 { throw .invalidQuery("limit and offset must not be negative") }
        if limit > Self.maximumWindow || offset > Self.maximumWindow - limit {
            throw .invalidQuery("limit + offset must be at most \(Self.maximumWindow)")
        }
    }
}
