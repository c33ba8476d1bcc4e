import Foundation
import Testing
@testable import VaultEval

/// Hand-computed values of each measure on small queries. Properties checked:
/// 1. nDCG uses graded gains, discount log2(rank + 1), and the ideal order of the qrels' grades,
///    including relevant documents the run never retrieved.
/// 2. MAP divides by every relevant document of the query, retrieved or not.
/// 3. P@k always divides by k, even when fewer than k documents were retrieved.
/// 4. Grade 0 and negative grades are not relevant and give no gain.
/// 5. Reciprocal rank looks only at the top k.
@Suite struct MeasureTests {
    /// Run d1 (3.0), d2 (2.0), d3 (1.0); qrels d1=2, d2=0, d3=1, d4=2 (d4 not retrieved).
    let qrels = Qrels(judgments: ["q": ["d1": 2, "d2": 0, "d3": 1, "d4": 2]])
    let run = Run(rankings: ["q": [
        ScoredDocument(docid: "d1", score: 3), ScoredDocument(docid: "d2", score: 2),
        ScoredDocument(docid: "d3", score: 1),
    ]])

    func value(_ measure: EvalMeasure, run: Run? = nil, qrels: Qrels? = nil) -> Double {
        let report = Evaluator.evaluate(run: run ?? self.run, qrels: qrels ?? self.qrels, measures: [measure])
        return report.value(measure, for: "q") ?? .nan
    }

    @Test func gradedNDCG() {
        // Grades at ranks 1, 2, 3: 2, 0, 1.
        // DCG@10 = 2/log2(2) + 0/log2(3) + 1/log2(4) = 2 + 0 + 0.5 = 2.5
        // Ideal grades (qrels sorted descending, positive only): 2, 2, 1
        // IDCG@10 = 2/log2(2) + 2/log2(3) + 1/log2(4) = 2 + 1.2618595071429148 + 0.5 = 3.7618595071429148
        // nDCG@10 = 2.5 / 3.7618595071429148 = 0.6645649565...
        #expect(abs(value(.ndcg(10)) - 2.5 / (2.5 + 2 / log2(3.0))) < 1e-12)
        #expect(abs(value(.ndcg(10)) - 0.6645649566) < 1e-9)
        // nDCG@1: DCG = 2, IDCG = 2 → 1
        #expect(value(.ndcg(1)) == 1)
        // nDCG@2: DCG = 2 + 0 = 2; IDCG = 2 + 2/log2(3) = 3.2618595 → 0.6131471928
        #expect(abs(value(.ndcg(2)) - 2 / (2 + 2 / log2(3.0))) < 1e-12)
    }

    @Test func nDCGIsZeroWithoutPositiveGrades() {
        let qrels = Qrels(judgments: ["q": ["d1": 0, "d2": -1]])
        #expect(value(.ndcg(10), qrels: qrels) == 0)
    }

    @Test func mapDividesByAllRelevant() {
        // Relevant: a, b, c, d (4). Run order: a (rel), x, b (rel).
        // AP@100 = (1/1 + 2/3) / 4 = (5/3) / 4 = 5/12
        // AP@2   = (1/1) / 4 = 0.25 (b at rank 3 is beyond the cut)
        let qrels = Qrels(judgments: ["q": ["a": 1, "b": 1, "c": 1, "d": 1]])
        let run = Run(rankings: ["q": [
            ScoredDocument(docid: "a", score: 3), ScoredDocument(docid: "x", score: 2),
            ScoredDocument(docid: "b", score: 1),
        ]])
        #expect(abs(value(.map(100), run: run, qrels: qrels) - 5.0 / 12.0) < 1e-12)
        #expect(value(.map(2), run: run, qrels: qrels) == 0.25)
        // Recall@100 = 2/4, Recall@1 = 1/4.
        #expect(value(.recall(100), run: run, qrels: qrels) == 0.5)
        #expect(value(.recall(1), run: run, qrels: qrels) == 0.25)
    }

    @Test func precisionAlwaysDividesByK() {
        // 3 retrieved, 2 relevant (d1, d3): P@10 = 2/10, P@2 = 1/2, P@1 = 1/1.
        #expect(value(.precision(10)) == 0.2)
        #expect(value(.precision(2)) == 0.5)
        #expect(value(.precision(1)) == 1)
    }

    @Test func gradeZeroAndNegativeAreNotRelevant() {
        // Order: n (grade -1), z (grade 0), r (grade 1). First relevant at rank 3: RR = 1/3.
        // Relevant count is 1, so MAP = (1/3)/1, Recall@10 = 1, P@10 = 0.1.
        // nDCG@10 = (1/log2(4)) / 1 = 0.5: the negative grade gives no (negative) gain.
        let qrels = Qrels(judgments: ["q": ["n": -1, "z": 0, "r": 1]])
        let run = Run(rankings: ["q": [
            ScoredDocument(docid: "n", score: 3), ScoredDocument(docid: "z", score: 2),
            ScoredDocument(docid: "r", score: 1),
        ]])
        #expect(value(.reciprocalRank(10), run: run, qrels: qrels) == 1.0 / 3.0)
        #expect(value(.map(10), run: run, qrels: qrels) == 1.0 / 3.0)
        #expect(value(.recall(10), run: run, qrels: qrels) == 1)
        #expect(value(.precision(10), run: run, qrels: qrels) == 0.1)
        #expect(value(.ndcg(10), run: run, qrels: qrels) == 0.5)
    }

    @Test func reciprocalRankIsCutAtK() {
        // First relevant document (d1) is at rank 1 here; move it to rank 3 by scores.
        // Order: d2 (grade 0), d5 (unjudged), d1 (grade 2): RR@10 = 1/3, RR@2 = 0.
        let run = Run(rankings: ["q": [
            ScoredDocument(docid: "d1", score: 1), ScoredDocument(docid: "d2", score: 3),
            ScoredDocument(docid: "d5", score: 2),
        ]])
        #expect(value(.reciprocalRank(10), run: run) == 1.0 / 3.0)
        #expect(value(.reciprocalRank(3), run: run) == 1.0 / 3.0)
        #expect(value(.reciprocalRank(2), run: run) == 0)
    }

    @Test func measureNames() {
        #expect(EvalMeasure.ndcg(10).trecName == "ndcg_cut_10")
        #expect(EvalMeasure.reciprocalRank(10).trecName == "recip_rank@10")
        #expect(EvalMeasure.map(100).trecName == "map_cut_100")
        #expect(EvalMeasure.recall(100).trecName == "recall_100")
        #expect(EvalMeasure.precision(10).trecName == "P_10")
        #expect(EvalMeasure.ndcg(10).description == "nDCG@10")
        for measure in [EvalMeasure.ndcg(5), .reciprocalRank(10), .map(100), .recall(1000), .precision(20)] {
            #expect(EvalMeasure(name: measure.trecName) == measure)
            #expect(EvalMeasure(name: measure.description) == measure)
        }
        #expect(EvalMeasure(name: "ndcg_cut.10") == .ndcg(10))
        #expect(EvalMeasure(name: "P.10") == .precision(10))
        #expect(EvalMeasure(name: "recall.100") == .recall(100))
        #expect(EvalMeasure(name: "ndcg_cut.0") == nil)
        #expect(EvalMeasure(name: "bpref") == nil)
        #expect(EvalMeasure(name: "ndcg@x") == nil)
    }
}
