import Foundation
import GRDB
import Testing
@testable import VaultIngest

@Suite struct ChangeLogTests {
    @Test func installIsIdempotentAndUninstallRemovesEverything() throws {
        let configuration = try SourceConfiguration.promptVault()
        let queue = try DatabaseQueue()
        try PromptVaultSchema.migrate(queue)
        try queue.write { db in
            try ChangeLog.install(configuration, in: db)
            let first = try ChangeLog.installedTriggers(in: db)
            try ChangeLog.install(configuration, in: db)
            #expect(try ChangeLog.installedTriggers(in: db) == first)
            #expect(first.count == configuration.watch.count * 3)
            try ChangeLog.uninstall(dropTable: false, in: db)
            #expect(try ChangeLog.installedTriggers(in: db).isEmpty)
            #expect(try ChangeLog.isInstalled(in: db))
            try ChangeLog.uninstall(dropTable: true, in: db)
            #expect(!(try ChangeLog.isInstalled(in: db)))
        }
    }

    @Test func triggersRecordEntityIdAndOperation() throws {
        let scratch = try Scratch()
        let queue = try scratch.makePromptVaultStore(TestStore.contents(seed: 3, prompts: 5))
        try queue.write { db in
            try db.execute(sql: "UPDATE prompts SET title = 'x' WHERE id = 2")
            try db.execute(sql: "UPDATE tags SET name = 'renamed' WHERE id = 4")
            try db.execute(sql: "DELETE FROM prompt_tags WHERE prompt_id = 3")
            try db.execute(sql: "INSERT INTO prompts(id, slug, content, author_id, created_at, updated_at) VALUES (50, 's50', 'c', 1, 1, 1)")
            try db.execute(sql: "UPDATE prompts SET id = 99 WHERE id = 50")
            try db.execute(sql: "DELETE FROM prompts WHERE id = 1")
        }
        let rows = try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT entity, entity_id, op FROM search_changes ORDER BY seq").map {
                "\($0["entity"] as String) \($0["entity_id"] as Int64) \($0["op"] as String)"
            }
        }
        #expect(rows.first == "prompt 2 update")
        #expect(rows.contains("tag 4 update"))
        #expect(rows.contains("prompt 50 delete") && rows.contains("prompt 99 update"))
        #expect(rows.contains("prompt 1 delete"))
        let removedTags = try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM search_changes WHERE entity = 'prompt_tag' AND entity_id = 3") }
        let expectedTags = TestStore.contents(seed: 3, prompts: 5).prompts.first { $0.id == 3 }!.tagIDs.count
        #expect(removedTags == expectedTags)
    }
}
