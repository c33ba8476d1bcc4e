import Foundation
import GRDB
import Testing
import VaultIndex
@testable import VaultIngest

/// Several sources on one change log (the prompts and the listings of one store). Properties checked:
/// 1. Installing a second source keeps the first's triggers; the triggers are the union, a watch
///    both share is recorded once per change, and re-installing either is idempotent.
/// 2. Re-installing a source with fewer watches removes only the triggers no source needs any more.
/// 3. Triggers installed before the list of sources existed are kept when another source is
///    installed (under "(earlier install)"), and adopted silently by their own source.
/// 4. Two sources naming different tables with one entity are refused, naming both.
/// 5. A tailer whose watched tables the triggers do not record is refused at start (opening its
///    index or handed an open one), naming the table and the remedy.
/// 6. Each tailer follows the shared log without logging the other source's entities, and a
///    truly unknown entity is still logged.
@Suite struct ChangeLogSourcesTests {
    /// A second source over the PromptVault schema: the prompts, their authors and their comments.
    static func second(comments: Bool = true, commentEntity: String = "comment") throws -> SourceConfiguration {
        var configuration = try SourceConfiguration.promptVault()
        configuration.name = "second"
        configuration.watch = [
            .init(table: "prompts", entity: "prompt", id: "id", affects: nil),
            .init(table: "users", entity: "user", id: "id", affects: "SELECT id FROM prompts WHERE author_id IN (SELECT value FROM json_each(:ids))"),
        ]
        if comments { configuration.watch.append(.init(table: "comments", entity: commentEntity, id: "prompt_id", affects: nil)) }
        return configuration
    }

    static func tablesWithTriggers(_ db: Database) throws -> Set<String> {
        Set(try String.fetchAll(db, sql: "SELECT DISTINCT tbl_name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'search\\_changes\\_%' ESCAPE '\\'"))
    }

    @Test func aSecondSourceKeepsTheFirstsTriggers() throws {
        let promptVault = try SourceConfiguration.promptVault()
        let queue = try DatabaseQueue()
        try PromptVaultSchema.migrate(queue)
        try queue.write { db in
            try ChangeLog.install(promptVault, in: db)
            let first = try ChangeLog.installedTriggers(in: db)
            try ChangeLog.install(try Self.second(), in: db)
            let both = try ChangeLog.installedTriggers(in: db)
            #expect(Set(first).isSubset(of: Set(both)))
            #expect(try Self.tablesWithTriggers(db) == Set(promptVault.watch.map(\.table) + ["comments"]))
            #expect(try ChangeLog.installedSourceNames(in: db) == ["promptvault", "second"])
            try ChangeLog.install(promptVault, in: db)
            try ChangeLog.install(try Self.second(), in: db)
            #expect(try ChangeLog.installedTriggers(in: db) == both)
            #expect(try ChangeLog.unrecordedWatch(of: promptVault, in: db) == nil)
            #expect(try ChangeLog.unrecordedWatch(of: try Self.second(), in: db) == nil)

            try db.execute(sql: "INSERT INTO users(id, username, display_name, created_at) VALUES (1, 'u', 'U', 1)")
            try db.execute(sql: "UPDATE users SET display_name = 'V' WHERE id = 1")
            let userChanges = try String.fetchAll(db, sql: "SELECT entity || ' ' || entity_id || ' ' || op FROM search_changes WHERE entity = 'user' ORDER BY seq")
            #expect(userChanges == ["user 1 insert", "user 1 update"], "a watch two sources share is recorded once")
        }
    }

    @Test func reinstallingASourceReplacesOnlyItsOwnWatches() throws {
        let promptVault = try SourceConfiguration.promptVault()
        let queue = try DatabaseQueue()
        try PromptVaultSchema.migrate(queue)
        try queue.write { db in
            try ChangeLog.install(promptVault, in: db)
            try ChangeLog.install(try Self.second(), in: db)
            #expect(try Self.tablesWithTriggers(db).contains("comments"))
            try ChangeLog.install(try Self.second(comments: false), in: db)
            #expect(try Self.tablesWithTriggers(db) == Set(promptVault.watch.map(\.table)))
            #expect(try ChangeLog.unrecordedWatch(of: promptVault, in: db) == nil)
            try ChangeLog.uninstall(dropTable: false, in: db)
            #expect(try ChangeLog.installedTriggers(in: db).isEmpty && ChangeLog.installedSourceNames(in: db).isEmpty)
            #expect(try ChangeLog.unrecordedWatch(of: promptVault, in: db)?.table == "prompts")
        }
    }

