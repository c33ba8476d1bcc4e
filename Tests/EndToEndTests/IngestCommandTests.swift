import Foundation
import GRDB
import Synchronization
import Testing

/// The store commands end to end. Properties checked:
/// 1. `demo` creates data/promptvault.sqlite from the sample corpus, installs the change log,
///    builds data/promptvault.index and data/listings.index and prints example hits; a second run
///    keeps the store.
/// 2. `install-triggers` is idempotent (also with `--source listings`, keeping the prompts'
///    triggers), `--uninstall` removes the triggers, `--drop-table` the log.
/// 3. A change committed to the store is searchable after `tail --once`, and a deleted prompt is
///    gone; a listing made cheap is first in the listings index's `price:asc` page.
/// 4. `tail` stops cleanly on SIGTERM, logging its cursor.
/// 5. A mapping file with a typo, a store without the change log and a store without the expected
///    tables are refused with an error naming the key, the remedy or the table; nothing is created.
@Suite struct IngestCommandTests {
    static func triggers(_ path: URL) throws -> [String] {
        try DatabaseQueue(path: path.path).read { db in
            // The change log's own triggers (the store's counter triggers, migration v4, are not its).
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'search_changes_%' ORDER BY name")
        }
    }

    /// Runs SQL on a database (synchronously: in async code GRDB would pick its async API).
    static func execute(_ path: URL, _ sql: String) throws {
        try DatabaseQueue(path: path.path).write { db in try db.execute(sql: sql) }
    }

    static func tableExists(_ path: URL, _ table: String) throws -> Bool {
        try DatabaseQueue(path: path.path).read { db in try db.tableExists(table) }
    }

    @Test func demoThenTailThenSearch() async throws {
        let workspace = try Workspace()
        let demo = try await workspace.vaultsearch("demo", "--no-serve")
        expectSuccess(demo)
        #expect(demo.stdout.contains("search python debugging"))
        #expect(workspace.exists("data/promptvault.sqlite") && workspace.exists("data/promptvault.index/data.mdb"))
        #expect(workspace.exists("data/listings.index/data.mdb") && demo.stdout.contains("--filter \"price < 2000\" --sort price:asc"))
        let again = try await workspace.vaultsearch("demo", "--no-serve")
        expectSuccess(again)
        #expect(!again.stdout.contains("creating data/promptvault.sqlite"))

        let store = workspace.url("data/promptvault.sqlite")
        let first = try await workspace.vaultsearch("install-triggers", "--db", "data/promptvault.sqlite")
        expectSuccess(first)
        let installed = try Self.triggers(store)
        #expect(installed.count == 33, "the six tables of the prompts, its four engagement tables and the listings table, three triggers each")
        try await expectSuccessOf(await workspace.vaultsearch("install-triggers", "--db", "data/promptvault.sqlite"))
        let listings = try await workspace.vaultsearch("install-triggers", "--db", "data/promptvault.sqlite", "--source", "listings")
        expectSuccess(listings)
        #expect(listings.stdout.contains("sources: listings, promptvault"))
        #expect(try Self.triggers(store) == installed)

        try Self.execute(store, "UPDATE listings SET title = 'Zebrafish starter pack', price_cents = 0, status = 'active' WHERE id = 5")
        try await expectSuccessOf(
            await workspace.vaultsearch("tail", "--once", "--db", "data/promptvault.sqlite", "--source", "listings", "--index", "data/listings.index"))
        let cheapest = try await workspace.vaultsearch(
            "search", "--index", "data/listings.index", "--filter", "price < 2000", "--sort", "price:asc", "zebrafish")
        expectSuccess(cheapest)
        #expect(cheapest.stdout.contains("Zebrafish starter pack"), "\(cheapest)")

        try Self.execute(store, "UPDATE prompts SET title = 'Zebrafish habitat planner' WHERE id = 1; DELETE FROM prompts WHERE id = 2")
        let tail = try await workspace.vaultsearch("tail", "--once", "--db", "data/promptvault.sqlite", "--index", "data/promptvault.index")
        expectSuccess(tail)
        let hit = try await workspace.vaultsearch("search", "--index", "data/promptvault.index", "zebrafish")
        expectSuccess(hit)
        #expect(hit.stdout.contains("Zebrafish habitat planner"), "\(hit)")
        try await expectFailureOf(
            await workspace.vaultsearch("inspect", "document", "--index", "data/promptvault.index", "2"),
            mentioning: "no document with id '2'")

        try await expectSuccessOf(await workspace.vaultsearch("install-triggers", "--db", "data/promptvault.sqlite", "--uninstall"))
        #expect(try Self.triggers(store).isEmpty)
        try await expectSuccessOf(await workspace.vaultsearch("install-triggers", "--db", "data/promptvault.sqlite", "--uninstall", "--drop-table"))
        let stillThere = try Self.tableExists(store, "search_changes")
        #expect(!stillThere)
        try await expectFailureOf(
            await workspace.vaultsearch("tail", "--once", "--db", "data/promptvault.sqlite", "--index", "data/promptvault.index"),
            mentioning: "install-triggers")
    }

