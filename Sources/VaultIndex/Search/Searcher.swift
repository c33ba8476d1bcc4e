import VaultAnalysis

/// Runs searches against an index. Holds a query analyzer, so keep one per thread (or task) and
/// reuse it; each search reads its own snapshot unless given one.
public final class Searcher {
    /// The index searched.
    public let index: Index
    private let analyzer: Analyzer
    /// The stop words of the last settings seen, analyzed (settings can change between snapshots).
    private var stopWords: (list: [String], analyzed: Set<String>) = ([], [])

    /// A searcher for `index`, analyzing queries as the index analyzes documents.
    public init(index: Index) throws(IndexError) {
        self.index = index
        let snapshot = try index.snapshot()
        defer { snapshot.close() }
        self.analyzer = Analyzer(snapshot.settings.analysis)
    }

    /// Searches the index as it is now.
    public func search(_ query: String, options: SearchOptions = SearchOptions()) throws(IndexError) -> SearchResults {
        let snapshot = try index.snapshot()
        defer { snapshot.close() }
        return try search(query, options: options, in: snapshot)
    }

    /// Searches one snapshot. Query syntax: words (any or all of them must match, per
    /// ``SearchOptions/matching``), `"quoted phrases"` (required, words adjacent and in order),
    /// `-word` and `-"phrase"` (exclude documents that match).
    public func search(_ query: String, options: SearchOptions, in snapshot: IndexSnapshot) throws(IndexError) -> SearchResults {
        try options.validate()
        let scorer = BM25F(settings: snapshot.settings, statistics: snapshot.statistics)
        if stopWords.list != snapshot.settings.stopWords {
            stopWords = (snapshot.settings.stopWords, Set(snapshot.settings.stopWords.map { analyzer.normalize(word: $0) }))
        }
        let plan = try QueryPlan(
            clauses: QueryParser.parse(query), matching: options.matching, analyzer: analyzer, stopWords: stopWords.analyzed,
            snapshot: snapshot, scorer: scorer)
        var executor = QueryExecutor(
            plan: plan, scorer: scorer, k: options.offset + options.limit, fieldCount: snapshot.settings.searchableFields.count)
        let best = try executor.run()
        var hits: [SearchHit] = []
        for entry in best.dropFirst(options.offset) {
            hits.append(SearchHit(id: try snapshot.externalID(number: entry.doc), documentNumber: entry.doc, score: entry.score))
        }
        return SearchResults(hits: hits, terms: plan.terms.map(\.term), work: executor.work)
    }
}
