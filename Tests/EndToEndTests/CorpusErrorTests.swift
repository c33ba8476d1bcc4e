import Foundation
import Testing

/// A corpus line that is not a document stops `vaultsearch index`. Properties checked:
/// 1. The build exits non-zero with an error naming the file, the line and the problem: a line
///    that is not JSON, a document without an id, a line of invalid UTF-8 (line numbers count
///    every physical line, blank ones included).
/// 2. A missing corpus file is an error naming the file.
/// 3. After a failed first build, neither the index directory nor `DIR.building` exists: the
///    workspace holds exactly what it held before.
/// 4. After a failed rebuild, the previous index is byte-for-byte unchanged and still answers
///    the same search; no `DIR.building` or `DIR.old` is left behind.
@Suite struct CorpusErrorTests {
    /// A corpus with one bad line, and what the error must say about it.
    struct BadCorpus: Sendable, CustomTestStringConvertible {
        var name: String
        var bytes: [UInt8]
        var location: String
        var problem: String
        var testDescription: String { name }
    }

    /// Lines 1 and 2: two valid documents.
    static let good: [UInt8] = Array(corpusText(TestDocument.trio.prefix(2).map(\.jsonLine)).utf8)

    static let badCorpora = [
        BadCorpus(
            name: "line 3 is not JSON", bytes: good + Array("{\"_id\": \"d3\", \"text\": \n".utf8),
            location: "corpus.jsonl:3", problem: "not valid JSON"),
        BadCorpus(
            name: "a document without an id", bytes: good + Array("{\"title\": \"no id\", \"text\": \"orphan\"}\n".utf8),
            location: "corpus.jsonl:3", problem: "no \"_id\" or \"id\""),
        BadCorpus(
            name: "invalid UTF-8", bytes: good + Array("{\"_id\": \"d3\", \"text\": \"caf".utf8) + [0xC3, 0x28, 0xFF] + Array("\"}\n".utf8),
            location: "corpus.jsonl:3", problem: "not valid UTF-8"),
        BadCorpus(
            name: "a bad line after a blank line", bytes: good + [0x0A] + Array("[1, 2]\n".utf8),
            location: "corpus.jsonl:4", problem: "not a JSON object"),
    ]

    @Test(arguments: badCorpora)
    func failedFirstBuildNamesTheLineAndLeavesNothing(corpus: BadCorpus) async throws {
        let workspace = try Workspace()
        try workspace.write("corpus.jsonl", bytes: corpus.bytes)
        let before = try workspace.entries()

        let result = try await workspace.vaultsearch("index", "--corpus", "corpus.jsonl", "--index", "idx")

        expectFailure(result, mentioning: corpus.location, corpus.problem)
        #expect(!workspace.exists("idx"))
        #expect(!workspace.exists("idx.building"))
        #expect(try workspace.entries() == before)
    }

    @Test(arguments: badCorpora)
    func failedRebuildKeepsThePreviousIndex(corpus: BadCorpus) async throws {
        let workspace = try Workspace()
        try await workspace.buildIndex("idx", from: TestDocument.trio)
        let data = try workspace.read("idx/data.mdb")
        let hitsBefore = try await workspace.hitIDs(index: "idx", "chinchilla")
        try workspace.write("corpus.jsonl", bytes: corpus.bytes)

        let result = try await workspace.vaultsearch("index", "--corpus", "corpus.jsonl", "--index", "idx")

        expectFailure(result, mentioning: corpus.location, corpus.problem)
        #expect(try workspace.read("idx/data.mdb") == data, "a failed rebuild changed the old index's data")
        #expect(try await workspace.hitIDs(index: "idx", "chinchilla") == hitsBefore)
        #expect(hitsBefore == ["d3"])
        #expect(try await workspace.documentCount(index: "idx") == 3)
        #expect(!workspace.exists("idx.building"))
        #expect(!workspace.exists("idx.old"))
    }

    @Test func missingCorpusFileIsNamed() async throws {
        let workspace = try Workspace()
        let result = try await workspace.vaultsearch("index", "--corpus", "nowhere/corpus.jsonl", "--index", "idx")
        expectFailure(result, mentioning: "nowhere/corpus.jsonl", "cannot open")
        #expect(try workspace.entries().isEmpty)
    }

    @Test("regression E2E-5 (fixed): a corpus path that is a directory gives a raw NSCocoaErrorDomain error without the path")
    func corpusThatIsADirectoryIsNamed() async throws {
        let workspace = try Workspace()
        try FileManager.default.createDirectory(at: workspace.url("corpus"), withIntermediateDirectories: false)
        let result = try await workspace.vaultsearch("index", "--corpus", "corpus", "--index", "idx")
        expectFailure(result)
        #expect(!workspace.exists("idx") && !workspace.exists("idx.building"))
        #expect(result.stderr.contains("corpus:") || result.stderr.contains("'corpus'"), "\(result)")
        #expect(!result.stderr.contains("NSCocoaErrorDomain"), "\(result)")
    }
}
