import ArgumentParser
import Foundation
import VaultEval
import VaultIndex

/// `vaultsearch index`: builds an index from a BEIR corpus.
struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Build an index from a BEIR corpus (JSONL: _id or id, title, text).",
        discussion: """
            The index is built beside DIR and moved into place only when complete: a failed build \
            leaves the previous index untouched. A line that is not a valid document stops the build \
            with its file and line, unless --skip-invalid is given.
            """)

    @Option(name: .long, help: "The corpus file (BEIR corpus.jsonl).")
    var corpus: String

    @OptionGroup var indexOptions: IndexOptions

    @Option(name: .long, parsing: .unconditional, help: "Documents per write transaction.")
    var batchSize = 5_000

    @Flag(name: .long, help: "Skip (and report) invalid lines instead of stopping.")
    var skipInvalid = false

    func validate() throws {
        if batchSize < 1 || batchSize > 1_000_000 { throw ValidationError("--batch-size must be between 1 and 1000000") }
    }

    func run() throws {
        var indexer = CorpusIndexer(settings: .beir)
        indexer.batchSize = batchSize
        indexer.skipInvalid = skipInvalid
        var bar = ProgressBar(label: "indexing")
        let outcome = try indexer.build(corpus: corpus, into: indexOptions.index) { progress in
            bar.update(done: progress.bytesRead, total: progress.totalBytes, items: progress.documents, unit: "docs")
        }
        bar.finish(items: outcome.documents, unit: "docs")
        for error in outcome.skipped { FileHandle.standardError.write(Data("skipped \(error)\n".utf8)) }
        if outcome.skippedCount > 0 {
            let shown = outcome.skippedCount > outcome.skipped.count ? " (the first \(outcome.skipped.count) shown above)" : ""
            FileHandle.standardError.write(Data("skipped \(outcome.skippedCount) invalid lines in all\(shown)\n".utf8))
        }
        print("indexed \(outcome.documents) documents into \(indexOptions.index) in \(String(format: "%.2f", outcome.seconds))s")
    }
}
