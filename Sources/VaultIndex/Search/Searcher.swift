import Foundation
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
    public func search(_ query: String, scope: SearchScope, options: SearchOptions = SearchOptions()) throws(IndexError) -> SearchResults {
        let snapshot = try index.snapshot()
        defer { snapshot.close() }
        return try search(query, scope: scope, options: options, in: snapshot)
    }

    /// Searches one snapshot, seeing only the documents of `scope` that pass the options' filter.
    ///
    /// Query syntax: words (how many must match: ``SearchOptions/matching``), `"quoted phrases"`
    /// (required, words adjacent and in order, no typos), `-word` and `-"phrase"` (exclude documents
    /// that match). Words may match with typos, the last word as a prefix while it is being typed,
    /// and through synonyms, joins and splits (see ``IndexSettings``); the ranking rules order the
    /// hits, or the sort keys with relevance breaking ties. An empty query is a placeholder search:
    /// every visible document passing the filter, in sort order (by doc number without a sort).
    public func search(_ query: String, scope: SearchScope, options: SearchOptions, in snapshot: IndexSnapshot) throws(IndexError) -> SearchResults {
        try options.validate(settings: snapshot.settings)
        let visible = try snapshot.scopeSet(scope)
        let allowed = try snapshot.allowedDocuments(visible: visible, filter: options.filter)
        return try run(query, visible: visible, options: options, allowed: allowed, in: snapshot)
    }

    /// Searches `snapshot` among `allowed` (nil: every live document); `visible` (the scope's set,
    /// nil: everything) decides what did-you-mean may suggest.
    func run(_ query: String, visible: DocSet?, options: SearchOptions, allowed: DocSet?, in snapshot: IndexSnapshot) throws(IndexError) -> SearchResults {
        if context.settings != snapshot.settings { context = QueryContext(settings: snapshot.settings, analyzer: analyzer) }
        if query.allSatisfy(\.isWhitespace) { return try placeholder(options: options, allowed: allowed, snapshot: snapshot) }
        let clauses = QueryParser.parse(query)
        var run = try SearchRun(query: query, clauses: clauses, options: options, context: context, snapshot: snapshot, allowed: allowed)
        var dropped: [String] = []
        if options.matching == .last || options.matching == .frequency {
            // Drop words (from the end, or the most frequent first) until something matches.
            var droppedOrdinals: Set<Int> = []
            for (ordinal, word) in run.dropOrder(byFrequency: options.matching == .frequency) where run.isEmpty {
                droppedOrdinals.insert(ordinal)
                dropped.append(word)
                run = try SearchRun(
                    query: query, clauses: clauses, options: options, droppedWords: droppedOrdinals, context: context, snapshot: snapshot,
                    allowed: allowed)
            }
        }
        var results = try run.results(analyzer: analyzer)
        results.droppedWords = dropped
        // Keyed on how many documents match (not on the page size), so `limit: 2` does not ask for a correction.
        if max(results.hits.count, results.estimatedTotalHits) < DidYouMean.fewHits && options.window.offset == 0 {
            results.didYouMean = try DidYouMean(context: context, snapshot: snapshot, visible: visible).suggestion(for: clauses)
        }
        return results
    }

    /// Every document that matches `query` among `allowed` (for facet search).
    func matchingDocuments(_ query: String, options: SearchOptions, allowed: DocSet?, in snapshot: IndexSnapshot) throws(IndexError) -> DocSet {
        if context.settings != snapshot.settings { context = QueryContext(settings: snapshot.settings, analyzer: analyzer) }
        if query.allSatisfy(\.isWhitespace) {
            if let allowed { return allowed }
            return try snapshot.allDocuments()
        }
        var counting = options
        counting.facets = []
        counting.sort = []
        counting.distinct = nil
        counting.page = 1
        counting.hitsPerPage = 0
        let run = try SearchRun(query: query, clauses: QueryParser.parse(query), options: counting, context: context, snapshot: snapshot, allowed: allowed)
        return run.matchSet ?? DocSet(capacity: snapshot.docCapacity)  // always set: page mode needs every match
    }

    /// The query's analyzer (for callers that format with it).
    var queryAnalyzer: Analyzer { analyzer }

    /// Every allowed document, ranked by the sort keys (ties, and no sort: ascending doc number).
    private func placeholder(options: SearchOptions, allowed: DocSet?, snapshot: IndexSnapshot) throws(IndexError) -> SearchResults {
        let candidates: DocSet
        if let allowed { candidates = allowed } else { candidates = try snapshot.allDocuments() }
        let ranking = HitRanking(snapshot: snapshot, options: options, relevance: nil)
        let window = options.window
        var counted = candidates
        var docs: [UInt32]
        if let distinct = options.distinct {
            docs = try ranking.distinct(distinct, over: candidates).map(\.doc)
            counted = DocSet(capacity: candidates.capacity, docs: docs)
        } else if !options.sort.isEmpty {
            docs = try ranking.sorted(candidates, k: window.offset + window.limit).map(\.doc)
        } else {
            docs = []
            var doc = candidates.next(atLeast: 0)
            while doc != .max, docs.count < window.offset + window.limit {
                docs.append(doc)
                doc = doc == .max - 1 ? .max : candidates.next(atLeast: doc + 1)
            }
        }
        var hits: [SearchHit] = []
        for doc in docs.dropFirst(window.offset).prefix(window.limit) {
            hits.append(SearchHit(id: try snapshot.externalID(number: doc), documentNumber: doc, score: 0, rankingScore: 1))
        }
        var results = SearchResults(hits: hits, terms: [], work: SearchWork())
        try ranking.fillTotalsAndFacets(&results, counted: counted, estimate: { counted.count })
        return results
    }
}

extension IndexSnapshot {
    /// The documents a request may see: the scope's, intersected with the filter's (nil: every
    /// live document, no scope restriction and no filter).
    func allowedDocuments(scope: SearchScope, filter: FilterExpression?) throws(IndexError) -> DocSet? {
        try allowedDocuments(visible: try scopeSet(scope), filter: filter)
    }

    /// `visible` (a scope's set, nil: everything) intersected with the filter's documents.
    func allowedDocuments(visible: DocSet?, filter: FilterExpression?) throws(IndexError) -> DocSet? {
        var allowed = visible
        if let filter {
            var compiler = FilterCompiler(snapshot: self)
            let selected: DocSet
            do { selected = try compiler.compile(filter) } catch let fault as FilterFault {
                throw .invalidFilter(fault)
            } catch let error as IndexError { throw error } catch { throw .corrupt("\(error)") }
            if allowed == nil { allowed = selected } else { allowed!.formIntersection(selected) }
        }
        return allowed
    }

    /// The names of every field that has columns in this snapshot, sorted.
    func columnFieldNames() throws(IndexError) -> [String] {
        try IndexError.wrap {
            var names: [String] = []
            let cursor = try transaction.cursor(index.databases.fieldIDs)
            var entry = try cursor.first()
            while let (key, _) = entry {
                let name = String(decoding: key, as: UTF8.self)
                if name != ColumnKeys.allDocumentsField { names.append(name) }
                entry = try cursor.next()
            }
            return names
        }
    }
}
