import GRDB
import Testing
@testable import VaultIngest

/// Properties checked:
/// 1. A store at "v1" upgrades in place: `prompt_views.visitor_fingerprint` appears, the counter
///    triggers are installed, existing rows and counters stay; a second upgrade applies nothing.
/// 2. From then on the counters follow every insert, delete, re-pointing and rating change in the
///    event's own transaction, equal to the event rows.
@Suite struct StoreMigrationTests {
    @Test func aV1StoreUpgradesInPlaceAndKeepsCounters() throws {
        let scratch = try Scratch()
        let queue = try StoreConnection.create(scratch.store)
        var v1 = DatabaseMigrator()
        v1.registerMigration("v1") { db in try db.execute(sql: PromptVaultSchema.v1) }
        try v1.migrate(queue)
        try queue.write { db in
            try db.execute(sql: "INSERT INTO users(id, username, display_name, created_at) VALUES (1, 'a', 'A', 0), (2, 'b', 'B', 0)")
            try db.execute(sql: "INSERT INTO prompts(id, slug, content, author_id, created_at, updated_at, view_count) VALUES (1, 'p1', 'x', 1, 0, 0, 1), (2, 'p2', 'y', 1, 0, 0, 0)")
            try db.execute(sql: "INSERT INTO prompt_views(prompt_id, user_id, viewed_at) VALUES (1, 2, 10)")
        }
        #expect(try PromptVaultSchema.upgradeInPlace(queue) == ["v2-marketplace", "v3-visitor-fingerprint", "v4-engagement-counters"])
        #expect(try PromptVaultSchema.upgradeInPlace(queue).isEmpty)
        try queue.write { db in
            try db.execute(sql: "INSERT INTO prompt_views(prompt_id, viewed_at, visitor_fingerprint) VALUES (1, 20, 'fp1'), (2, 21, 'fp2')")
            try db.execute(sql: "INSERT INTO prompt_copies(prompt_id, user_id, copied_at) VALUES (1, 2, 30), (1, 1, 31)")
            try db.execute(sql: "DELETE FROM prompt_copies WHERE copied_at = 31")
            try db.execute(sql: "UPDATE prompt_views SET prompt_id = 2 WHERE viewed_at = 20")
            try db.execute(sql: "INSERT INTO ratings(prompt_id, user_id, value, created_at) VALUES (1, 1, 5, 40), (1, 2, 2, 41)")
            try db.execute(sql: "UPDATE ratings SET value = 4 WHERE user_id = 2")
            try db.execute(sql: "INSERT INTO bookmarks(user_id, prompt_id, created_at) VALUES (2, 1, 50)")
        }
        let rows = try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT id, view_count, copy_count, rating_count, rating_avg, bookmark_count FROM prompts ORDER BY id")
        }
        #expect(rows.map { [$0[1], $0[2], $0[3], $0[5]] as [Int] } == [[1, 1, 2, 1], [2, 0, 0, 0]])
        #expect(rows[0][4] as Double == 4.5)
        #expect(try queue.read { db in try String.fetchOne(db, sql: "SELECT visitor_fingerprint FROM prompt_views WHERE viewed_at = 21") } == "fp2")
    }
}
