import VaultAnalysis

/// One execution of a query plan over the documents a request may see: the scan (pruned top k, or
/// the exact match set when totals, facets, sort or distinct need every match), then the ranking of
/// the window (relevance with the positional rerank; sort keys with relevance breaking ties; one hit
/// per distinct value), then the hits with scores and explanations.
struct SearchRun {
    let plan: QueryPlan
    private let entries: [TopKHeap.Entry]
    /// Every matching document the request may see, when the options need it.
    let matchSet: DocSet?
    private let work: SearchWork
    private let options: SearchOptions
    private let snapshot: IndexSnapshot
    private let scorer: BM25F
    private let allowed: DocSet?
    private let reranker: Reranker
    private let rerank: Bool
    /// How many entries the pruned scan kept at most (fewer means it found every match).
    private let collected: Int

    init(
        query: String, clauses: [QueryClause], options: SearchOptions, droppedWords: Set<Int> = [], context: QueryContext,
        snapshot: IndexSnapshot, allowed: DocSet?
    ) throws(IndexError) {
        let scorer = BM25F(settings: snapshot.settings, statistics: snapshot.statistics)
        let plan = try QueryPlan(
            query: query, clauses: clauses, context: context, matching: options.matching, droppedWords: droppedWords,
            snapshot: snapshot, scorer: scorer)
        let rules = plan.rules
        rerank = Reranker.needsRerank(rules)
        let window = options.window
        let k = window.offset + window.limit
        let ranksByRelevance = options.sort.isEmpty && options.distinct == nil
        var matchSet: DocSet?
        if options.needsMatchSet {
            var exact = try MatchSet.bySetAlgebra(plan, snapshot: snapshot)
            if let allowed { exact.formIntersection(allowed) }
            matchSet = exact
        }
        collected = rerank && k > 0 ? max(k, Reranker.window) : k
        if ranksByRelevance {
            var executor = QueryExecutor(
                plan: plan, scorer: scorer, k: collected,
                fieldCount: snapshot.settings.searchableFields.count, allowed: allowed)
            entries = try executor.run()
            work = executor.work
        } else {
            entries = []
            work = SearchWork()
        }
        self.plan = plan  // its cursors are used up; every later use (rerank, ties, highlighting) opens fresh ones
        self.matchSet = matchSet
        self.options = options
        self.snapshot = snapshot
        self.scorer = scorer
        self.allowed = allowed
        reranker = Reranker(plan: self.plan, snapshot: snapshot, scorer: scorer, rules: rules)
    }

    /// Whether nothing matched (for the `last` and `frequency` strategies).
    var isEmpty: Bool { matchSet.map(\.isEmpty) ?? entries.isEmpty }

    /// Plain words in the order the `last` (from the end) or `frequency` (most frequent first)
    /// strategy drops them; the last remaining word is never dropped.
    func dropOrder(byFrequency: Bool) -> [(ordinal: Int, word: String)] {
        var words = plan.slots.compactMap { slot in slot.wordOrdinal.map { (ordinal: $0, word: slot.text, weight: slot.weight) } }
        if byFrequency {
            words.sort { ($0.weight, -$0.ordinal) < ($1.weight, -$1.ordinal) }
        } else {
            words.reverse()
        }
        return words.dropLast().map { ($0.ordinal, $0.word) }
    }

    /// The best `k` documents by relevance among `docs` (a fresh execution of the plan).
    private func relevance(among docs: DocSet, k: Int) throws(IndexError) -> [TopKHeap.Entry] {
        guard k > 0, !docs.isEmpty else { return [] }
        var executor = QueryExecutor(
            plan: plan.restarted(in: snapshot), scorer: scorer, k: k, fieldCount: snapshot.settings.searchableFields.count,
            allowed: docs)
        return try executor.run()
    }