    @Test func tailStopsOnSIGTERM() async throws {
        let workspace = try Workspace()
        try await expectSuccessOf(await workspace.vaultsearch("demo", "--no-serve"))
        let executable = try #require(Binary.executable)
        let process = Process()
        process.executableURL = executable
        process.arguments = ["tail", "--db", "data/promptvault.sqlite", "--index", "data/promptvault.index"]
        process.currentDirectoryURL = workspace.directory
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        let received = Mutex(Data())
        errors.fileHandleForReading.readabilityHandler = { handle in
            let chunk = handle.availableData
            received.withLock { $0.append(chunk) }
        }
        try process.run()
        // SIGTERM once the tailer says it is tailing (its handlers are installed by then), however slow the start.
        let started = ContinuousClock.now
        while !String(decoding: received.withLock { $0 }, as: UTF8.self).contains("tailing "), ContinuousClock.now - started < .seconds(120) {
            try await Task.sleep(for: .milliseconds(50))
        }
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        errors.fileHandleForReading.readabilityHandler = nil
        let rest = errors.fileHandleForReading.readDataToEndOfFile()
        let text = String(decoding: received.withLock { $0 } + rest, as: UTF8.self)
        #expect(process.terminationReason == .exit && process.terminationStatus == 0, "\(text)")
        #expect(text.contains("stopped at cursor"), "\(text)")
    }

    @Test func badMappingAndBrokenStoresAreRefused() async throws {
        let workspace = try Workspace()
        try await expectSuccessOf(await workspace.vaultsearch("demo", "--no-serve"))
        let shipped = try String(contentsOf: Binary.packageRoot.appendingPathComponent("Sources/VaultIngest/Mappings/promptvault.json"), encoding: .utf8)
        try workspace.write("typo.json", shipped.replacingOccurrences(of: "\"filterable\": true, \"facetable\": true }", with: "\"filtrable\": true, \"facetable\": true }"))
        try await expectFailureOf(
            await workspace.vaultsearch("index", "--rebuild", "--db", "data/promptvault.sqlite", "--source", "typo.json", "--index", "other"),
            mentioning: "typo.json", "filtrable", "did you mean 'filterable'")
        #expect(!workspace.exists("other"))

        try Self.execute(workspace.url("empty.sqlite"), "CREATE TABLE notes(id INTEGER PRIMARY KEY)")
        try await expectFailureOf(
            await workspace.vaultsearch("index", "--rebuild", "--db", "empty.sqlite", "--index", "other"),
            mentioning: "no table 'prompts'")
        try await expectFailureOf(await workspace.vaultsearch("install-triggers", "--db", "empty.sqlite"), mentioning: "no table 'prompts'")
        try await expectFailureOf(await workspace.vaultsearch("install-triggers", "--db", "absent.sqlite"), mentioning: "absent.sqlite", "no such database file")
        #expect(!workspace.exists("other") && !workspace.exists("absent.sqlite"))
    }
}

/// ``expectSuccess(_:sourceLocation:)`` of a command still to run.
func expectSuccessOf(_ result: @autoclosure () async throws -> CommandResult, sourceLocation: SourceLocation = #_sourceLocation) async throws {
    expectSuccess(try await result(), sourceLocation: sourceLocation)
}

/// ``expectFailure(_:mentioning:sourceLocation:)`` of a command still to run.
func expectFailureOf(
    _ result: @autoclosure () async throws -> CommandResult, mentioning phrases: String..., sourceLocation: SourceLocation = #_sourceLocation
) async throws {
    let finished = try await result()
    for phrase in phrases { expectFailure(finished, mentioning: phrase, sourceLocation: sourceLocation) }
    if phrases.isEmpty { expectFailure(finished, sourceLocation: sourceLocation) }
}
