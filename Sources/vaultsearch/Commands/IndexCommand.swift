import ArgumentParser
import Foundation
import VaultEval
import VaultIndex
import VaultIngest

/// `vaultsearch index`: builds an index from a BEIR corpus, or rebuilds one from a primary store.
struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Build an index from a BEIR corpus (--corpus), or rebuild one from a store (--rebuild --db).",
        discussion: """
            The index is built beside DIR and moved into place only when complete: a failed build \
            leaves the previous index untouched. A line that is not a valid document stops the build \
            with its file and line, unless --skip-invalid is given. With --rebuild, every document and \
            the change log's position are read in one snapshot of the store, so `vaultsearch tail` \
            continues from the rebuilt index without a gap.
            """)

    @Option(name: .long, help: "The corpus file (BEIR corpus.jsonl).")
    var corpus: String?

    @Flag(name: .long, help: "Rebuild from the primary store given by --db.")
    var rebuild = false

    @Option(name: .long, help: "With --rebuild: the primary store (a SQLite database).")
    var db: String?

    @Option(name: .long, help: "With --rebuild: the source configuration (a JSON file, or promptvault, folder-layout, listings); default: promptvault.")
    var source: String?

    @OptionGroup var indexOptions: IndexOptions

    @Option(name: .long, parsing: .unconditional, help: "Documents per write transaction.")
    var batchSize = 5_000

    @Flag(name: .long, help: "Skip (and report) invalid lines instead of stopping.")
    var skipInvalid = false

    func validate() throws {
        if batchSize < 1 || batchSize > 1_000_000 { throw ValidationError("--batch-size must be between 1 and 1000000") }
        switch (corpus, rebuild) {
        case (nil, false): throw ValidationError("give --corpus FILE, or --rebuild --db PATH")
        case (.some, true): throw ValidationError("--corpus and --rebuild exclude each other")
        case (nil, true) where db == nil: throw ValidationError("--rebuild needs --db PATH")
        case (.some, false) where db != nil || source != nil: throw ValidationError("--db and --source go with --rebuild")
        default: break
        }
    }

    func run() throws {
        if let corpus { try buildFromCorpus(corpus) } else { try rebuildFromStore(db!) }
    }

    private func rebuildFromStore(_ db: String) throws {
        let configuration = try source.map(SourceConfiguration.load(nameOrPath:)) ?? SourceConfiguration.promptVault()
        var rebuilder = IndexRebuilder(configuration: configuration)
        rebuilder.batchSize = batchSize
        var bar = ProgressBar(label: "rebuilding")
        let outcome = try rebuilder.rebuild(storePath: db, into: indexOptions.index, log: IngestLog.line) { progress in
            bar.update(done: UInt64(progress.documents), total: UInt64(progress.total), items: progress.documents, unit: "docs")
        }
        bar.finish(items: outcome.documents, unit: "docs")
        if !outcome.hasChangeLog {
            IngestLog.line("note: \(db) has no change log; run `vaultsearch install-triggers --db \(db)` before tailing it")
        }
        print(String(format: "rebuilt %d documents into %@ in %.2fs (%.2fs building documents in SQLite, %.2fs indexing), cursor %lld",
                     outcome.documents, indexOptions.index, outcome.seconds, outcome.readSeconds, outcome.applySeconds, outcome.cursor))
    }

    private func buildFromCorpus(_ corpus: String) throws {
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
