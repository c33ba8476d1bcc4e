import Testing
@testable import VaultEval

/// trec_eval's ordering of a run. Properties checked:
/// 1. Documents are ordered by score descending; the rank column of a run file is ignored.
/// 2. Ties are broken by document id in descending byte-wise (strcmp) order: d2 > d10 > d1.
/// 3. A document listed twice for a query keeps its first occurrence.
@Suite struct OrderingTests {
    @Test func tiesBreakByDocidDescending() {
        let ranked = TrecOrdering.ranked([
            ScoredDocument(docid: "d1", score: 1), ScoredDocument(docid: "d10", score: 1),
            ScoredDocument(docid: "d9", score: 2), ScoredDocument(docid: "d2", score: 1),
        ])
        // d9 has the top score; then ties: strcmp("d2","d10") > 0 ('2' > '1') and "d10" > "d1" (longer).
        #expect(ranked.map(\.docid) == ["d9", "d2", "d10", "d1"])
    }

    @Test func rankColumnIsIgnored() throws {
        // The file claims d1 is rank 1, but its score is the lowest: trec_eval puts it last.
        // Order by score: d3 (0.9), d2 (0.5), d1 (0.1); d1 is the only relevant document → RR = 1/3.
        let run = try Run(trecText: """
            q1 Q0 d1 1 0.1 tag
            q1 Q0 d2 2 0.5 tag
            q1 Q0 d3 3 0.9 tag
            """, file: "run.txt")
        let qrels = Qrels(judgments: ["q1": ["d1": 1]])
        let report = Evaluator.evaluate(run: run, qrels: qrels, measures: [.reciprocalRank(10)])
        #expect(report.value(.reciprocalRank(10), for: "q1") == 1.0 / 3.0)
    }

    @Test func tiesDecideTheMeasure() {
        // All scores tie: the order is c, b, a (docid descending). Relevant: a → RR = 1/3,
        // P@1 = 0, nDCG@10 = (1/log2(4)) / 1 = 0.5.
        let run = Run(rankings: ["q": ["a", "b", "c"].map { ScoredDocument(docid: $0, score: 1) }])
        let qrels = Qrels(judgments: ["q": ["a": 1]])
        let report = Evaluator.evaluate(
            run: run, qrels: qrels, measures: [.reciprocalRank(10), .precision(1), .ndcg(10)])
        #expect(report.value(.reciprocalRank(10), for: "q") == 1.0 / 3.0)
        #expect(report.value(.precision(1), for: "q") == 0)
        #expect(report.value(.ndcg(10), for: "q") == 0.5)
    }

    @Test func duplicateKeepsFirstOccurrence() throws {
        // d1 appears twice: first with 0.5, later with 5.0. Keeping the first gives the order
        // d2 (0.9), d1 (0.5): RR = 1/2 and 2 documents retrieved (P@10 = 1/10).
        let run = try Run(trecText: """
            q Q0 d1 1 0.5 t
            q Q0 d2 2 0.9 t
            q Q0 d1 3 5.0 t
            """, file: "run.txt")
        #expect(run.rankings["q"]?.count == 3)
        #expect(TrecOrdering.ranked(run.rankings["q"] ?? []).map(\.docid) == ["d2", "d1"])
        let report = Evaluator.evaluate(
            run: run, qrels: Qrels(judgments: ["q": ["d1": 1]]), measures: [.reciprocalRank(10), .precision(10)])
        #expect(report.value(.reciprocalRank(10), for: "q") == 0.5)
        #expect(report.value(.precision(10), for: "q") == 0.1)
    }

    @Test func byteOrderIsNotUnicodeOrder() {
        // "é" precomposed (C3 A9) vs "e" + combining acute (65 CC 81): Swift's == says equal,
        // strcmp does not; byte order puts "e\u{301}" first.
        #expect(TrecOrdering.byteOrderPrecedes("e\u{301}", "\u{E9}"))
        #expect(!TrecOrdering.byteOrderPrecedes("\u{E9}", "e\u{301}"))
    }
}