    func results(analyzer: Analyzer) throws(IndexError) -> SearchResults {
        let window = options.window
        let ranking = HitRanking(snapshot: snapshot, options: options, relevance: relevance(among:k:))
        var ranked: [(doc: UInt32, score: Double, explanation: HitExplanation?)]
        var best = plan.maximumScore
        var counted = matchSet
        if let distinct = options.distinct, let matchSet {
            let kept = try ranking.distinct(distinct, over: matchSet)
            counted = DocSet(capacity: matchSet.capacity, docs: kept.map(\.doc))
            ranked = kept.map { ($0.doc, $0.score, nil) }
        } else if !options.sort.isEmpty, let matchSet {
            ranked = try ranking.sorted(matchSet, k: window.offset + window.limit).map { ($0.doc, $0.score, nil) }
        } else if rerank {
            let explanations = try reranker.explain(entries.map(\.doc))
            let keyed = entries.enumerated().map { order, entry in
                (doc: entry.doc, key: reranker.key(explanations[entry.doc]!), order: order)
            }
            let sorted = keyed.sorted { a, b in a.key != b.key ? a.key.lexicographicallyPrecedes(b.key, by: >) : a.order < b.order }
            ranked = sorted.map { ($0.doc, reranker.encode($0.key), explanations[$0.doc]) }
            best = reranker.encode(reranker.bestKey)
        } else {
            ranked = entries.map { ($0.doc, $0.score, nil) }
        }
        ranked = Array(ranked.dropFirst(window.offset).prefix(window.limit))
        if options.explain && (!rerank || !options.sort.isEmpty || options.distinct != nil) {
            let explanations = try reranker.explain(ranked.map(\.doc))
            ranked = ranked.map { ($0.doc, $0.score, explanations[$0.doc]) }
        }
        var hits: [SearchHit] = []
        hits.reserveCapacity(ranked.count)
        for hit in ranked {
            hits.append(
                SearchHit(
                    id: try snapshot.externalID(number: hit.doc), documentNumber: hit.doc, score: hit.score,
                    rankingScore: best > 0 ? min(1, hit.score / best) : 0, explanation: options.explain ? hit.explanation : nil))
        }
        if !options.formatting.isEmpty {
            let formatter = HitFormatter(plan: plan, snapshot: snapshot, request: options.formatting, analyzer: analyzer)
            for i in hits.indices { try formatter.format(&hits[i]) }
        }
        var results = SearchResults(hits: hits, terms: plan.slots.filter { $0.wordOrdinal != nil }.map(\.text), work: work)
        if counted == nil, entries.count < collected {
            // The pruned scan kept fewer entries than it could: it found every allowed match.
            counted = DocSet(capacity: allowed?.capacity ?? snapshot.statistics.nextDocNumber, docs: entries.map(\.doc))
            results.totalHitsAreExact = true
        }
        if counted == nil, allowed != nil {
            // A document frequency counts documents outside the scope too: an estimate built on it
            // would tell a caller how many private documents hold a word. Count the allowed matches.
            var exact = try MatchSet.bySetAlgebra(plan.restarted(in: snapshot), snapshot: snapshot)
            exact.formIntersection(allowed!)
            counted = exact
        }
        try ranking.fillTotalsAndFacets(&results, counted: counted, estimate: { estimatedTotal(hits: hits.count) })
        return results
    }

    /// A cheap lower-bound estimate of the match count when every document is visible (no scope or
    /// filter): the most frequent word's document frequency, and at least the hits found.
    private func estimatedTotal(hits: Int) -> Int {
        let frequent = plan.terms.compactMap { $0.cursor.map { Int($0.skip.documentFrequency) } }.max() ?? 0
        return max(hits, min(frequent, Int(snapshot.statistics.documentCount)), entries.count)
    }
}

extension SearchOptions {
    /// Whether the search must find every matching document (exact totals, facets, sort, distinct).
    var needsMatchSet: Bool { isPageMode || !facets.isEmpty || !sort.isEmpty || distinct != nil }
}
