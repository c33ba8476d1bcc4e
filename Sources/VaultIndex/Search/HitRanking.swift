/// Ranks a set of matching documents when relevance alone does not decide the order — by sort keys
/// (relevance breaking ties), or one hit per distinct value — and fills totals and facets over the
/// documents that count. Shared by text searches and placeholder searches (an empty query, where
/// relevance is the same for every document and ties fall to ascending doc number).
struct HitRanking {
    let snapshot: IndexSnapshot
    let options: SearchOptions
    /// The best `k` documents by relevance among a set, best first; nil for a placeholder search.
    let relevance: ((DocSet, Int) throws(IndexError) -> [TopKHeap.Entry])?

    /// The best `k` of `candidates` by the sort keys.
    ///
    /// The heap finds the k-th key; documents with a strictly better key are ordered by key, then
    /// relevance; the remaining places go to the documents tied with the k-th key, best relevance
    /// first — a second, filtered run of the plan over exactly that tie set, so ties are exact
    /// without scoring every candidate.
    func sorted(_ candidates: DocSet, k: Int) throws(IndexError) -> [(doc: UInt32, score: Double)] {
        var selection = try SortSelection(keys: options.sort, computed: options.computedSortFields, snapshot: snapshot)
        let top = try selection.top(k, of: candidates, snapshot: snapshot)
        guard let relevance, let last = top.last else { return top.map { ($0.doc, 0) } }
        let better = top.filter { selection.compare($0.key, last.key) < 0 }
        let tied = try selection.tied(with: last.key, in: candidates)
        var scores: [UInt32: Double] = [:]
        if !better.isEmpty {
            for entry in try relevance(DocSet(capacity: candidates.capacity, docs: better.map(\.doc)), better.count) {
                scores[entry.doc] = entry.score
            }
        }
        let orderedBetter = better.sorted { a, b in
            let order = selection.compare(a.key, b.key)
            if order != 0 { return order < 0 }
            let (x, y) = (scores[a.doc] ?? 0, scores[b.doc] ?? 0)
            return x != y ? x > y : a.doc < b.doc
        }
        let fromTies = try relevance(tied, k - better.count)
        return orderedBetter.map { ($0.doc, scores[$0.doc] ?? 0) } + fromTies.map { ($0.doc, $0.score) }
    }

    /// Every member of `candidates` in rank order, then only the first (best) of each value of
    /// `field`; documents without a value are all kept. Needs the full order, so it scores every
    /// candidate once.
    func distinct(_ field: String, over candidates: DocSet) throws(IndexError) -> [(doc: UInt32, score: Double)] {
        var order: [(doc: UInt32, score: Double)]
        if !options.sort.isEmpty {
            order = try sorted(candidates, k: candidates.count)
        } else if let relevance {
            order = try relevance(candidates, candidates.count).map { ($0.doc, $0.score) }
        } else {
            order = candidates.members.map { ($0, 0) }
        }
        let groups = try DistinctGroups(field: field, snapshot: snapshot, candidates: candidates)
        var seen = Set<Double>()
        var kept: [(doc: UInt32, score: Double)] = []
        for entry in order {
            if let group = try groups.group(of: entry.doc), !seen.insert(group).inserted { continue }
            kept.append(entry)
        }
        return kept
    }

    /// Sets totals (exact when `counted` is known) and the facet distribution and stats over `counted`.
    func fillTotalsAndFacets(_ results: inout SearchResults, counted: DocSet?, estimate: () -> Int) throws(IndexError) {
        if let counted {
            let total = counted.count
            results.estimatedTotalHits = total
            results.totalHitsAreExact = true
            if options.isPageMode {
                let size = options.hitsPerPage ?? 20
                results.totalHits = total
                results.totalPages = size == 0 ? 0 : (total + size - 1) / size
            }
            let counter = FacetCounter(snapshot: snapshot)
            for facet in try options.expandedFacets(in: snapshot) {
                guard let attribute = snapshot.settings.columnAttribute(for: facet) else { continue }
                if attribute.hasFacetPostings {
                    let values = try counter.distribution(
                        of: facet, over: counted, order: options.facetOrder(facet), maxValues: options.maxValuesPerFacet)
                    // Under `*`, a field no visible document has is left out, so the response does not
                    // reveal that only invisible documents carry it.
                    if !values.isEmpty || options.facets.contains(facet) { results.facetDistribution[facet] = values }
                }
                if attribute.type == .number, let stats = try counter.stats(of: facet, over: counted) {
                    results.facetStats[facet] = stats
                }
            }
        } else {
            results.estimatedTotalHits = estimate()
        }
    }
}

/// The distinct value of each candidate: its numeric column value, or for a string attribute the
/// id of its value's facet set.
private struct DistinctGroups {
    private var numeric: NumericColumnReader?
    private var byDoc: [UInt32: Double] = [:]

    init(field: String, snapshot: IndexSnapshot, candidates: DocSet) throws(IndexError) {
        guard let attribute = snapshot.settings.columnAttribute(for: field) else { return }
        if attribute.hasNumericColumn {
            numeric = try snapshot.numericColumn(field)
            return
        }
        var byDoc: [UInt32: Double] = [:]
        try snapshot.forEachFacetValue(field: field) { _, entry in
            var members = DocSet(capacity: candidates.capacity)
            try snapshot.addSet(entry.set, to: &members)
            members.formIntersection(candidates)
            members.forEach { byDoc[$0] = Double(entry.set) }
            return true
        }
        self.byDoc = byDoc
    }

    func group(of doc: UInt32) throws(IndexError) -> Double? {
        if var numeric { return try numeric.value(doc) }
        return byDoc[doc]
    }
}
