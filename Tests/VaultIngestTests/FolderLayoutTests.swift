import Foundation
import GRDB
import Testing
import VaultCorpus
import VaultIndex
@testable import VaultIngest

/// The folder-based design (text ids, camelCase, per-user tags, a `folder` path) is indexed by the
/// shipped `folder-layout.json` alone. Properties checked:
/// 1. Every prompt becomes a document whose fields come from its row (title, model, isPublic, tags).
/// 2. `folder.lvlN = P` holds exactly for the prompts whose folder is P or lies under P (an SQL
///    prefix query is the oracle).
/// 3. Tailing tag renames, folder moves, user renames, isPublic flips and deletes keeps the index
///    equal to a full rebuild.
@Suite struct FolderLayoutTests {
    @Test func indexedByConfigurationAlone() throws {
        let scratch = try Scratch()
        let configuration = try SourceConfiguration.folderLayout()
        let queue = try StoreConnection.create(scratch.store)
        try FolderLayoutSchema.migrate(queue)
        let contents = TestStore.contents(seed: 5, prompts: 40)
        try FolderLayoutConverter().convert(contents, into: queue)
        try queue.write { db in try ChangeLog.install(configuration, in: db) }
        let log = LogLines()
        let outcome = try IndexRebuilder(configuration: configuration).rebuild(storePath: scratch.store, into: scratch.index, log: log.sink)
        #expect(outcome.documents == 40)

        var docs = try documents(at: scratch.index)
        try queue.read { db in
            for row in try Row.fetchAll(db, sql: "SELECT * FROM prompts") {
                let id: String = row["id"]
                let document = try #require(docs[id])
                #expect(document.fields["title"] == .string(row["title"]))
                #expect(document.fields["isPublic"] == .bool(row["isPublic"] as Bool))
                if let model = row["model"] as String? { #expect(document.fields["model"] == .string(model)) }
                let tags = try String.fetchAll(db, sql: "SELECT t.name FROM promptTags pt JOIN tags t ON t.id = pt.tagId WHERE pt.promptId = ? ORDER BY t.name, t.id", arguments: [id])
                #expect(document.fields["tags"] == .strings(tags))
            }
            for prefix in ["coding", "writing/writing-a", "art/art-b/art-b-deep"] {
                let level = prefix.split(separator: "/").count - 1
                let expected = Set(try String.fetchAll(db, sql: "SELECT id FROM prompts WHERE folder = ? OR folder LIKE ? || '/%'", arguments: [prefix, prefix]))
                let found = Set(docs.values.filter { $0.fields["folder.lvl\(level)"] == .string(prefix) }.map(\.id))
                #expect(found == expected, "prefix \(prefix)")
                #expect(!expected.isEmpty || prefix.contains("deep"), "test data has no prompt under \(prefix)")
            }
        }

        let tailer = try Tailer(storePath: scratch.store, indexPath: scratch.index, configuration: configuration, log: log.sink)
        try queue.write { db in
            try db.execute(sql: "UPDATE tags SET name = 'renamed tag' WHERE id = (SELECT tagId FROM promptTags LIMIT 1)")
            try db.execute(sql: "UPDATE prompts SET folder = 'marketing/social' WHERE rowid % 3 = 0")
            try db.execute(sql: "UPDATE users SET name = 'New Name' WHERE id = (SELECT userId FROM prompts LIMIT 1)")
            try db.execute(sql: "UPDATE prompts SET isPublic = 1 - isPublic WHERE rowid % 4 = 1")
            try db.execute(sql: "DELETE FROM prompts WHERE rowid % 7 = 2")
        }
        #expect(try tailer.catchUp() > 0)
        docs = try documents(at: scratch.index)
        let rebuilt = scratch.path + "/rebuilt"
        _ = try IndexRebuilder(configuration: configuration).rebuild(storePath: scratch.store, into: rebuilt, log: { _ in })
        #expect(docs == (try documents(at: rebuilt)))
        #expect(docs.values.contains { $0.fields["folder.lvl1"] == .string("marketing/social") })
        #expect(docs.values.contains { $0.fields["tags"].map { if case .strings(let t) = $0 { t.contains("renamed tag") } else { false } } ?? false })
    }
}
