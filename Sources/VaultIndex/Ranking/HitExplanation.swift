/// Why a hit ranks where it does: the value of each ranking rule and how each query word matched.
public struct HitExplanation: Sendable, Equatable, Codable {
    /// How one query word matched the document.
    public struct WordMatch: Sendable, Equatable, Codable {
        /// The query word as analyzed.
        public var word: String
        /// The dictionary term(s) it matched through (several for a split word or a multi-word synonym).
        public var matchedTerms: [String]
        /// `exact`, `typo`, `prefix`, `synonym`, `split` or `join`.
        public var origin: String
        /// Edits counted by the typo rule.
        public var typos: Int
        /// The first searchable field (by settings order) it occurs in.
        public var field: String
    }

    /// Query words matched.
    public var words: Int
    /// Total typos over the matched words.
    public var typos: Int
    /// Words matched only as completions of a prefix.
    public var prefixes: Int
    /// Sum over neighbouring matched words of their distance (capped at 7 per pair; 0 = adjacent, in order).
    public var proximity: Int
    /// Sum over matched words of the index of the first field they occur in.
    public var attribute: Int
    /// 2 when a field holds exactly the query words, 1 when every word matched exactly, else 0.
    public var exactness: Int
    /// The BM25F part of the score.
    public var bm25: Double
    /// Each matched word.
    public var matches: [WordMatch]
}
