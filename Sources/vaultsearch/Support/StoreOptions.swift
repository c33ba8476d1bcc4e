import ArgumentParser
import Foundation
import VaultIngest

/// The `--db PATH` and `--source FILE` options of the commands that read a primary store.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: "The primary store (a SQLite database).")
    var db: String

    @Option(
        name: .long,
        help: "The source configuration: a JSON file, or a shipped mapping by name (promptvault, folder-layout, listings); default: promptvault.")
    var source: String?

    /// The configuration named by `--source`, or the PromptVault default.
    func configuration() throws -> SourceConfiguration {
        if let source { return try SourceConfiguration.load(nameOrPath: source) }
        return try SourceConfiguration.promptVault()
    }
}

/// Log lines of ingestion on standard error, each with a time stamp.
enum IngestLog {
    /// Writes one line.
    static func line(_ text: String) {
        let stamp = String(format: "%.3f", Date().timeIntervalSince1970)
        FileHandle.standardError.write(Data("[\(stamp)] \(text)\n".utf8))
    }
}
