import Foundation
import Testing

/// Commands that read an index say why they cannot open it. Properties checked:
/// 1. A missing index directory: `search`, `inspect stats`, `inspect check` and `eval` exit non-zero
///    with a message naming the path.
/// 2. A directory with no index in it: the same, saying there is no index.
/// 3. An index of another format version: exit non-zero naming the path, the version found, the
///    version this build reads, and that it needs a rebuild (skipped without `mdb_dump`/`mdb_load`).
/// 4. A `data.mdb` that is not an LMDB file: an error naming the path, not a crash.
@Suite struct IndexOpenErrorTests {
    /// The commands that open an index, with `--index` last so a test can supply it.
    static let readers: [[String]] = [
        ["search", "some words", "--index"],
        ["inspect", "stats", "--index"],
        ["inspect", "check", "--index"],
        ["inspect", "term", "word", "--index"],
        ["eval", "--queries", "queries.tsv", "--qrels", "qrels.txt", "--index"],
    ]

    /// A workspace with the queries and qrels `eval` needs.
    static func workspace() throws -> Workspace {
        let workspace = try Workspace()
        try workspace.write("queries.tsv", "q1\taardvark\n")
        try workspace.write("qrels.txt", "q1 0 d1 1\n")
        return workspace
    }

    @Test(arguments: readers)
    func missingDirectoryIsNamed(command: [String]) async throws {
        let workspace = try Self.workspace()
        let result = try await workspace.vaultsearch(command + ["no/such/index"])
        expectFailure(result, mentioning: "no/such/index")
        #expect(!workspace.exists("no"), "reading must not create the directory")
    }

    @Test(arguments: readers)
    func directoryWithoutIndexIsNamed(command: [String]) async throws {
        let workspace = try Self.workspace()
        try FileManager.default.createDirectory(at: workspace.url("empty"), withIntermediateDirectories: false)
        let result = try await workspace.vaultsearch(command + ["empty"])
        expectFailure(result, mentioning: "no index at 'empty'")
    }

    @Test(
        .enabled(if: FormatRewriter.isAvailable, "mdb_dump/mdb_load not installed (Debian: apt-get install lmdb-utils); cannot forge another format version"),
        arguments: readers)
    func otherFormatVersionIsRefused(command: [String]) async throws {
        let workspace = try Self.workspace()
        try await workspace.buildIndex("idx", from: TestDocument.trio)
        let version = try await FormatRewriter.bumpVersion(of: "idx", in: workspace)

        let result = try await workspace.vaultsearch(command + ["idx"])

        expectFailure(
            result, mentioning: "'idx'", "format version \(version.written)", "reads version \(version.found)", "rebuild")
    }

    @Test func garbageDataFileIsReported() async throws {
        let workspace = try Self.workspace()
        try FileManager.default.createDirectory(at: workspace.url("junk"), withIntermediateDirectories: false)
        try workspace.write("junk/data.mdb", String(repeating: "these bytes are not an LMDB environment. ", count: 400))
        let result = try await workspace.vaultsearch("search", "--index", "junk", "aardvark")
        expectFailure(result, mentioning: "'junk'", "not an LMDB file")
    }
}
