import ArgumentParser
import Foundation
import VaultIndex

/// `vaultsearch search`: runs one query and prints the hits.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search an index.",
        discussion: """
            Query syntax: words (any of them by default, all with --all or --strategy), "quoted phrases" \
            (required, words adjacent, no typos), -word and -"phrase" to exclude. Words of 5+ letters \
            match with one typo, 9+ with two; a query ending inside a word matches it as a prefix.
            """)

    @OptionGroup var indexOptions: IndexOptions

    @Option(name: .long, parsing: .unconditional, help: "How many hits to print.")
    var limit = 10

    @Option(name: .long, parsing: .unconditional, help: "How many hits to skip first.")
    var offset = 0

    @Flag(name: .long, help: "Require every query word (same as --strategy all).")
    var all = false

    @Option(name: .long, help: "Matching strategy: any, all, last (drop words from the end until something matches), frequency.")
    var strategy: String?

    @Flag(name: .long, help: "Explain each hit: ranking-rule values and how each word matched.")
    var explain = false

    @Flag(name: .long, help: "Print JSON.")
    var json = false

    @Argument(help: "The query.")
    var query: String

    func validate() throws {
        if query.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw ValidationError("the query is empty") }
        if limit < 0 || offset < 0 { throw ValidationError("--limit and --offset must not be negative") }
        if limit + offset > SearchOptions.maximumWindow { throw ValidationError("--limit + --offset must be at most \(SearchOptions.maximumWindow)") }
        if let strategy, MatchingMode(rawValue: strategy) == nil {
            throw ValidationError("--strategy must be one of \(MatchingMode.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if all && strategy != nil && strategy != "all" { throw ValidationError("--all contradicts --strategy \(strategy!)") }
    }

    func run() throws {
        let index = try Index.open(at: indexOptions.index, readOnly: true)
        let searcher = try Searcher(index: index)
        let snapshot = try index.snapshot()
        let start = ContinuousClock.now
        let mode = strategy.flatMap(MatchingMode.init(rawValue:)) ?? (all ? .all : .any)
        let options = SearchOptions(limit: limit, offset: offset, matching: mode, explain: explain)
        let results = try searcher.search(query, scope: .publicOnly, options: options, in: snapshot)
        let elapsed = (ContinuousClock.now - start).seconds * 1000
        if json {
            try printJSON([
                "query": query,
                "terms": results.terms,
                "processingTimeMs": rounded(elapsed, 3),
                "hits": try results.hits.map { hit -> [String: Any] in
                    var entry: [String: Any] = [
                        "id": hit.id, "score": rounded(hit.score, 6), "_rankingScore": rounded(hit.rankingScore, 6),
                        "title": try snapshot.title(of: hit.documentNumber, scope: .publicOnly),
                    ]
                    if let explanation = hit.explanation {
                        entry["_explanation"] = try JSONSerialization.jsonObject(with: JSONEncoder().encode(explanation))
                    }
                    return entry
                },
                "didYouMean": results.didYouMean as Any? ?? NSNull(),
                "droppedWords": results.droppedWords,
            ])
            return
        }
        print("\(results.hits.count) hits for \(results.terms) in \(String(format: "%.3f", elapsed)) ms")
        for (rank, hit) in results.hits.enumerated() {
            let title = try snapshot.title(of: hit.documentNumber, scope: .publicOnly)
            print(String(format: "%3d. %-12@ %6.4f  %@", offset + rank + 1, hit.id, hit.rankingScore, String(title.prefix(90))))
            if let e = hit.explanation {
                let words = e.matches.map { m in
                    "\(m.word)→\(m.matchedTerms.joined(separator: "+")) (\(m.origin)\(m.typos > 0 ? " \(m.typos)" : ""), \(m.field))"
                }
                print("       words \(e.words), typos \(e.typos), prefixes \(e.prefixes), proximity \(e.proximity), attribute \(e.attribute), exactness \(e.exactness), bm25 \(String(format: "%.4f", e.bm25)): \(words.joined(separator: "; "))")
            }
        }
        if !results.droppedWords.isEmpty { print("dropped to find results: \(results.droppedWords.joined(separator: " "))") }
        if let suggestion = results.didYouMean { print("did you mean: \(suggestion)") }
    }
}
