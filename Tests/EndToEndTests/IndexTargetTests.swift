import Foundation
import Testing

/// `vaultsearch index` builds into `DIR.building` and renames it into place. Properties checked:
/// 1. A stale `DIR.building` left by a killed build does not stop the next build, and is gone after it.
/// 2. Rebuilding with `--index DIR/` (a trailing slash) replaces the index as `--index DIR` does.
/// 3. Building into an existing directory that is not an index refuses and keeps its files.
/// 4. A build never deletes a sibling `DIR.old` that it did not create.
/// 5. An index path whose parent folder does not exist is an error naming the path, creating nothing.
@Suite struct IndexTargetTests {
    @Test func staleBuildingDirectoryIsReplaced() async throws {
        let workspace = try Workspace()
        try FileManager.default.createDirectory(at: workspace.url("idx.building"), withIntermediateDirectories: false)
        try workspace.write("idx.building/data.mdb", "half-written junk")

        try await workspace.buildIndex("idx", from: TestDocument.trio)

        #expect(!workspace.exists("idx.building"))
        #expect(try await workspace.hitIDs(index: "idx", "bumblebee") == ["d2"])
    }

    @Test("regression E2E-2 (fixed): rebuilding with --index DIR/ fails: DIR/ is moved to DIR/.old, into itself")
    func rebuildWithTrailingSlash() async throws {
        let workspace = try Workspace()
        try await workspace.buildIndex("idx/", from: TestDocument.trio)
        try workspace.write("two.jsonl", corpusText(TestDocument.trio.prefix(2).map(\.jsonLine)))

        let result = try await workspace.vaultsearch("index", "--corpus", "two.jsonl", "--index", "idx/")

        #expect(!result.crashed)
        #expect(!workspace.exists("idx.building"))
        let count = try await workspace.documentCount(index: "idx")
        #expect(count != nil, "the index must stay usable either way")
        #expect(result.succeeded, "\(result)")
        #expect(count == 2)
    }

    @Test("regression E2E-3 (fixed): indexing into an existing directory that is not an index silently deletes its files")
    func existingNonIndexDirectoryIsKept() async throws {
        let workspace = try Workspace()
        try FileManager.default.createDirectory(at: workspace.url("notes"), withIntermediateDirectories: false)
        try workspace.write("notes/todo.txt", "precious")
        try workspace.write("corpus.jsonl", corpusText(TestDocument.trio.map(\.jsonLine)))

        let result = try await workspace.vaultsearch("index", "--corpus", "corpus.jsonl", "--index", "notes")

        #expect(!result.crashed)
        #expect(workspace.exists("notes/todo.txt"), "the user's file was deleted")
        #expect(result.status != 0 && result.stderr.contains("notes"), "expected a refusal naming 'notes': \(result)")
    }

    @Test("regression E2E-4 (fixed): a build deletes any existing DIR.old, even one the user made")
    func siblingOldDirectoryIsKept() async throws {
        let workspace = try Workspace()
        try FileManager.default.createDirectory(at: workspace.url("idx.old"), withIntermediateDirectories: false)
        try workspace.write("idx.old/keep.txt", "precious")

        try await workspace.buildIndex("idx", from: TestDocument.trio)

        #expect(workspace.exists("idx.old/keep.txt"))
    }

    @Test func missingParentFolderIsNamed() async throws {
        let workspace = try Workspace()
        try workspace.write("corpus.jsonl", corpusText(TestDocument.trio.map(\.jsonLine)))

        let result = try await workspace.vaultsearch("index", "--corpus", "corpus.jsonl", "--index", "missing/sub/idx")

        expectFailure(result, mentioning: "missing/sub/idx")
        #expect(try workspace.entries() == ["corpus.jsonl"])
    }
}
