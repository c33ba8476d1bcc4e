import Foundation
import GRDB
import Testing
import VaultCorpus
@testable import VaultIngest

@Suite struct StoreLoaderTests {
    @Test func loadsEveryTableAndDerivesCountersFromEvents() throws {
        let scratch = try Scratch()
        let contents = TestStore.contents(seed: 7, prompts: 60)
        let queue = try StoreConnection.create(scratch.store)
        try PromptVaultSchema.migrate(queue)
        let summary = try StoreLoader().load(contents, into: queue)
        #expect(summary.prompts == 60)
        #expect(summary.users == contents.users.count)
        // Oracle: the counters counted here from the event list, not by SQL.
        var views: [Int64: Int] = [:], copies: [Int64: Int] = [:], bookmarks: [Int64: Int] = [:]
        var ratings: [Int64: [Int]] = [:], forks: [Int64: Int] = [:]
        for event in contents.events {
            switch event.kind {
            case .view: views[event.promptID, default: 0] += 1
            case .copy: copies[event.promptID, default: 0] += 1
            case .bookmark: bookmarks[event.promptID, default: 0] += 1
            case .rating(let v): ratings[event.promptID, default: []].append(v)
            }
        }
        for prompt in contents.prompts { if let source = prompt.forkedFromID { forks[source, default: 0] += 1 } }
        try queue.read { db in
            for prompt in contents.prompts {
                let row = try #require(try Row.fetchOne(db, sql: "SELECT * FROM prompts WHERE id = ?", arguments: [prompt.id]))
                #expect(row["view_count"] as Int == views[prompt.id, default: 0])
                #expect(row["copy_count"] as Int == copies[prompt.id, default: 0])
                #expect(row["bookmark_count"] as Int == bookmarks[prompt.id, default: 0])
                #expect(row["fork_count"] as Int == forks[prompt.id, default: 0])
                let r = ratings[prompt.id, default: []]
                #expect(row["rating_count"] as Int == r.count)
                let average = r.isEmpty ? 0 : Double(r.reduce(0, +)) / Double(r.count)
                #expect(abs(row["rating_avg"] as Double - average) < 1e-9)
                #expect(row["title"] as String == prompt.title)
                let tagCount = try Int.fetchOne(db, sql: "SELECT count(*) FROM prompt_tags WHERE prompt_id = ?", arguments: [prompt.id])
                #expect(tagCount == prompt.tagIDs.count)
            }
        }
    }

    @Test func refusesANonEmptyStore() throws {
        let scratch = try Scratch()
        let queue = try scratch.makePromptVaultStore(TestStore.contents(seed: 1, prompts: 3))
        #expect(throws: StoreError.notEmpty(3)) { _ = try StoreLoader().load(TestStore.contents(seed: 2, prompts: 3), into: queue) }
    }

    @Test func schemaHasEveryTableOfTheSpec() throws {
        let queue = try DatabaseQueue()
        try PromptVaultSchema.migrate(queue)
        try queue.read { db in
            for table in PromptVaultSchema.tables { #expect(try db.tableExists(table), "missing \(table)") }
            // Every foreign key column is indexed.
            for table in PromptVaultSchema.tables {
                for fk in try db.foreignKeys(on: table) {
                    let column = fk.mapping[0].origin
                    let indexed = try db.indexes(on: table).contains { $0.columns.first == column }
                        || (try db.primaryKey(table).columns.first == column)
                    #expect(indexed, "\(table).\(column) has no index")
                }
            }
        }
        // Migrating again is a no-op.
        try PromptVaultSchema.migrate(queue)
    }
}
