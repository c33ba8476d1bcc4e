import Foundation
import Testing
import VaultStorage
@testable import VaultIndex

/// Opening, reopening and rejecting indexes:
/// 1. a missing directory, or one without an index, is `notAnIndex`;
/// 2. an index of another format version is refused with both versions named;
/// 3. data survives closing and reopening;
/// 4. ranking settings can change in place, analysis settings cannot.
@Suite("index lifecycle")
struct IndexLifecycleTests {
    @Test("a missing index is a clear error")
    func missing() {
        #expect(throws: IndexError.notAnIndex(path: "/nonexistent/vault")) { _ = try Index.open(at: "/nonexistent/vault") }
    }

    @Test("another format version is refused")
    func formatVersion() throws {
        let dir = TemporaryDirectory(); defer { dir.cleanUp() }
        do {
            let index = try Index.create(at: dir.path, settings: .beir)
            try index.environment.write { txn in
                try txn.put(index.databases.meta, key: MetaKey.format, value: KeyCodec.encode(FormatVersion.current + 1))
            }
        }
        #expect(throws: IndexError.formatVersionMismatch(path: dir.path, found: FormatVersion.current + 1, expected: FormatVersion.current)) {
            _ = try Index.open(at: dir.path)
        }
    }

    @Test("documents survive a reopen")
    func reopen() throws {
        let dir = TemporaryDirectory(); defer { dir.cleanUp() }
        do {
            let index = try Index.create(at: dir.path, settings: .beir)
            try IndexWriter(index: index).apply([.upsert(Document(id: "a", fields: ["title": .string("Résumé tips"), "views": .number(12), "tags": .strings(["career", "jobs"]), "featured": .bool(true)]))])
        }
        let index = try Index.open(at: dir.path)
        let document = try #require(try index.snapshot().document(id: "a", scope: .unrestricted))
        #expect(document.fields == ["title": .string("Résumé tips"), "views": .number(12), "tags": .strings(["career", "jobs"]), "featured": .bool(true)])
        #expect(try Searcher(index: index).search("resume", scope: .publicOnly).hits.map(\.id) == ["a"], "diacritics are folded")
    }

    @Test("ranking settings change in place; analysis settings need a rebuild")
    func settingsChange() throws {
        let dir = TemporaryDirectory(); defer { dir.cleanUp() }
        let index = try Index.create(at: dir.path, settings: .beir)
        var ranking = IndexSettings.beir
        ranking.k1 = 0.9
        ranking.searchableFields[0].weight = 3
        try index.updateSettings(ranking)
        #expect(try index.snapshot().settings == ranking)
        var analysis = IndexSettings.beir
        analysis.analysis.stemming = nil
        #expect(throws: IndexError.invalidSettings("searchable fields and analysis can only change by rebuilding the index")) {
            try index.updateSettings(analysis)
        }
        var bad = IndexSettings.beir
        bad.searchableFields[1].b = 2
        #expect(throws: IndexError.invalidSettings("field 'text': b must be in 0...1")) { try index.updateSettings(bad) }
    }
}
