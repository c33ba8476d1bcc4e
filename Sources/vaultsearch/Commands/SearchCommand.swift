import ArgumentParser
import Foundation
import VaultIndex

/// `vaultsearch search`: runs one query and prints the hits.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search an index.",
        discussion: """
            Query syntax: words (any of them by default, all with --all), "quoted phrases" (required, \
            words adjacent), -word and -"phrase" to exclude.
            """)

    @OptionGroup var indexOptions: IndexOptions

    @Option(name: .long, parsing: .unconditional, help: "How many hits to print.")
    var limit = 10

    @Option(name: .long, parsing: .unconditional, help: "How many hits to skip first.")
    var offset = 0

    @Flag(name: .long, help: "Require every query word.")
    var all = false

    @Flag(name: .long, help: "Print JSON.")
    var json = false

    @Argument(help: "The query.")
    var query: String

    func validate() throws {
        if query.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw ValidationError("the query is empty") }
        if limit < 0 || offset < 0 { throw ValidationError("--limit and --offset must not be negative") }
        if limit + offset > SearchOptions.maximumWindow { throw ValidationError("--limit + --offset must be at most \(SearchOptions.maximumWindow)") }
    }

    func run() throws {
        let index = try Index.open(at: indexOptions.index, readOnly: true)
        let searcher = try Searcher(index: index)
        let snapshot = try index.snapshot()
        let start = ContinuousClock.now
        let results = try searcher.search(query, options: SearchOptions(limit: limit, offset: offset, matching: all ? .all : .any), in: snapshot)
        let elapsed = (ContinuousClock.now - start).seconds * 1000
        if json {
            try printJSON([
                "query": query,
                "terms": results.terms,
                "processingTimeMs": rounded(elapsed, 3),
                "hits": try results.hits.map { hit -> [String: Any] in
                    ["id": hit.id, "score": rounded(hit.score, 6), "title": try snapshot.title(of: hit.documentNumber)]
                },
            ])
            return
        }
        print("\(results.hits.count) hits for \(results.terms) in \(String(format: "%.3f", elapsed)) ms")
        for (rank, hit) in results.hits.enumerated() {
            let title = try snapshot.title(of: hit.documentNumber)
            print(String(format: "%3d. %-12@ %8.4f  %@", offset + rank + 1, hit.id, hit.score, String(title.prefix(90))))
        }
    }
}
