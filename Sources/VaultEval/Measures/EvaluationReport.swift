/// The outcome of evaluating a run: each evaluated query's values and the means.
public struct EvaluationReport: Sendable, Equatable {
    /// The measures computed, in the order they were asked for (without repeats).
    public let measures: [EvalMeasure]
    /// The value of every measure for every evaluated query (queries in both run and qrels).
    /// Queries averaged as zeros under `completeQueries` are not listed here; see
    /// ``missingQueryIDs``.
    public let perQuery: [String: [EvalMeasure: Double]]
    /// The arithmetic mean of each measure over ``queryCount`` queries; 0 when that count is 0.
    public let means: [EvalMeasure: Double]
    /// The number of queries the means divide by (trec_eval's `num_q`): the evaluated queries, plus
    /// the missing ones when `completeQueries` was set.
    public let queryCount: Int
    /// Queries of the qrels that the run did not answer, sorted byte-wise. They count as zeros in
    /// the means only when `completeQueries` was set (trec_eval `-c`); otherwise they are skipped.
    public let missingQueryIDs: [String]

    /// Creates a report; ``Evaluator`` is the usual way to get one.
    public init(
        measures: [EvalMeasure], perQuery: [String: [EvalMeasure: Double]],
        means: [EvalMeasure: Double], queryCount: Int, missingQueryIDs: [String]
    ) {
        self.measures = measures
        self.perQuery = perQuery
        self.means = means
        self.queryCount = queryCount
        self.missingQueryIDs = missingQueryIDs
    }

    /// The mean of `measure`, or 0 when it was not computed or no query was evaluated.
    public func mean(_ measure: EvalMeasure) -> Double {
        means[measure] ?? 0
    }

    /// The value of `measure` for query `qid`, or `nil` when that query was not evaluated.
    public func value(_ measure: EvalMeasure, for qid: String) -> Double? {
        perQuery[qid]?[measure]
    }
}
