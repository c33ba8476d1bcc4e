import Foundation
import Testing
@testable import VaultEval

/// Parsing and writing TREC files. Properties checked:
/// 1. Qrels, runs and queries.tsv parse, skipping blank and `#` lines, tolerating CRLF.
/// 2. Every malformed line is an error naming the file and the physical line number.
/// 3. A written run reads back to the same documents and scores, ranks 1-based in trec_eval order.
@Suite struct TrecFileTests {
    @Test func qrelsParse() throws {
        let qrels = try Qrels(trecText: "# comment\n1 0 d1 2\r\n\n1 0 d2 0\n2\t0\td3   -1\n", file: "q.txt")
        #expect(qrels.judgments == ["1": ["d1": 2, "d2": 0], "2": ["d3": -1]])
        #expect(qrels.relevantCount(for: "1") == 1)
        #expect(qrels.relevantCount(for: "2") == 0)
    }

    @Test(arguments: [
        ("1 0 d1 1\n1 0 d2\n", 2, "expected 4 fields"),
        ("1 0 d1 1\n\n# x\n1 0 d2 1 extra\n", 4, "expected 4 fields"),
        ("1 0 d1 high\n", 1, "grade 'high' is not an integer"),
        ("1 0 d1 1\n1 0 d1 0\n", 2, "judged twice"),
    ])
    func qrelsErrors(text: String, line: Int, message: String) {
        #expect {
            try Qrels(trecText: text, file: "qrels.txt")
        } throws: { error in
            guard let error = error as? TrecFileError else { return false }
            return error.file == "qrels.txt" && error.line == line && error.message.contains(message)
                && error.description.hasPrefix("qrels.txt:\(line): ")
        }
    }

    @Test func runParse() throws {
        let run = try Run(trecText: """
            # produced by a test
            q1 Q0 d1 1 1.5 tag
            q1 Q0 d2 2 -3e-2 tag extra-ignored

            q2 Q0 d1 1 7 tag\r
            """, file: "run.txt")
        #expect(run.rankings["q1"] == [
            ScoredDocument(docid: "d1", score: 1.5), ScoredDocument(docid: "d2", score: -0.03),
        ])
        #expect(run.rankings["q2"] == [ScoredDocument(docid: "d1", score: 7)])
    }

    @Test(arguments: [
        ("q1 Q0 d1 1 1.0 t\nq1 Q0 d2 2 0.5\n", 2, "expected 6 fields"),
        ("q1 Q0 d1 1 fast t\n", 1, "score 'fast' is not a number"),
        ("q1 Q0 d1 1 nan t\n", 1, "score 'nan' is not a number"),
    ])
    func runErrors(text: String, line: Int, message: String) {
        #expect {
            try Run(trecText: text, file: "run.txt")
        } throws: { error in
            guard let error = error as? TrecFileError else { return false }
            return error.file == "run.txt" && error.line == line && error.message.contains(message)
        }
    }

    @Test func queriesParse() throws {
        let withHeader = try EvalQuery.parseTSV("query-id\ttext\n1\tfirst query\r\n\n2\ta\tb\n", file: "queries.tsv")
        #expect(withHeader == [EvalQuery(id: "1", text: "first query"), EvalQuery(id: "2", text: "a\tb")])
        let plainHeader = try EvalQuery.parseTSV("qid\ttext\nPLAIN-2\tDo statins work?\n", file: "queries.tsv")
        #expect(plainHeader == [EvalQuery(id: "PLAIN-2", text: "Do statins work?")])
        let noHeader = try EvalQuery.parseTSV("7\tseven\n", file: "queries.tsv")
        #expect(noHeader == [EvalQuery(id: "7", text: "seven")])
    }

    @Test(arguments: [
        ("1\tone\ntwo without tab\n", 2, "expected 'qid<TAB>text'"),
        ("1\tone\n\tno id\n", 2, "empty query id"),
        ("1\tone\n2\ttwo\n1\tagain\n", 3, "listed twice (first on line 1)"),
    ])
    func queriesErrors(text: String, line: Int, message: String) {
        #expect {
            try EvalQuery.parseTSV(text, file: "queries.tsv")
        } throws: { error in
            guard let error = error as? TrecFileError else { return false }
            return error.file == "queries.tsv" && error.line == line && error.message.contains(message)
        }
    }

    @Test func readingAMissingFileNamesIt() {
        let url = URL(fileURLWithPath: "/nonexistent/qrels.txt")
        #expect {
            try Qrels(contentsOf: url)
        } throws: { error in
            (error as? TrecFileError)?.file == url.path && (error as? TrecFileError)?.line == 0
        }
    }

    @Test func writerFormatsInTrecOrder() throws {
        let run = Run(rankings: [
            "q2": [ScoredDocument(docid: "a", score: 0.1 + 0.2)],
            "q1": [
                ScoredDocument(docid: "d1", score: 1), ScoredDocument(docid: "d10", score: 1),
                ScoredDocument(docid: "d3", score: 12.5),
            ],
        ])
        let text = try TrecRunWriter(tag: "vs").format(run)
        #expect(text == """
            q1 Q0 d3 1 12.5 vs
            q1 Q0 d10 2 1.0 vs
            q1 Q0 d1 3 1.0 vs
            q2 Q0 a 1 0.30000000000000004 vs

            """)
    }

    @Test func writerRoundTrips() throws {
        var run = Run()
        for (index, score) in [1e-300, -2.5, 1.0 / 3.0, 123456789.123456789, 0, 1e21].enumerated() {
            run.append(qid: "q", docid: "doc\(index)", score: score)
        }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("vs-run-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: url) }
        try TrecRunWriter(tag: "t").write(run, to: url)
        let back = try Run(contentsOf: url)
        #expect(back.rankings["q"] == TrecOrdering.ranked(run.rankings["q"] ?? []))
    }

    @Test func writerRejectsWhitespaceInIDs() {
        let run = Run(rankings: ["q": [ScoredDocument(docid: "two words", score: 1)]])
        #expect(throws: TrecFileError.self) { try TrecRunWriter(tag: "t").format(run) }
    }
}
