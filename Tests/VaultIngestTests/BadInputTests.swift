import Foundation
import GRDB
import Testing
import VaultIndex
@testable import VaultIngest

/// Bad input from the store never stops the stream: each case gets a log line naming the row and
/// problem, the document is indexed as well as it can be (or deleted), and a good change in the
/// same batch is applied too. A broken store is refused at start-up, naming the table or column.
@Suite struct BadInputTests {
    /// A store with 10 prompts, its index, and a tailer on it.
    struct Fixture {
        let scratch: Scratch
        let store: DatabaseQueue
        let log = LogLines()
        let tailer: Tailer

        init() throws {
            scratch = try Scratch()
            store = try scratch.makePromptVaultStore(TestStore.contents(seed: 11, prompts: 10))
            let configuration = try SourceConfiguration.promptVault()
            _ = try IndexRebuilder(configuration: configuration).rebuild(storePath: scratch.store, into: scratch.index, log: { _ in })
            tailer = try Tailer(storePath: scratch.store, indexPath: scratch.index, configuration: configuration, log: log.sink)
        }

        /// Runs `bad` and a good title change to prompt 1 in one batch, then tails.
        func apply(_ bad: (Database) throws -> Void) throws {
            try store.write { db in
                try bad(db)
                try db.execute(sql: "UPDATE prompts SET title = 'still flowing' WHERE id = 1")
            }
            try tailer.catchUp()
            #expect(try document("1")?.fields["title"] == .string("still flowing"), "the good change in the batch was lost")
        }

        func document(_ id: String) throws -> Document? { try Index.open(at: scratch.index, readOnly: true).snapshot().document(id: id, scope: .unrestricted) }

        func logged(_ fragments: String...) -> Bool { log.all.contains { line in fragments.allSatisfy { line.contains($0) } } }
    }

    @Test func nullTitleIsLoggedAndTheRestIndexed() throws {
        let f = try Fixture()
        try f.apply { db in try db.execute(sql: "UPDATE prompts SET title = NULL WHERE id = 2") }
        #expect(f.logged("prompts 2", "title is NULL"))
        let document = try #require(try f.document("2"))
        #expect(document.fields["title"] == nil)
        #expect(document.fields["content"] != nil)
    }

    @Test func promptOfADeletedCategory() throws {
        let f = try Fixture()
        // With foreign keys on, the site's schema sets the category to NULL: the prompt loses its path.
        let category = try #require(try f.store.read { db in try Int64.fetchOne(db, sql: "SELECT category_id FROM prompts WHERE id = 3") })
        try f.apply { db in try db.execute(sql: "DELETE FROM categories WHERE id = ?", arguments: [category]) }
        #expect(try f.document("3")?.fields["category.lvl0"] == nil)
        // With foreign keys off (a legacy writer), the id dangles: logged, indexed without a category.
        try f.store.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            try db.execute(sql: "UPDATE prompts SET category_id = 999 WHERE id = 4")
            try db.execute(sql: "PRAGMA foreign_keys = ON")
        }
        try f.tailer.catchUp()
        #expect(f.logged("prompts 4", "category_id 999 names no category"))
        let document = try #require(try f.document("4"))
        #expect(document.fields["category"] == nil && document.fields["category.lvl0"] == nil)
    }

    @Test func invalidUTF8InContentIsLoggedAndIndexed() throws {
        let f = try Fixture()
        try f.apply { db in try db.execute(sql: "UPDATE prompts SET content = CAST(x'6f6b20fffe20707974686f6e' AS TEXT) WHERE id = 5") }
        #expect(f.logged("prompts 5", "content", "invalid UTF-8"))
        guard case .string(let content) = try #require(try f.document("5")?.fields["content"]) else {
            Issue.record("content is not a string")
            return
        }
        #expect(content.hasPrefix("ok ") && content.hasSuffix(" python"))
    }

    @Test func changeNamingAVanishedIdOrAnUnknownEntity() throws {
        let f = try Fixture()
        try f.apply { db in
            try db.execute(sql: "INSERT INTO search_changes(entity, entity_id, op) VALUES ('prompt', 9999, 'update')")
            try db.execute(sql: "INSERT INTO search_changes(entity, entity_id, op) VALUES ('tag', 8888, 'update')")
            try db.execute(sql: "INSERT INTO search_changes(entity, entity_id, op) VALUES ('comment', 1, 'insert')")
            try db.execute(sql: "INSERT INTO search_changes(entity, entity_id, op) VALUES ('prompt', 'not-a-number', 'update')")
        }
        #expect(try f.document("9999") == nil)
        #expect(f.logged("entity 'comment'", "does not watch"))
        let last = try f.store.read { db in try ChangeLog.lastSequence(in: db) }
        #expect(f.tailer.cursor == last)
    }

    @Test func brokenStoresAreRefusedNamingTheTableOrColumn() throws {
        let scratch = try Scratch()
        let configuration = try SourceConfiguration.promptVault()
        let queue = try StoreConnection.create(scratch.store)
        try queue.write { db in try db.execute(sql: "CREATE TABLE prompts(id INTEGER PRIMARY KEY, body TEXT)") }
        #expect(throws: StoreError.missingTable("prompt_tags")) { try queue.write { db in try ChangeLog.install(configuration, in: db) } }
        do {
            _ = try IndexRebuilder(configuration: configuration).rebuild(storePath: scratch.store, into: scratch.index, log: { _ in })
            Issue.record("rebuild of a broken store succeeded")
        } catch {
            #expect("\(error)".contains("prompt_tags") || "\(error)".contains("no such"), "\(error)")
        }
        #expect(!FileManager.default.fileExists(atPath: scratch.index), "a failed rebuild left an index behind")

        let other = try Scratch()
        try other.makePromptVaultStore(TestStore.contents(seed: 1, prompts: 2))
        _ = try IndexRebuilder(configuration: configuration).rebuild(storePath: other.store, into: other.index, log: { _ in })
        try StoreConnection.open(other.store).write { db in try db.execute(sql: "ALTER TABLE prompts DROP COLUMN instructions") }
        #expect(throws: StoreError.self) { _ = try Tailer(storePath: other.store, indexPath: other.index, configuration: configuration, log: { _ in }) }
        do { _ = try Tailer(storePath: other.store, indexPath: other.index, configuration: configuration, log: { _ in }) } catch {
            #expect("\(error)".contains("instructions"), "\(error)")
        }
    }

    @Test func tailerRefusesALogTrimmedPastItsCursor() throws {
        let f = try Fixture()
        try f.store.write { db in
            try db.execute(sql: "UPDATE prompts SET title = 'a' WHERE id = 2")
            try db.execute(sql: "UPDATE prompts SET title = 'b' WHERE id = 3")
            try db.execute(sql: "DELETE FROM search_changes")
        }
        do {
            _ = try Tailer(storePath: f.scratch.store, indexPath: f.scratch.index, configuration: try SourceConfiguration.promptVault(), log: { _ in })
            Issue.record("no error")
        } catch { #expect("\(error)".contains("trimmed past")) }
    }
}
