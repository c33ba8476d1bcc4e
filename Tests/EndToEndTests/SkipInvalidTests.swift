import Foundation
import Testing

/// `vaultsearch index --skip-invalid` indexes the valid lines and reports the others. Properties checked:
/// 1. Each invalid line (not JSON, invalid UTF-8, no id) is reported on stderr as
///    `skipped corpus.jsonl:N: reason`; the build exits 0; `inspect stats` counts only the valid
///    documents, and they are searchable.
/// 2. When more lines are skipped than are listed, the output still says how many were skipped.
/// 3. A missing corpus file is still an error (the option skips lines, not files).
@Suite struct SkipInvalidTests {
    @Test func invalidLinesAreSkippedAndReported() async throws {
        let workspace = try Workspace()
        let trio = TestDocument.trio.map { Array($0.jsonLine.utf8) }
        var bytes: [UInt8] = []
        for line in [trio[0], Array("not json at all".utf8), trio[1], Array("{\"_id\": \"x\", \"text\": \"".utf8) + [0xFF, 0xFE] + Array("\"}".utf8),
                     Array("{\"title\": \"no id\"}".utf8), trio[2]] {
            bytes += line + [0x0A]
        }
        try workspace.write("corpus.jsonl", bytes: bytes)

        let result = try await workspace.vaultsearch("index", "--corpus", "corpus.jsonl", "--index", "idx", "--skip-invalid")

        expectSuccess(result)
        #expect(result.stderr.contains("skipped corpus.jsonl:2: the line is not valid JSON"), "\(result)")
        #expect(result.stderr.contains("skipped corpus.jsonl:4: the line is not valid UTF-8"), "\(result)")
        #expect(result.stderr.contains("skipped corpus.jsonl:5: the document has no \"_id\" or \"id\""), "\(result)")
        #expect(result.stdout.contains("indexed 3 documents"), "\(result)")
        #expect(try await workspace.documentCount(index: "idx") == 3)
        #expect(try await workspace.hitIDs(index: "idx", "aardvark chinchilla").sorted() == ["d1", "d3"])
        #expect(!workspace.exists("idx.building"))
    }

    @Test("regression E2E-6 (fixed): past 20 skipped lines the build prints 20 warnings and never says how many were skipped")
    func manySkippedLinesAreCounted() async throws {
        let workspace = try Workspace()
        let lines = (1...25).map { "garbage \($0)" } + [TestDocument.trio[0].jsonLine]
        try workspace.write("corpus.jsonl", corpusText(lines))

        let result = try await workspace.vaultsearch("index", "--corpus", "corpus.jsonl", "--index", "idx", "--skip-invalid")

        expectSuccess(result)
        #expect(try await workspace.documentCount(index: "idx") == 1)
        let totalLine = result.output.split(separator: "\n").first { line in
            line.contains("skip") && line.split(whereSeparator: { !$0.isNumber }).contains("25")
        }
        #expect(totalLine != nil, "a line should say that 25 lines were skipped: \(result)")
    }

    @Test func missingCorpusIsStillAnError() async throws {
        let workspace = try Workspace()
        let result = try await workspace.vaultsearch("index", "--corpus", "absent.jsonl", "--index", "idx", "--skip-invalid")
        expectFailure(result, mentioning: "absent.jsonl")
        #expect(try workspace.entries().isEmpty)
    }
}
