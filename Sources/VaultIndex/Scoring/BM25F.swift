import Foundation

/// BM25F (Robertson, Zaragoza & Taylor's simple BM25F): per-field term frequencies are length-
/// normalized per field, weighted, summed into one pseudo-frequency, then saturated once:
///
///     tf~(t, d) = Σ_f  w_f · tf_f(t, d) / (1 − b_f + b_f · len_f(d) / avglen_f)
///     score(t, d) = qtf(t) · idf(t) · (k1 + 1) · tf~ / (k1 + tf~)
///     idf(t) = ln(1 + (N − df + 0.5) / (df + 0.5))
///
/// `score` grows with `tf~`, so an upper bound of `tf~` over a block (highest tf, shortest length
/// per field) bounds the block's scores; dynamic pruning relies on that.
struct BM25F {
    let k1: Double
    private let weight: [Double]
    /// 1 − b_f
    private let constant: [Double]
    /// b_f / avglen_f
    private let slope: [Double]
    let documentCount: Double

    init(settings: IndexSettings, statistics: IndexStatistics) {
        k1 = settings.k1
        let averages = statistics.averageFieldLengths
        weight = settings.searchableFields.map(\.weight)
        constant = settings.searchableFields.map { 1 - $0.b }
        slope = zip(settings.searchableFields, averages).map { $0.b / $1 }
        documentCount = Double(statistics.documentCount)
    }

    /// The inverse document frequency of a term in `df` documents.
    func idf(documentFrequency df: UInt32) -> Double {
        log(1 + (documentCount - Double(df) + 0.5) / (Double(df) + 0.5))
    }

    /// One field's share of the pseudo-frequency.
    @inline(__always)
    func fieldFrequency(field: Int, tf: UInt32, length: UInt32) -> Double {
        weight[field] * Double(tf) / (constant[field] + slope[field] * Double(length))
    }

    /// `tf~ / (k1 + tf~)`: the saturated pseudo-frequency, in 0..<1. A term's score is its weight
    /// (`qtf · idf · (k1 + 1)`, times any match-quality factor) times this.
    @inline(__always)
    func saturation(_ pseudoFrequency: Double) -> Double {
        pseudoFrequency / (k1 + pseudoFrequency)
    }

    /// The saturated score of a pseudo-frequency, for a term whose weight is `qtf · idf · (k1 + 1)`.
    @inline(__always)
    func saturate(_ pseudoFrequency: Double, termWeight: Double) -> Double {
        termWeight * saturation(pseudoFrequency)
    }

    /// The saturation of the cursor's current document (see ``saturation(_:)``).
    @inline(__always)
    func saturation(of cursor: PostingsCursor) -> Double {
        var pseudo = 0.0
        cursor.forEachField { field, tf, length in pseudo += fieldFrequency(field: field, tf: tf, length: length) }
        return saturation(pseudo)
    }
}
