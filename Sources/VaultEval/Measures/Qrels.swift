/// Relevance judgments: for each query, the grade of each judged document.
///
/// Grades follow trec_eval's qrels: a document is *relevant* when its grade is at least 1
/// (trec_eval's default `relevance_level`); grade 0 means judged not relevant, and a negative
/// grade means "in the pool but unjudged", which also counts as not relevant. For nDCG the gain of
/// a document is its grade when positive and 0 otherwise.
///
/// ```swift
/// let qrels = Qrels(judgments: ["q1": ["d1": 2, "d7": 0]])
/// qrels.relevantCount(for: "q1")  // 1
/// ```
public struct Qrels: Sendable, Equatable {
    /// The grades, keyed by query id and then by document id.
    public var judgments: [String: [String: Int]]

    /// Creates judgments from a dictionary keyed by query id, then by document id.
    public init(judgments: [String: [String: Int]] = [:]) {
        self.judgments = judgments
    }

    /// The ids of every judged query, whether or not it has a relevant document.
    public var queryIDs: Dictionary<String, [String: Int]>.Keys { judgments.keys }

    /// The grade of `docid` for `qid`, or `nil` when the pair was not judged.
    public func grade(of docid: String, for qid: String) -> Int? {
        judgments[qid]?[docid]
    }

    /// The number of documents judged relevant (grade ≥ 1) for `qid`. O(judgments of the query).
    public func relevantCount(for qid: String) -> Int {
        judgments[qid]?.values.reduce(0) { $0 + ($1 >= Qrels.relevanceLevel ? 1 : 0) } ?? 0
    }

    /// The lowest grade counted as relevant: 1, trec_eval's default `relevance_level`.
    public static let relevanceLevel = 1
}