    @Test func triggersFromBeforeTheSourceListAreKept() throws {
        let promptVault = try SourceConfiguration.promptVault()
        let queue = try DatabaseQueue()
        try PromptVaultSchema.migrate(queue)
        try queue.write { db in
            // A store whose change log was installed before search_changes_sources existed.
            try ChangeLog.install(promptVault, in: db)
            try db.execute(sql: "DROP TABLE search_changes_sources")
            #expect(try ChangeLog.installedWatches(in: db) == Set(promptVault.watch.map(RecordedWatch.init)))
            try ChangeLog.install(try Self.second(), in: db)
            #expect(try ChangeLog.unrecordedWatch(of: promptVault, in: db) == nil, "installing another source dropped the earlier triggers")
            #expect(try ChangeLog.installedSourceNames(in: db) == [ChangeLog.earlierInstall, "second"])

            // Re-installed by their own source, nothing is kept on the side.
            try ChangeLog.uninstall(dropTable: false, in: db)
            try ChangeLog.install(promptVault, in: db)
            try db.execute(sql: "DROP TABLE search_changes_sources")
            try ChangeLog.install(promptVault, in: db)
            #expect(try ChangeLog.installedSourceNames(in: db) == ["promptvault"])
        }
    }

    @Test func oneEntityForTwoTablesIsRefused() throws {
        let queue = try DatabaseQueue()
        try PromptVaultSchema.migrate(queue)
        try queue.write { db in
            try ChangeLog.install(try SourceConfiguration.promptVault(), in: db)
            let before = try ChangeLog.installedTriggers(in: db)
            do {
                try ChangeLog.install(try Self.second(commentEntity: "tag"), in: db)
                Issue.record("no error")
            } catch {
                #expect("\(error)".contains("entity 'tag'") && "\(error)".contains("tags.id") && "\(error)".contains("comments.prompt_id"), "\(error)")
            }
            #expect(try ChangeLog.installedTriggers(in: db) == before, "a refused install changed the triggers")
        }
    }

    @Test func aTailerWithoutItsTriggersIsRefused() throws {
        let scratch = try Scratch()
        try scratch.makePromptVaultStore(TestStore.contents(seed: 31, prompts: 5))
        let second = try Self.second()
        _ = try IndexRebuilder(configuration: second).rebuild(storePath: scratch.store, into: scratch.index, log: { _ in })
        #expect(throws: StoreError.triggersMissing(source: "second", table: "comments", entity: "comment")) {
            _ = try Tailer(storePath: scratch.store, indexPath: scratch.index, configuration: second, log: { _ in })
        }
        let shared = try Index.open(at: scratch.index)
        #expect(throws: StoreError.triggersMissing(source: "second", table: "comments", entity: "comment")) {
            _ = try Tailer(storePath: scratch.store, index: shared, configuration: second, log: { _ in })
        }
        #expect("\(StoreError.triggersMissing(source: "second", table: "comments", entity: "comment"))".contains("install-triggers --db PATH --source second"))
    }

    @Test func eachTailerFollowsTheSharedLogQuietly() throws {
        let scratch = try Scratch()
        let store = try scratch.makePromptVaultStore(TestStore.contents(seed: 32, prompts: 8))
        let promptVault = try SourceConfiguration.promptVault()
        let second = try Self.second()
        try store.write { db in try ChangeLog.install(second, in: db) }
        let secondIndex = scratch.path + "/second"
        _ = try IndexRebuilder(configuration: promptVault).rebuild(storePath: scratch.store, into: scratch.index, log: { _ in })
        _ = try IndexRebuilder(configuration: second).rebuild(storePath: scratch.store, into: secondIndex, log: { _ in })
        let log = LogLines()
        let first = try Tailer(storePath: scratch.store, indexPath: scratch.index, configuration: promptVault, log: log.sink)
        let other = try Tailer(storePath: scratch.store, indexPath: secondIndex, configuration: second, log: log.sink)
        try store.write { db in
            try db.execute(sql: "INSERT INTO comments(prompt_id, user_id, body, created_at) VALUES (3, 1, 'nice', 1)")
            try db.execute(sql: "UPDATE tags SET name = 'renamed' WHERE id = 1")
            try db.execute(sql: "UPDATE prompts SET title = 'shared change' WHERE id = 2")
        }
        try first.catchUp()
        try other.catchUp()
        #expect(log.all.isEmpty, "\(log.all)")
        #expect(first.cursor == other.cursor)
        for path in [scratch.index, secondIndex] {
            let snapshot = try Index.open(at: path, readOnly: true).snapshot()
            #expect(try snapshot.document(id: "2", scope: .unrestricted)?.fields["title"] == .string("shared change"))
        }
        try store.write { db in try db.execute(sql: "INSERT INTO search_changes(entity, entity_id, op) VALUES ('no-such-entity', 1, 'insert')") }
        try first.catchUp()
        #expect(log.all.contains { $0.contains("entity 'no-such-entity'") && $0.contains("does not watch") })
    }
}
