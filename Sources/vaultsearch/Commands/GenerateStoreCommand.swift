import ArgumentParser
import Foundation
import VaultIngest

/// `vaultsearch generate-store`: writes a generated PromptVault store of N prompts (for benchmarks).
struct GenerateStoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate-store",
        abstract: "Write a seeded PromptVault SQLite store of N prompts, streaming (for rebuild and tailing benchmarks).")

    @Option(name: .long, help: "The database to create (must not exist).")
    var store: String

    @Option(name: .long, parsing: .unconditional, help: "How many prompts.")
    var prompts: Int

    @Option(name: .long, help: "The seed.")
    var seed: UInt64 = 42

    @Option(name: .long, help: "Mean engagement events per prompt.")
    var eventsPerPrompt: Double = 20

    @Flag(name: .long, help: "Also install the change log (sources promptvault and listings).")
    var changeLog = false

    func validate() throws {
        if prompts < 1 || prompts > 10_000_000 { throw ValidationError("--prompts must be between 1 and 10000000") }
        if !(eventsPerPrompt >= 0 && eventsPerPrompt <= 1_000) { throw ValidationError("--events-per-prompt must be between 0 and 1000") }
    }

    func run() throws {
        if FileManager.default.fileExists(atPath: store) { throw CommandError("'\(store)' exists; refusing to overwrite it") }
        let queue = try StoreConnection.create(store)
        try PromptVaultSchema.migrate(queue)
        var bar = ProgressBar(label: "loading")
        let start = ContinuousClock.now
        let summary = try StoreLoader().load(GeneratedStore.contents(prompts: prompts, seed: seed, eventsPerPrompt: eventsPerPrompt), into: queue) { p in
            bar.update(done: UInt64(p.prompts), total: UInt64(p.promptCount), items: p.prompts, unit: "prompts")
        }
        bar.finish(items: summary.prompts, unit: "prompts")
        if changeLog {
            try queue.write { db in
                try ChangeLog.install(try SourceConfiguration.promptVault(), in: db)
                try ChangeLog.install(try SourceConfiguration.listings(), in: db)
            }
        }
        let seconds = (ContinuousClock.now - start) / .seconds(1)
        print("wrote \(summary.prompts) prompts, \(summary.listings) listings, \(summary.views + summary.copies + summary.ratings + summary.bookmarks) events to \(store) in \(String(format: "%.1f", seconds))s")
    }
}
