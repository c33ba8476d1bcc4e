/// How a query word can match a document: one dictionary term, or several terms at consecutive
/// positions (a split word, a multi-word synonym), with what the match costs in the ranking rules.
struct MatchSource {
    /// Why this source exists (for explanations and tests).
    enum Origin: String, Sendable {
        case exact, typo, prefix, synonym, split, join
    }

    /// The query word (slot) the source belongs to.
    var slot: Int
    /// Indices into ``QueryPlan/terms``; more than one means a phrase (consecutive positions, in order).
    var terms: [Int]
    var origin: Origin
    /// Edits counted by the `typo` rule (first-letter edits count two; a split or join counts one).
    var typos: Int
    /// Whether this is a completion of the last, still-typed word (the `prefix` rule ranks it lower).
    var isPrefix: Bool
    /// Multiplies the word's BM25F weight: typo and prefix matches score a little lower even inside a bucket.
    var factor: Double
    /// Filled by the plan: the word's weight times `factor` (for a phrase, the sum of `memberWeights`).
    var weight = 0.0
    /// Filled by the plan for phrases: each term's own `idf · (k1 + 1) · factor`, so a quoted phrase
    /// scores like its words (BM25F summed over its terms).
    var memberWeights: [Double] = []
    /// Filled by the plan: the scan-time ranking bonus of a match through this source.
    var bonus = 0.0

    var isPhrase: Bool { terms.count > 1 }
}

/// One query word (or quoted phrase) as the ranking rules count it.
struct QuerySlot {
    /// The word as analyzed (its term), or the phrase's text, for explanations.
    var text: String
    /// Whether every hit must match it (all-words mode, quoted phrases).
    var isRequired: Bool
    /// The plain word's ordinal among the query's plain words (nil for a quoted phrase).
    var wordOrdinal: Int? = nil
    /// How many characters the word was typed with (a prefix match highlights that many).
    var typedCharacters = 0
    /// Filled by the plan: `idf · (k1 + 1)` with the idf of the word's most frequent single-term source.
    var weight = 0.0
}
