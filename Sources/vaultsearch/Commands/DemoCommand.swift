import ArgumentParser
import Foundation
import GRDB
import VaultCorpus
import VaultIndex
import VaultIngest
import VaultServer
import Logging

/// `vaultsearch demo`: creates the PromptVault store from the sample corpus (or a generated one),
/// upgrades an existing one in place, installs the change log of its two sources (prompts and the
/// marketplace listings), rebuilds both indexes from it, runs example searches and serves both.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Create data/promptvault.sqlite from Corpus/PromptVault, index its prompts and listings, run example searches, then serve both.",
        discussion: """
            The store is created only when absent (delete it to start over); an existing one is migrated \
            in place. --size N uses the seeded store generator instead of the sample: \
            data/generated-N-SEED.sqlite. The prompts go to data/promptvault.index (index uid prompts), \
            the marketplace listings to data/listings.index (uid listings). Then the daemon serves both \
            over HTTP (--http) and a Unix socket (--socket), following changes to the store, until \
            Ctrl-C (--no-serve stops after the example searches).
            """)

    @Flag(name: .customLong("no-serve"), help: "Stop after the example searches instead of serving.")
    var noServe = false

    @Option(name: .long, help: "The TCP listener of the daemon.")
    var http = "127.0.0.1:7700"

    @Option(name: .long, help: "The Unix socket of the daemon (default DATA/vaultsearch.sock).")
    var socket: String?

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

    func run() async throws {
        let (storePath, indexPath, listingsPath) = try buildStoreAndIndexes()
        try runExampleSearches(indexPath)
        try runListingSearches(listingsPath)
        print("\nindex at \(indexPath); try: vaultsearch search --index \(indexPath) \"your query\"")
        print("listings at \(listingsPath); try: vaultsearch search --index \(listingsPath) --filter \"price < 2000\" --sort price:asc \"\"")
        if noServe {
            print("follow changes: vaultsearch tail --db \(storePath) --index \(indexPath)")
            print("          and: vaultsearch tail --db \(storePath) --source listings --index \(listingsPath)")
            return
        }
        try await serve(indexes: [
            IndexDefinition(uid: "prompts", mapping: "promptvault", store: storePath, path: indexPath),
            IndexDefinition(uid: "listings", mapping: "listings", store: storePath, path: listingsPath),
        ])
    }

    /// Creates the store when absent (else migrates it in place), installs the change log of both
    /// sources, rebuilds both indexes; (store, prompts index, listings index).
    private func buildStoreAndIndexes() throws -> (String, String, String) {
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        let name = size.map { "generated-\($0)-\(seed)" } ?? "promptvault"
        let storePath = "\(data)/\(name).sqlite"
        let indexPath = "\(data)/\(name).index"
        let listingsPath = size == nil ? "\(data)/listings.index" : "\(data)/\(name)-listings.index"
        if !FileManager.default.fileExists(atPath: storePath) { try createStore(storePath) }
        let configuration = try SourceConfiguration.promptVault()
        let listings = try SourceConfiguration.listings()
        let queue = try StoreConnection.open(storePath)
        try PromptVaultSchema.migrate(queue)  // a store made before "v2-marketplace" gains its tables, empty
        try queue.write { db in
            try ChangeLog.install(configuration, in: db)
            try ChangeLog.install(listings, in: db)
        }
        try queue.close()
        print("change log installed in \(storePath) (sources promptvault, listings)")
        try rebuild(configuration, storePath, into: indexPath, label: "indexing")
        try rebuild(listings, storePath, into: listingsPath, label: "listings")
        return (storePath, indexPath, listingsPath)
    }

    private func rebuild(_ configuration: SourceConfiguration, _ storePath: String, into indexPath: String, label: String) throws {
        var bar = ProgressBar(label: label)
        let outcome = try IndexRebuilder(configuration: configuration).rebuild(storePath: storePath, into: indexPath, log: IngestLog.line) { p in
            bar.update(done: UInt64(p.documents), total: UInt64(p.total), items: p.documents, unit: "docs")
        }
        bar.finish(items: outcome.documents, unit: "docs")
    }

    /// Serves `indexes` until SIGINT/SIGTERM, after printing example requests for TCP and the socket.
    private func serve(indexes: [IndexDefinition]) async throws {
        var configuration = ServerConfiguration()
        configuration.http = http
        configuration.socket = socket ?? "\(data)/vaultsearch.sock"
        configuration.dataDirectory = data
        configuration.indexes = indexes
        configuration.logLevel = "notice"
        guard let address = configuration.httpAddress else { throw ValidationError("--http must be host:port") }
        LoggingSystem.bootstrap(StreamLogHandler.standardError)
        var logger = Logger(label: "vaultsearch")
        logger.logLevel = .notice
        let daemon = try await buildApplication(configuration, logger: logger)
        let base = "http://\(address.host):\(address.port)"
        let socketPath = configuration.socket!
        print("""

            serving \(indexes.map(\.uid).joined(separator: " and ")) on \(base) and \(socketPath) (Ctrl-C stops); try:
              curl '\(base)/indexes/prompts/search?q=pyhton%20debuging&limit=3&attributesToRetrieve=id,title'
              curl -X POST '\(base)/indexes/prompts/search' -H 'Content-Type: application/json' \\
                   -d '{"q":"cover letter","facets":["tags","model"],"filter":"ratingCount >= 1","sort":["ratingAvg:desc"],"limit":3}'
              curl --unix-socket \(socketPath) 'http://localhost/indexes/prompts/search?q=linkedin%20po&limit=3'
              curl '\(base)/indexes/prompts/similar/1?limit=3&attributesToRetrieve=title'
              curl '\(base)/indexes/listings/search?filter=price%20%3C%202000&sort=price:asc&facets=currency,price&limit=3&attributesToRetrieve=id,title,price,currency'
              open \(base)/ in a browser for the search page
            """)
        fflush(nil)
        try await daemon.run()
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
            print("loaded \(summary.prompts) prompts, \(summary.listings) listings, \(summary.views) views, \(summary.copies) copies, \(summary.ratings) ratings, \(summary.bookmarks) bookmarks")
            try queue.close()
            try FileManager.default.moveItem(atPath: staging, toPath: path)
        } catch {
            try? FileManager.default.removeItem(atPath: staging)
            throw error
        }
    }

    /// Runs the example queries, showing public, published prompts only (what a visitor may see).
    private func runExampleSearches(_ indexPath: String) throws {
        let index = try Index.open(at: indexPath, readOnly: true, verifyStructure: true)
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

    /// A marketplace page: active listings under 20.00, cheapest first, with price stats and
    /// currency counts (drafts, sold and removed listings are their sellers' own).
    private func runListingSearches(_ indexPath: String) throws {
        let index = try Index.open(at: indexPath, readOnly: true, verifyStructure: true)
        let searcher = try Searcher(index: index)
        let snapshot = try index.snapshot()
        var page = SearchOptions()
        page.filter = try FilterParser.parse("price < 2000")
        page.sort = [SortKey(field: "price", descending: false)]
        page.facets = ["currency", "price"]
        page.page = 1
        page.hitsPerPage = 3
        let cheap = try searcher.search("", scope: .publicOnly, options: page, in: snapshot)
        let stats = cheap.facetStats["price"].map { String(format: "%.0f–%.0f", $0.min, $0.max) } ?? "-"
        let currencies = (cheap.facetDistribution["currency"] ?? []).map { "\($0.value) \($0.count)" }.joined(separator: ", ")
        print("\nlistings: search \"\" --filter \"price < 2000\" --sort price:asc --facets currency,price  (\(cheap.totalHits ?? 0) active; cents \(stats); \(currencies))")
        for hit in cheap.hits {
            guard let document = try snapshot.document(number: hit.documentNumber, scope: .publicOnly) else { continue }
            let title = document.fields["title"].flatMap { if case .string(let s) = $0 { s } else { nil } } ?? "(untitled)"
            let price = document.fields["price"].flatMap { if case .number(let n) = $0 { n } else { nil } } ?? 0
            let currency = document.fields["currency"].flatMap { if case .string(let s) = $0 { s } else { nil } } ?? ""
            print(String(format: "  %-6@ %6.2f %@  %@", hit.id, price / 100, currency, title))
        }
    }
}
