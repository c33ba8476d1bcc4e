import Testing
@testable import VaultEval

/// Which queries are averaged. Properties checked:
/// 1. Only queries in both qrels and run are evaluated; run-only queries are ignored.
/// 2. A qrels query the run did not answer is skipped, or averaged as 0 with `completeQueries`
///    (trec_eval -c, dividing by the number of qrels queries).
/// 3. A query whose judgments have no relevant document is evaluated as 0 everywhere, as trec_eval
///    does, unless `skipQueriesWithoutRelevant` is set.
@Suite struct QuerySelectionTests {
    // q1: relevant a; the run finds a at rank 2 → RR 0.5, P@1 0.
    // q2: only a grade-0 judgment; the run answers it.
    // q3: relevant c; the run does not answer it.
    // q9: in the run only.
    let qrels = Qrels(judgments: ["q1": ["a": 1, "b": 0], "q2": ["x": 0], "q3": ["c": 2]])
    let run = Run(rankings: [
        "q1": [ScoredDocument(docid: "b", score: 2), ScoredDocument(docid: "a", score: 1)],
        "q2": [ScoredDocument(docid: "x", score: 1)],
        "q9": [ScoredDocument(docid: "a", score: 1)],
    ])

    @Test func defaultIsTrecEval() {
        let report = Evaluator.evaluate(run: run, qrels: qrels, measures: [.reciprocalRank(10)])
        // Evaluated: q1 (0.5) and q2 (0). Mean = (0.5 + 0) / 2 = 0.25.
        #expect(report.queryCount == 2)
        #expect(Set(report.perQuery.keys) == ["q1", "q2"])
        #expect(report.value(.reciprocalRank(10), for: "q2") == 0)
        #expect(report.mean(.reciprocalRank(10)) == 0.25)
        #expect(report.missingQueryIDs == ["q3"])
    }

    @Test func queryWithoutRelevantSkipped() {
        let report = Evaluator.evaluate(
            run: run, qrels: qrels, measures: [.reciprocalRank(10)], skipQueriesWithoutRelevant: true)
        // Evaluated: q1 only. Mean = 0.5.
        #expect(report.queryCount == 1)
        #expect(report.perQuery["q2"] == nil)
        #expect(report.mean(.reciprocalRank(10)) == 0.5)
    }

    @Test func completeQueriesAveragesMissingAsZero() {
        // -c: q1 0.5, q2 0, q3 0 (missing) → 0.5 / 3.
        let complete = Evaluator.evaluate(
            run: run, qrels: qrels, measures: [.reciprocalRank(10), .precision(1)], completeQueries: true)
        #expect(complete.queryCount == 3)
        #expect(complete.mean(.reciprocalRank(10)) == 0.5 / 3)
        #expect(complete.mean(.precision(1)) == 0)
        #expect(complete.perQuery["q3"] == nil)
        #expect(complete.missingQueryIDs == ["q3"])

        // -c while skipping queries without relevant documents: q1 0.5, q3 0 → 0.25.
        let both = Evaluator.evaluate(
            run: run, qrels: qrels, measures: [.reciprocalRank(10)],
            completeQueries: true, skipQueriesWithoutRelevant: true)
        #expect(both.queryCount == 2)
        #expect(both.mean(.reciprocalRank(10)) == 0.25)
    }

    @Test func nothingToEvaluate() {
        let report = Evaluator.evaluate(run: Run(), qrels: qrels, measures: [.ndcg(10)])
        #expect(report.queryCount == 0)
        #expect(report.mean(.ndcg(10)) == 0)
        #expect(report.missingQueryIDs == ["q1", "q2", "q3"])
    }

    @Test func repeatedMeasuresComputedOnce() {
        let report = Evaluator.evaluate(run: run, qrels: qrels, measures: [.ndcg(10), .map(5), .ndcg(10)])
        #expect(report.measures == [.ndcg(10), .map(5)])
    }
}
