import Foundation
import Testing

/// `vaultsearch eval` checks its input files before it runs anything. Properties checked:
/// 1. A malformed qrels line (wrong field count, a grade that is not an integer) exits non-zero
///    naming the file and line, and writes no `--run` file.
/// 2. A queries line without a tab exits non-zero naming the file and line.
/// 3. A missing qrels file is an error naming the file.
@Suite struct EvalInputTests {
    /// A workspace with a three-document index `idx` and valid queries.
    static func indexed() async throws -> Workspace {
        let workspace = try Workspace()
        try await workspace.buildIndex("idx", from: TestDocument.trio)
        try workspace.write("queries.tsv", "q1\taardvark\nq2\tbumblebee\n")
        return workspace
    }

    @Test(arguments: [
        ("q1 0 d1 1\nq2 0 d2\n", "qrels.txt:2", "expected 4 fields"),
        ("q1 0 d1 1\n\nq2 0 d2 relevant\n", "qrels.txt:3", "grade 'relevant' is not an integer"),
    ])
    func malformedQrelsLineIsNamed(qrels: String, location: String, problem: String) async throws {
        let workspace = try await Self.indexed()
        try workspace.write("qrels.txt", qrels)

        let result = try await workspace.vaultsearch(
            "eval", "--index", "idx", "--queries", "queries.tsv", "--qrels", "qrels.txt", "--run", "out.run")

        expectFailure(result, mentioning: location, problem)
        #expect(!workspace.exists("out.run"))
    }

    @Test func malformedQueriesLineIsNamed() async throws {
        let workspace = try await Self.indexed()
        try workspace.write("qrels.txt", "q1 0 d1 1\n")
        try workspace.write("bad.tsv", "q1\taardvark\nq2 bumblebee\n")

        let result = try await workspace.vaultsearch("eval", "--index", "idx", "--queries", "bad.tsv", "--qrels", "qrels.txt")

        expectFailure(result, mentioning: "bad.tsv:2", "expected 'qid<TAB>text'")
    }

    @Test func missingQrelsFileIsNamed() async throws {
        let workspace = try await Self.indexed()
        let result = try await workspace.vaultsearch("eval", "--index", "idx", "--queries", "queries.tsv", "--qrels", "absent.txt")
        expectFailure(result, mentioning: "absent.txt", "cannot read")
    }
}
