import Foundation
import GRDB
import Testing
import VaultIndex
@testable import VaultIngest

/// Properties checked:
/// 1. With `trim`, the log holds nothing up to the committed cursor after a step, and a later
///    tailer (or restart) still starts without a gap.
/// 2. A rebuild swapped in under a running tailer is picked up (`reopenIfSwapped`), and tailing
///    continues from the rebuilt index's cursor: changes committed after the rebuild's snapshot
///    are applied, none before it are needed.
/// 3. A tailer refuses an index built from another source configuration.
@Suite struct TailerTests {
    @Test func trimDeletesAppliedChangesOnly() throws {
        let scratch = try Scratch()
        let store = try scratch.makePromptVaultStore(TestStore.contents(seed: 21, prompts: 10))
        let configuration = try SourceConfiguration.promptVault()
        _ = try IndexRebuilder(configuration: configuration).rebuild(storePath: scratch.store, into: scratch.index, log: { _ in })
        var options = Tailer.Options()
        options.trim = true
        options.batchSize = 2
        let tailer = try Tailer(storePath: scratch.store, indexPath: scratch.index, configuration: configuration, options: options, log: { _ in })
        try store.write { db in
            for id in 1...5 { try db.execute(sql: "UPDATE prompts SET title = 'trimmed \(id)' WHERE id = ?", arguments: [id]) }
        }
        let report = try #require(try tailer.step())
        #expect(report.trimmed == 2)
        let (minimum, count) = try store.read { db in
            (try Int64.fetchOne(db, sql: "SELECT min(seq) FROM search_changes"), try Int.fetchOne(db, sql: "SELECT count(*) FROM search_changes"))
        }
        #expect(minimum == tailer.cursor + 1 && count == 3)
        try tailer.catchUp()
        #expect(try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM search_changes") } == 0)
        // A restart after a full trim: the high-water mark in sqlite_sequence shows nothing is missing.
        _ = try Tailer(storePath: scratch.store, indexPath: scratch.index, configuration: configuration, log: { _ in })
    }

    @Test func rebuildSwappedUnderATailerIsPickedUp() throws {
        let scratch = try Scratch()
        let store = try scratch.makePromptVaultStore(TestStore.contents(seed: 22, prompts: 10))
        let configuration = try SourceConfiguration.promptVault()
        _ = try IndexRebuilder(configuration: configuration).rebuild(storePath: scratch.store, into: scratch.index, log: { _ in })
        let tailer = try Tailer(storePath: scratch.store, indexPath: scratch.index, configuration: configuration, log: { _ in })
        try store.write { db in try db.execute(sql: "UPDATE prompts SET title = 'before rebuild' WHERE id = 1") }
        let outcome = try IndexRebuilder(configuration: configuration).rebuild(storePath: scratch.store, into: scratch.index, log: { _ in })
        try store.write { db in try db.execute(sql: "UPDATE prompts SET title = 'after rebuild' WHERE id = 2") }
        #expect(try tailer.reopenIfSwapped())
        #expect(tailer.cursor == outcome.cursor)
        try tailer.catchUp()
        let snapshot = try Index.open(at: scratch.index, readOnly: true).snapshot()
        #expect(try snapshot.document(id: "1", scope: .unrestricted)?.fields["title"] == .string("before rebuild"))
        #expect(try snapshot.document(id: "2", scope: .unrestricted)?.fields["title"] == .string("after rebuild"))
        #expect(try snapshot.ingestCursor()?.sequence == (try store.read { db in try ChangeLog.lastSequence(in: db) }))
    }

    @Test func refusesAnIndexOfAnotherSource() throws {
        let scratch = try Scratch()
        try scratch.makePromptVaultStore(TestStore.contents(seed: 23, prompts: 3))
        var other = try SourceConfiguration.promptVault()
        other.name = "something-else"
        _ = try IndexRebuilder(configuration: other).rebuild(storePath: scratch.store, into: scratch.index, log: { _ in })
        #expect(throws: StoreError.sourceMismatch(index: scratch.index, expected: "promptvault", found: "something-else")) {
            _ = try Tailer(storePath: scratch.store, indexPath: scratch.index, configuration: try SourceConfiguration.promptVault(), log: { _ in })
        }
    }
}

/// A second tailer on the same index cannot move the cursor backwards: the one that read an
/// outdated cursor fails its batch, writing nothing.
@Suite struct TwoTailersTests {
    @Test func secondTailerOnTheSameIndexIsRefusedAtCommit() throws {
        let scratch = try Scratch()
        let store = try scratch.makePromptVaultStore(TestStore.contents(seed: 24, prompts: 5))
        let configuration = try SourceConfiguration.promptVault()
        _ = try IndexRebuilder(configuration: configuration).rebuild(storePath: scratch.store, into: scratch.index, log: { _ in })
        let first = try Tailer(storePath: scratch.store, indexPath: scratch.index, configuration: configuration, log: { _ in })
        let second = try Tailer(storePath: scratch.store, indexPath: scratch.index, configuration: configuration, log: { _ in })
        try store.write { db in try db.execute(sql: "UPDATE prompts SET title = 'one' WHERE id = 1") }
        try first.catchUp()
        #expect(throws: TailerError.self) { try second.step() }
        #expect(try Index.open(at: scratch.index, readOnly: true).ingestCursor()?.sequence == first.cursor)
    }
}
