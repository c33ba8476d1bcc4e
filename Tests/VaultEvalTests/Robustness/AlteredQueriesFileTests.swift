import Foundation
import Testing
@testable import VaultEval

/// The altered queries file. Properties checked:
/// 1. Writing then reading gives the same queries (ids, order, text with tabs, non-ASCII,
///    punctuation), including a first query whose id looks like a header.
/// 2. A query that cannot be read back as written (line break in the text, tab in the id, empty id)
///    is an error naming the query, and nothing is written.
@Suite struct AlteredQueriesFileTests {
    @Test func roundTrip() throws {
        let queries = [
            EvalQuery(id: "qid", text: "a query whose id looks like a header"),
            EvalQuery(id: "2", text: "résumé\twith a tab inside, and ünïcödé?"),
            EvalQuery(id: "PLAIN-12", text: "  leading and trailing spaces  "),
            EvalQuery(id: "4", text: ""),
        ]
        let altered = QueryAlteration(typos: TypoInjector(seed: 3), prefix: PrefixTruncator()).apply(to: queries).queries
        for list in [queries, altered] {
            let text = try EvalQuery.tsvText(list, name: "mem.tsv")
            #expect(try EvalQuery.parseTSV(text, file: "mem.tsv") == list)
        }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("altered-\(UUID().uuidString).tsv")
        defer { try? FileManager.default.removeItem(at: url) }
        try EvalQuery.writeTSV(altered, to: url)
        #expect(try EvalQuery.readTSV(contentsOf: url) == altered)
    }

    @Test(arguments: [
        (EvalQuery(id: "q1", text: "two\nlines"), "line break"),
        (EvalQuery(id: "q1", text: "carriage\rreturn"), "line break"),
        (EvalQuery(id: "q\t1", text: "text"), "tab or a line break"),
        (EvalQuery(id: "", text: "text"), "empty query id"),
    ])
    func unwritableQueryIsNamed(query: EvalQuery, problem: String) {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID().uuidString).tsv")
        let error = #expect(throws: TrecFileError.self) {
            try EvalQuery.writeTSV([EvalQuery(id: "ok", text: "fine"), query], to: url)
        }
        #expect(error?.line == 3)
        #expect(error?.message.contains(problem) == true, "\(String(describing: error))")
        #expect(!FileManager.default.fileExists(atPath: url.path))
    }
}
