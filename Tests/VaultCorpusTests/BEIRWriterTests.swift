import Foundation
import Testing
@testable import VaultCorpus

/// The BEIR files. Properties checked:
/// 1. Every line of corpus.jsonl is a JSON object with exactly `_id`, `title`, `text`, which
///    decode to the generated strings.
/// 2. Escaping is right for quotes, backslashes, control characters, non-ASCII text, and at
///    every position relative to the 8-byte blocks the escaper scans.
/// 3. queries.tsv has one `qid<TAB>text` line per query.
@Suite struct BEIRWriterTests {
    @Test func everyLineIsValidJSON() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("vs-corpus-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: url) }
        let documents = CorpusGenerator(seed: 99).documents(count: 1_500)
        #expect(try BEIRWriter.write(documents: documents, to: url) == 1_500)

        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 1_501 && lines.last == "")
        var sawQuote = false, sawBackslash = false, sawNonASCII = false
        for (line, document) in zip(lines, documents) {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String])
            #expect(object == ["_id": document.id, "title": document.title, "text": document.text])
            sawQuote = sawQuote || document.text.contains("\"")
            sawBackslash = sawBackslash || document.text.contains("\\")
            sawNonASCII = sawNonASCII || document.text.unicodeScalars.contains { !$0.isASCII }
        }
        #expect(sawQuote && sawBackslash && sawNonASCII, "the sample should exercise escaping")
    }

    @Test(arguments: [
        "plain", "", "say \"hi\"", #"back\slash"#, "tab\there\nnewline\r\u{1}\u{1F}", "résumé — ✨🚀 café",
        "\u{7F} delete stays raw", "\\\"\\\"\\\"",
    ])
    func escaping(_ text: String) throws {
        // The special character at every offset, so it falls in every lane of the 8-byte scan.
        for padding in 0..<10 {
            let value = String(repeating: "x", count: padding) + text + String(repeating: "y", count: 9 - padding)
            var buffer: [UInt8] = []
            BEIRWriter.appendJSONLine(GeneratedDocument(id: "p\(padding)", title: text, text: value), to: &buffer)
            #expect(buffer.last == UInt8(ascii: "\n"))
            let object = try JSONSerialization.jsonObject(with: Data(buffer.dropLast())) as? [String: String]
            #expect(object == ["_id": "p\(padding)", "title": text, "text": value])
        }
    }

    @Test func queriesFile() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("vs-queries-\(UUID().uuidString).tsv")
        defer { try? FileManager.default.removeItem(at: url) }
        let queries = CorpusGenerator(seed: 1).queries(count: 50, seed: 2)
        try BEIRWriter.write(queries: queries, to: url)
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
        #expect(lines.map { String($0) } == queries.map { "\($0.id)\t\($0.text)" })
    }

    @Test func unwritablePathIsAnError() {
        let url = URL(fileURLWithPath: "/nonexistent-dir/corpus.jsonl")
        #expect(throws: CorpusWriteError.self) {
            try BEIRWriter.write(documents: CorpusGenerator(seed: 1).documents(count: 1), to: url)
        }
    }
}
