import ArgumentParser
import Foundation
import GRDB
import VaultCorpus
import VaultIndex
import VaultIngest

/// `vaultsearch demo`: creates the PromptVault store from the sample corpus (or a generated one),
/// installs its change log, rebuilds the index from it and runs example searches.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Create data/promptvault.sqlite from Corpus/PromptVault, index it, and run example searches.",
        discussion: """
            The store is created only when absent (delete it to start over). --size N uses the seeded \
            store generator instead of the sample: data/generated-N-SEED.sqlite. Then `vaultsearch tail \
            --db data/promptvault.sqlite --index data/promptvault.index` follows changes to the store.
            """)

    @Option(name: .long, help: "The data folder.")
    var data = "data"

    @Option(name: .long, parsing: .unconditional, help: "Use a generated store of this many prompts instead of the sample.")
    var size: Int?

    @Option(name: .long, help: "The seed of generated engagement events (and of --size stores).")
    var seed: UInt64 = 42

    @Option(name: .long, help: "The sample corpus folder (default: Corpus/PromptVault here, else the source tree's).")
    var corpus: String?

    static let exampleQueries = [
        "python debugging", "cover letter", "cinematic portrait", "linkedin post", "excel formula",
        "pyhton debuger", "midjurney portrait", "linkedin po",  // typos and a half-typed word
    ]

    func validate() throws {
        if let size, size < 1 || size > 10_000_000 { throw ValidationError("--size must be between 1 and 10000000") }
    }

    func run() throws {
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        let name = size.map { "generated-\($0)-\(seed)" } ?? "promptvault"
        let storePath = "\(data)/\(name).sqlite"
        let indexPath = "\(data)/\(name).index"
        if !FileManager.default.fileExists(atPath: storePath) { try createStore(storePath) }
        let configuration = try SourceConfiguration.promptVault()
        let queue = try StoreConnection.open(storePath)
        try queue.write { db in try ChangeLog.install(configuration, in: db) }
        print("change log installed in \(storePath)")
        var bar = ProgressBar(label: "indexing")
        let outcome = try IndexRebuilder(configuration: configuration).rebuild(storePath: storePath, into: indexPath, log: IngestLog.line) { p in
            bar.update(done: UInt64(p.documents), total: UInt64(p.total), items: p.documents, unit: "docs")
        }
        bar.finish(items: outcome.documents, unit: "docs")
        try runExampleSearches(indexPath)
        print("\nindex at \(indexPath); try: vaultsearch search --index \(indexPath) \"your query\"")
        print("follow changes: vaultsearch tail --db \(storePath) --index \(indexPath)")
    }

    private func createStore(_ path: String) throws {
        let contents: StoreContents
        if let size {
            print("generating a store of \(size) prompts (seed \(seed)) into \(path)…")
            contents = GeneratedStore.contents(prompts: size, seed: seed)
        } else {
            let folder = corpus.map { URL(fileURLWithPath: $0) }
                ?? (FileManager.default.fileExists(atPath: "Corpus/PromptVault/users.json")
                    ? URL(fileURLWithPath: "Corpus/PromptVault") : SampleStore.bundledFolder)
            let sample = try SampleStore(folder: folder, now: Int64(Date().timeIntervalSince1970))
            print("creating \(path) from \(folder.path) (\(sample.prompts.count) prompts, \(sample.users.count) users)…")
            contents = sample.contents(seed: seed)
        }
        let staging = path + ".creating"
        try? FileManager.default.removeItem(atPath: staging)
        do {
            let queue = try StoreConnection.create(staging)
            try PromptVaultSchema.migrate(queue)
            var bar = ProgressBar(label: "loading")
            let summary = try StoreLoader().load(contents, into: queue) { p in
                bar.update(done: UInt64(p.prompts), total: UInt64(max(p.promptCount, 1)), items: p.prompts + p.events, unit: "rows")
            }
            bar.finish(items: summary.prompts, unit: "prompts")
            print("loaded \(summary.prompts) prompts, \(summary.views) views, \(summary.copies) copies, \(summary.ratings) ratings, \(summary.bookmarks) bookmarks")
            try queue.close()
            try FileManager.default.moveItem(atPath: staging, toPath: path)
        } catch {
            try? FileManager.default.removeItem(atPath: staging)
            throw error
        }
    }

    /// Runs the example queries, showing public, published prompts only (what a visitor may see).
    private func runExampleSearches(_ indexPath: String) throws {
        let index = try Index.open(at: indexPath, readOnly: true)
        let searcher = try Searcher(index: index)
        let snapshot = try index.snapshot()
        for query in Self.exampleQueries {
            let start = ContinuousClock.now
            // The engine's scope keeps private, unlisted and draft prompts out of the hits.
            let results = try searcher.search(query, scope: .publicOnly, options: SearchOptions(limit: 3), in: snapshot)
            let ms = (ContinuousClock.now - start) / .milliseconds(1)
            print("\nsearch \(query)  (\(String(format: "%.3f", ms)) ms)")
            for hit in results.hits {
                guard let document = try snapshot.document(number: hit.documentNumber, scope: .publicOnly) else { continue }
                let category = document.fields["category"].flatMap { if case .string(let s) = $0 { s } else { nil } } ?? "-"
                let title = document.fields["title"].flatMap { if case .string(let s) = $0 { s } else { nil } } ?? "(untitled)"
                print(String(format: "  %-6@ %7.3f  %@  [%@]", hit.id, hit.score, title, category))
            }
        }
        // Facets over every match, and a filtered, sorted placeholder search: what a category page asks.
        var faceted = SearchOptions(limit: 0)
        faceted.facets = ["tags", "category.lvl0", "model"]
        faceted.maxValuesPerFacet = 4
        let facets = try searcher.search("python", scope: .publicOnly, options: faceted, in: snapshot)
        print("\nsearch python --facets tags,category.lvl0,model  (\(facets.estimatedTotalHits) matching)")
        for facet in faceted.facets {
            print("  \(facet): " + (facets.facetDistribution[facet] ?? []).map { "\($0.value) \($0.count)" }.joined(separator: ", "))
        }
        var page = SearchOptions()
        page.filter = try FilterParser.parse("category.lvl0 = coding AND ratingCount >= 1")
        page.sort = [SortKey(field: "ratingAvg", descending: true), SortKey(field: "createdAt", descending: true)]
        page.page = 1
        page.hitsPerPage = 3
        let top = try searcher.search("", scope: .publicOnly, options: page, in: snapshot)
        print("\nsearch \"\" --filter \"category.lvl0 = coding AND ratingCount >= 1\" --sort ratingAvg:desc,createdAt:desc --hits-per-page 3  (\(top.totalHits ?? 0) in all)")
        for hit in top.hits {
            guard let document = try snapshot.document(number: hit.documentNumber, scope: .publicOnly) else { continue }
            let title = document.fields["title"].flatMap { if case .string(let s) = $0 { s } else { nil } } ?? "(untitled)"
            let rating = document.fields["ratingAvg"].flatMap { if case .number(let n) = $0 { n } else { nil } } ?? 0
            print(String(format: "  %-6@ %4.2f★  %@", hit.id, rating, title))
        }
    }
}
