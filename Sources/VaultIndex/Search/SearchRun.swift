/// One execution of a query plan: the scan, then (when a positional ranking rule needs it) the rerank
/// of the best documents, then the hits with their scores and explanations.
struct SearchRun {
    let plan: QueryPlan
    private let entries: [TopKHeap.Entry]
    private let work: SearchWork
    private let options: SearchOptions
    private let snapshot: IndexSnapshot
    private let reranker: Reranker
    private let rerank: Bool

    init(
        query: String, clauses: [QueryClause], options: SearchOptions, droppedWords: Set<Int> = [], context: QueryContext,
        snapshot: IndexSnapshot
    ) throws(IndexError) {
        let scorer = BM25F(settings: snapshot.settings, statistics: snapshot.statistics)
        let plan = try QueryPlan(
            query: query, clauses: clauses, context: context, matching: options.matching, droppedWords: droppedWords,
            snapshot: snapshot, scorer: scorer)
        let rules = plan.rules
        rerank = Reranker.needsRerank(rules)
        let k = options.offset + options.limit
        var executor = QueryExecutor(
            plan: plan, scorer: scorer, k: rerank && k > 0 ? max(k, Reranker.window) : k,
            fieldCount: snapshot.settings.searchableFields.count)
        entries = try executor.run()
        work = executor.work
        self.plan = plan
        self.options = options
        self.snapshot = snapshot
        reranker = Reranker(plan: plan, snapshot: snapshot, scorer: scorer, rules: rules)
    }

    var isEmpty: Bool { entries.isEmpty }

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

    func results() throws(IndexError) -> SearchResults {
        var ranked: [(doc: UInt32, score: Double, explanation: HitExplanation?)]
        let best: Double
        if rerank {
            let explanations = try reranker.explain(entries.map(\.doc))
            let keyed = entries.enumerated().map { order, entry in
                (doc: entry.doc, key: reranker.key(explanations[entry.doc]!), order: order)
            }
            let sorted = keyed.sorted { a, b in a.key != b.key ? a.key.lexicographicallyPrecedes(b.key, by: >) : a.order < b.order }
            ranked = sorted.map { ($0.doc, reranker.encode($0.key), explanations[$0.doc]) }
            best = reranker.encode(reranker.bestKey)
        } else {
            ranked = entries.map { ($0.doc, $0.score, nil) }
            best = plan.maximumScore
        }
        ranked = Array(ranked.dropFirst(options.offset).prefix(options.limit))
        if options.explain && !rerank {
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
        return SearchResults(hits: hits, terms: plan.terms.map(\.term), work: work)
    }
}
