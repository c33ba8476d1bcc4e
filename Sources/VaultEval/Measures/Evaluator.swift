/// Scores a run against relevance judgments the way trec_eval 9.x does.
///
/// ```swift
/// let report = Evaluator.evaluate(
///     run: try Run(contentsOf: runURL), qrels: try Qrels(contentsOf: qrelsURL),
///     measures: [.ndcg(10), .reciprocalRank(10), .map(100), .recall(100), .precision(10)])
/// print(report.mean(.ndcg(10)), report.queryCount)
/// ```
public enum Evaluator {
    /// Evaluates `run` against `qrels`.
    ///
    /// Which queries count, as in trec_eval:
    /// - A query is evaluated when it is in both the qrels and the run. trec_eval evaluates such a
    ///   query even when none of its judged documents is relevant (it then scores 0 everywhere);
    ///   `skipQueriesWithoutRelevant` leaves those queries out of everything instead.
    /// - A query of the qrels the run did not answer is skipped, unless `completeQueries` is set
    ///   (trec_eval `-c`): then it counts as 0 for every measure and the means divide by the number
    ///   of qrels queries.
    /// - Queries of the run that the qrels do not judge are ignored.
    ///
    /// Means are arithmetic means, summed in byte-wise query-id order.
    ///
    /// - Parameters:
    ///   - run: the retrieved documents; their order is trec_eval's (see ``TrecOrdering``).
    ///   - qrels: the judgments; grade ≥ 1 is relevant.
    ///   - measures: what to compute; each cutoff must be positive.
    ///   - completeQueries: trec_eval's `-c`: average over every qrels query.
    ///   - skipQueriesWithoutRelevant: ignore qrels queries without a document of grade ≥ 1.
    /// - Complexity: O(Σ n log n) over the run's queries, plus the size of the qrels.
    public static func evaluate(
        run: Run, qrels: Qrels, measures: [EvalMeasure],
        completeQueries: Bool = false, skipQueriesWithoutRelevant: Bool = false
    ) -> EvaluationReport {
        var seenMeasures = Set<EvalMeasure>()
        let measures = measures.filter { seenMeasures.insert($0).inserted }

        let candidates = qrels.judgments.keys
            .filter { !skipQueriesWithoutRelevant || qrels.relevantCount(for: $0) > 0 }
            .sorted(by: TrecOrdering.byteOrderPrecedes)
        var perQuery: [String: [EvalMeasure: Double]] = [:]
        var sums = [Double](repeating: 0, count: measures.count)
        var missing: [String] = []
        for qid in candidates {
            guard let documents = run.rankings[qid], !documents.isEmpty,
                  let judgments = qrels.judgments[qid]
            else {
                missing.append(qid)
                continue
            }
            let ranking = JudgedRanking(documents: documents, judgments: judgments)
            var values: [EvalMeasure: Double] = [:]
            for (index, measure) in measures.enumerated() {
                let value = measure.value(for: ranking)
                values[measure] = value
                sums[index] += value
            }
            perQuery[qid] = values
        }

        let queryCount = completeQueries ? candidates.count : perQuery.count
        var means: [EvalMeasure: Double] = [:]
        for (index, measure) in measures.enumerated() {
            means[measure] = queryCount > 0 ? sums[index] / Double(queryCount) : 0
        }
        return EvaluationReport(
            measures: measures, perQuery: perQuery, means: means,
            queryCount: queryCount, missingQueryIDs: missing)
    }
}
