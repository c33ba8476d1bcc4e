import ArgumentParser
import Foundation
import VaultIngest

/// `vaultsearch install-triggers`: adds (or removes) the change log of an existing database.
struct InstallTriggersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "install-triggers",
        abstract: "Add the change log (table search_changes and its triggers) to an existing database.",
        discussion: """
            Idempotent: running it again re-creates the triggers from the source configuration in one \
            transaction. Several sources share one log (e.g. the prompts and the marketplace listings: \
            run it once with each --source); installing one keeps the others' triggers. A PromptVault store \
            this tool created is first brought up to the current schema (migrations such as \
            v4-engagement-counters, in place). --uninstall removes every source's triggers; --drop-table \
            also removes the log itself.
            """)

    @OptionGroup var store: StoreOptions

    @Flag(name: .long, help: "Remove the triggers instead.")
    var uninstall = false

    @Flag(name: .long, help: "With --uninstall: also drop the search_changes table.")
    var dropTable = false

    func validate() throws {
        if dropTable && !uninstall { throw ValidationError("--drop-table only goes with --uninstall") }
    }

    func run() throws {
        let queue = try StoreConnection.open(store.db)
        if uninstall {
            try queue.write { db in try ChangeLog.uninstall(dropTable: dropTable, in: db) }
            print("removed the change-log triggers\(dropTable ? " and table" : "") from \(store.db)")
            return
        }
        let configuration = try store.configuration()
        if configuration.name == "promptvault" {
            let upgraded = try PromptVaultSchema.upgradeInPlace(queue)
            if !upgraded.isEmpty { print("upgraded the store: \(upgraded.joined(separator: ", "))") }
        }
        let (triggers, sources) = try queue.write { db in
            try ChangeLog.install(configuration, in: db)
            return (try ChangeLog.installedTriggers(in: db), try ChangeLog.installedSourceNames(in: db))
        }
        print("installed \(ChangeLog.table) and \(triggers.count) triggers on \(configuration.watch.map(\.table).joined(separator: ", ")) in \(store.db) (sources: \(sources.joined(separator: ", ")))")
    }
}
