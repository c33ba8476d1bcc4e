import ArgumentParser
import Foundation
import VaultIndex

/// `vaultsearch search`: runs one query and prints the hits, totals and facets.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search an index.",
        discussion: """
            Query syntax: words (any of them by default, all with --all or --strategy), "quoted phrases" \
            (required, words adjacent, no typos), -word and -"phrase" to exclude. Words of 5+ letters \
            match with one typo, 9+ with two; a query ending inside a word matches it as a prefix. \
            An empty query ("") lists every document passing --filter, in --sort order. \
            Only public, published documents are seen unless --owner names a user.
            """)

    @OptionGroup var indexOptions: IndexOptions
    @OptionGroup var scopeOptions: QueryScopeOptions

    @Option(name: .long, parsing: .unconditional, help: "How many hits to print.")
    var limit = 10

    @Option(name: .long, parsing: .unconditional, help: "How many hits to skip first.")
    var offset = 0

    @Option(name: .long, help: "Page mode: the 1-based page to print (exact totalHits and totalPages).")
    var page: Int?

    @Option(name: .customLong("hits-per-page"), help: "Page mode: hits per page (default 20).")
    var hitsPerPage: Int?

    @Flag(name: .long, help: "Require every query word (same as --strategy all).")
    var all = false

    @Option(name: .long, help: "Matching strategy: any, all, last (drop words from the end until something matches), frequency.")
    var strategy: String?

    @Option(name: .long, help: "Facets to count over every matching document, comma-separated (e.g. tags,category.lvl0,model; * for all).")
    var facets: String?

    @Option(name: .customLong("max-values-per-facet"), help: "The most values printed per facet.")
    var maxValuesPerFacet = 100

    @Option(name: .customLong("facet-order"), help: "Facet value order: count (default) or alpha.")
    var facetOrder: String?

    @Option(name: .long, help: "Sort keys, comma-separated, e.g. ratingAvg:desc,createdAt:desc (relevance breaks ties).")
    var sort: String?

    @Option(name: .long, help: "At most one hit per value of this attribute (e.g. family: one prompt per fork family).")
    var distinct: String?

    @Option(name: .long, help: "Fields to highlight, comma-separated (* for every searchable field).")
    var highlight: String?

    @Option(name: .long, help: "Crop a field around its matches: FIELD or FIELD:WORDS (repeatable).")
    var crop: [String] = []

    @Option(name: .customLong("crop-length"), help: "Words kept by --crop when it names no length.")
    var cropLength = 10

    @Flag(name: .customLong("show-matches-position"), help: "Print the byte positions of the matches per field.")
    var showMatchesPosition = false

    @Flag(name: .long, help: "Explain each hit: ranking-rule values and how each word matched.")
    var explain = false

    @Flag(name: .long, help: "Print JSON.")
    var json = false

    @Argument(help: "The query (empty for a placeholder search).")
    var query: String = ""

    func validate() throws {
        if limit < 0 || offset < 0 { throw ValidationError("--limit and --offset must not be negative") }
        if limit + offset > SearchOptions.maximumWindow { throw ValidationError("--limit + --offset must be at most \(SearchOptions.maximumWindow)") }
        if let strategy, MatchingMode(rawValue: strategy) == nil {
            throw ValidationError("--strategy must be one of \(MatchingMode.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if all && strategy != nil && strategy != "all" { throw ValidationError("--all contradicts --strategy \(strategy!)") }
        if let facetOrder, FacetValueOrder(rawValue: facetOrder) == nil { throw ValidationError("--facet-order must be count or alpha") }
        for spec in crop where spec.split(separator: ":").count > 2 || (spec.contains(":") && Int(spec.split(separator: ":").last ?? "") == nil) {
            throw ValidationError("--crop takes FIELD or FIELD:WORDS, not '\(spec)'")
        }
    }

    func options() throws -> SearchOptions {
        var options = SearchOptions(limit: limit, offset: offset, matching: strategy.flatMap(MatchingMode.init(rawValue:)) ?? (all ? .all : .any), explain: explain)
        options.page = page
        options.hitsPerPage = hitsPerPage
        options.filter = try scopeOptions.parsedFilter()
        options.facets = commaList(facets)
        options.maxValuesPerFacet = maxValuesPerFacet
        if let facetOrder, let order = FacetValueOrder(rawValue: facetOrder) { options.sortFacetValuesBy = ["*": order] }
        options.sort = try commaList(sort).map { try SortKey.parse($0) }
        options.distinct = distinct
        options.formatting.highlight = commaList(highlight)
        options.formatting.cropLength = cropLength
        for spec in crop {
            let parts = spec.split(separator: ":").map(String.init)
            options.formatting.crop[parts[0]] = parts.count == 2 ? Int(parts[1]) : .some(nil)
        }
        options.formatting.showMatchesPosition = showMatchesPosition
        return options
    }

    func run() throws {
        let index = try Index.open(at: indexOptions.index, readOnly: true, verifyStructure: true)
        let searcher = try Searcher(index: index)
        let snapshot = try index.snapshot()
        let options = try options()
        let scope = scopeOptions.scope
        let start = ContinuousClock.now
        let results = try scopeOptions.reportingFilterFaults { try searcher.search(query, scope: scope, options: options, in: snapshot) }
        let elapsed = (ContinuousClock.now - start).seconds * 1000
        if json {
            try printJSON(try SearchResultsJSON.object(results, query: query, options: options, elapsedMs: elapsed, snapshot: snapshot, scope: scope))
            return
        }
        let total = results.totalHits.map { "\($0) hits in all, page \(options.page ?? 1) of \(results.totalPages ?? 0)" }
            ?? "\(results.totalHitsAreExact ? "" : "about ")\(results.estimatedTotalHits) matching"
        print("\(results.hits.count) hits for \(results.terms) in \(String(format: "%.3f", elapsed)) ms (\(total))")
        let first = options.isPageMode ? ((options.page ?? 1) - 1) * (options.hitsPerPage ?? 20) : offset
        for (rank, hit) in results.hits.enumerated() {
            let title = try snapshot.title(of: hit.documentNumber, scope: scope)
            print(String(format: "%3d. %-12@ %6.4f  %@", first + rank + 1, hit.id, hit.rankingScore, String(title.prefix(90))))
            for (field, value) in hit.formatted.sorted(by: { $0.key < $1.key }) {
                switch value {
                case .text(let text): print("       \(field): \(text.text)")
                case .list(let texts): print("       \(field): \(texts.map(\.text).joined(separator: ", "))")
                }
            }
            if let positions = hit.matchesPosition, !positions.isEmpty {
                print("       matches: " + positions.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value.map { "\($0.start)+\($0.length)" }.joined(separator: " "))" }.joined(separator: "; "))
            }
            if let e = hit.explanation {
                let words = e.matches.map { m in
                    "\(m.word)→\(m.matchedTerms.joined(separator: "+")) (\(m.origin)\(m.typos > 0 ? " \(m.typos)" : ""), \(m.field))"
                }
                print("       words \(e.words), typos \(e.typos), prefixes \(e.prefixes), proximity \(e.proximity), attribute \(e.attribute), exactness \(e.exactness), bm25 \(String(format: "%.4f", e.bm25)): \(words.joined(separator: "; "))")
            }
        }
        for facet in options.facets where results.facetDistribution[facet] != nil || results.facetStats[facet] != nil {
            let values = results.facetDistribution[facet]?.map { "\($0.value) \($0.count)" }.joined(separator: ", ") ?? ""
            let stats = results.facetStats[facet].map { " [min \($0.min), max \($0.max)]" } ?? ""
            print("facet \(facet): \(values)\(stats)")
        }
        if !results.droppedWords.isEmpty { print("dropped to find results: \(results.droppedWords.joined(separator: " "))") }
        if let suggestion = results.didYouMean { print("did you mean: \(suggestion)") }
    }
}
