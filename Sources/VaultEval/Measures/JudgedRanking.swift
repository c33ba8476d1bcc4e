/// One query's retrieved documents reduced to what the measures need: the grade at each rank
/// (in trec_eval's order) and the grades of everything judged.
///
/// This is trec_eval's `RES_RELS` for one query: documents absent from the qrels count as
/// grade 0, negative grades (judged "unjudged") count as not relevant and give no gain.
struct JudgedRanking: Sendable {
    /// The grade of the document at each rank, rank 1 first; 0 for documents not in the qrels.
    let grades: [Int]
    /// How many documents of the query have grade ≥ 1 in the qrels, retrieved or not.
    let relevantCount: Int
    /// The positive grades of the qrels sorted descending: the ideal ranking for nDCG.
    let idealGains: [Int]

    /// Judges `documents` (any order, duplicates allowed) against one query's judgments.
    /// O(n log n) in the number of retrieved documents.
    init(documents: [ScoredDocument], judgments: [String: Int]) {
        grades = TrecOrdering.ranked(documents).map { judgments[$0.docid] ?? 0 }
        idealGains = judgments.values.filter { $0 > 0 }.sorted(by: >)
        relevantCount = judgments.values.reduce(0) { $0 + ($1 >= Qrels.relevanceLevel ? 1 : 0) }
    }

    /// Whether a grade counts as relevant.
    @inline(__always)
    static func isRelevant(_ grade: Int) -> Bool { grade >= Qrels.relevanceLevel }
}
