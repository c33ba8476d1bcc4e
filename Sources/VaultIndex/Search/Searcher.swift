import VaultAnalysis

/// Runs searches against an index. Holds a query analyzer, so keep one per thread (or task) and
/// reuse it; each search reads its own snapshot unless given one.
public final class Searcher {
    /// The index searched.
    public let index: Index
    private let analyzer: Analyzer
    /// Derived from the last settings seen (settings can change between snapshots).
    private var context: QueryContext

    /// A searcher for `index`, analyzing queries as the index analyzes documents.
    public init(index: Index) throws(IndexError) {
        self.index = index
        let snapshot = try index.snapshot()
        defer { snapshot.close() }
        self.analyzer = Analyzer(snapshot.settings.analysis)
        self.context = QueryContext(settings: snapshot.settings, analyzer: analyzer)
    }

    /// Searches the index as it is now.
    public func search(_ query: String, options: SearchOptions = SearchOptions()) throws(IndexError) -> SearchResults {
        let snapshot = try index.snapshot()
        defer { snapshot.close() }
        return try search(query, options: options, in: snapshot)
    }

    /// Searches one snapshot. Query syntax: words (how many must match: ``SearchOptions/matching``),
    /// `"quoted phrases"` (required, words adjacent and in order, no typos), `-word` and `-"phrase"`
    /// (exclude documents that match). Words may match with typos, the last word as a prefix while it
    /// is being typed, and through synonyms, joins and splits (see ``IndexSettings``); the ranking rules
    /// order the hits.
    public func search(_ query: String, options: SearchOptions, in snapshot: IndexSnapshot) throws(IndexError) -> SearchResults {
        try options.validate()
        if context.settings != snapshot.settings { context = QueryContext(settings: snapshot.settings, analyzer: analyzer) }
        let clauses = QueryParser.parse(query)
        var run = try SearchRun(query: query, clauses: clauses, options: options, context: context, snapshot: snapshot)
        var dropped: [String] = []
        if options.matching == .last || options.matching == .frequency {
            // Drop words (from the end, or the most frequent first) until something matches.
            var droppedOrdinals: Set<Int> = []
            for (ordinal, word) in run.dropOrder(byFrequency: options.matching == .frequency) where run.isEmpty {
                droppedOrdinals.insert(ordinal)
                dropped.append(word)
                run = try SearchRun(
                    query: query, clauses: clauses, options: options, droppedWords: droppedOrdinals, context: context, snapshot: snapshot)
            }
        }
        var results = try run.results()
        results.droppedWords = dropped
        if results.hits.count < DidYouMean.fewHits && options.offset == 0 {
            results.didYouMean = try DidYouMean(context: context, snapshot: snapshot).suggestion(for: clauses)
        }
        return results
    }
}
