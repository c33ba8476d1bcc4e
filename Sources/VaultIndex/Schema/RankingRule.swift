/// One criterion of the ranking, applied in the order of ``IndexSettings/rankingRules``: documents
/// are sorted by the first rule, ties by the next, and so on (Meilisearch's bucket sort).
public enum RankingRule: String, Codable, Sendable, CaseIterable {
    /// More query words matched (by any form: exact, typo, prefix, synonym, join/split) first.
    case words
    /// Fewer typos over the matched words first; a typo on the first letter counts as two.
    case typo
    /// Whole words before prefix completions of the last, still-typed word.
    case prefix
    /// Query words close together (and in order) before words far apart.
    case proximity
    /// Matches in earlier searchable fields (their order in the settings) first.
    case attribute
    /// A field that holds exactly the query words before partial matches.
    case exactness
    /// BM25F relevance (field weights, `b`, `k1`).
    case bm25

    /// Rules decided per word while the postings are scanned (exact over every document); the
    /// others need word positions and are applied to the best ``Ranking/rerankWindow`` documents.
    var isScanTime: Bool { self == .words || self == .typo || self == .prefix }
}
