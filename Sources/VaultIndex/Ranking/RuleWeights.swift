/// Turns the scan-time ranking rules (`words`, `typo`, `prefix`) into one additive score, so that
/// MaxScore's pruning keeps working: each matched word adds a bonus
///
///     M_words · 1 + M_typo · (2 − typos) + M_prefix · (whole word ? 1 : 0)
///
/// and the multipliers are spaced so the sum orders documents lexicographically by the rules in their
/// settings order, then by BM25F: each multiplier exceeds the largest possible total of every criterion
/// after it. Only scan-time rules listed before `bm25` take part; the others are applied by
/// ``Reranker`` on the best documents.
struct RuleWeights {
    private(set) var words = 0.0
    private(set) var typo = 0.0
    private(set) var prefix = 0.0

    /// - Parameters:
    ///   - rules: the settings' rules (with `bm25` somewhere).
    ///   - wordCount: the number of query slots.
    ///   - bm25Maximum: an upper bound of any document's BM25F sum for this query.
    init(rules: [RankingRule], wordCount: Int, bm25Maximum: Double) {
        let scanRules = rules.prefix { $0 != .bm25 }.filter(\.isScanTime)
        var multiplier = (bm25Maximum + 1).rounded(.up)
        for rule in scanRules.reversed() {
            let range: Double
            switch rule {
            case .words: words = multiplier; range = Double(wordCount)
            case .typo: typo = multiplier; range = Double(2 * wordCount)
            case .prefix: prefix = multiplier; range = Double(wordCount)
            default: continue
            }
            multiplier *= range + 1
        }
    }

    /// The bonus of one word matched through `source`.
    func bonus(typos: Int, isPrefix: Bool) -> Double {
        words + typo * Double(max(0, 2 - typos)) + prefix * (isPrefix ? 0 : 1)
    }

    /// Whether any rule contributes (else scores are plain BM25F).
    var isActive: Bool { words > 0 || typo > 0 || prefix > 0 }
}
