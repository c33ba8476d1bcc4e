/// Orders the best documents of the scan by every ranking rule, including those that need word
/// positions (`proximity`, `attribute`, `exactness`), and explains hits.
///
/// The scan (``QueryExecutor``) already orders documents exactly by the rules it can decide per word
/// (`words`, `typo`, `prefix`) and BM25F; this pass recomputes each document's rule values from fresh
/// cursors on the snapshot and sorts the scan's best ``window`` documents by the full rule order. A
/// document outside that window is not considered: the positional rules refine the top, they do not
/// search the whole corpus.
struct Reranker {
    /// How many of the scan's best documents a positional rule may reorder.
    static let window = 64
    /// Proximity cost cap per pair of neighbouring words.
    static let maximumPairCost = 7

    let plan: QueryPlan
    let snapshot: IndexSnapshot
    let scorer: BM25F
    let rules: [RankingRule]

    /// Whether any positional rule comes before `bm25` (then the window must be reranked).
    static func needsRerank(_ rules: [RankingRule]) -> Bool {
        rules.prefix { $0 != .bm25 }.contains { !$0.isScanTime }
    }

    /// Rule values of each document (ascending doc order is fastest; any order works).
    func explain(_ docs: [UInt32]) throws(IndexError) -> [UInt32: HitExplanation] {
        let cursors: [PostingsCursor?] = plan.terms.map { term in term.cursor.map { snapshot.cursor(for: $0.skip) } }
        var result: [UInt32: HitExplanation] = [:]
        for doc in docs.sorted() {
            for cursor in cursors { cursor?.advance(to: doc) }
            result[doc] = explanation(doc: doc, cursors: cursors)
        }
        for cursor in cursors { if let problem = cursor?.corruption { throw .corrupt(problem) } }
        return result
    }

    private struct TermAtDoc {
        var saturation = 0.0
        var firstField = Int.max
        var fieldLengths: [Int: UInt32] = [:]
    }

    private func explanation(doc: UInt32, cursors: [PostingsCursor?]) -> HitExplanation {
        let fieldCount = snapshot.settings.searchableFields.count
        var atDoc: [Int: TermAtDoc] = [:]
        for (i, cursor) in cursors.enumerated() {
            guard let cursor, cursor.doc == doc else { continue }
            var info = TermAtDoc()
            var pseudo = 0.0
            cursor.forEachField { field, tf, length in
                pseudo += scorer.fieldFrequency(field: field, tf: tf, length: length)
                info.firstField = min(info.firstField, field)
                info.fieldLengths[field] = length
            }
            info.saturation = scorer.saturation(pseudo)
            atDoc[i] = info
        }
        // Each slot's best source: fewest typos, whole word, then highest score.
        var best: [Int: (source: Int, value: Double)] = [:]
        var bm25 = 0.0
        for slot in plan.slots.indices {
            var chosen: (source: Int, value: Double)?
            var slotScore = 0.0
            for index in plan.sourcesBySlot[slot] {
                let source = plan.sources[index]
                guard source.terms.allSatisfy({ atDoc[$0] != nil }) else { continue }
                if source.isPhrase && !PhraseMatcher.matches(source.terms.map { cursors[$0]! }, fieldCount: fieldCount) { continue }
                let value = source.isPhrase
                    ? zip(source.terms, source.memberWeights).reduce(0.0) { $0 + $1.1 * atDoc[$1.0]!.saturation }
                    : source.weight * atDoc[source.terms[0]]!.saturation
                slotScore = max(slotScore, value)
                if let current = chosen {
                    let a = plan.sources[current.source]
                    if (source.typos, source.isPrefix ? 1 : 0, -value) >= (a.typos, a.isPrefix ? 1 : 0, -current.value) { continue }
                }
                chosen = (index, value)
            }
            if let chosen { best[slot] = chosen }
            bm25 += slotScore
        }
        let fieldNames = snapshot.settings.searchableFields.map(\.name)
        var matches: [HitExplanation.WordMatch] = []
        var typos = 0, prefixes = 0, attribute = 0
        for slot in plan.slots.indices {
            guard let (sourceIndex, _) = best[slot] else { continue }
            let source = plan.sources[sourceIndex]
            let field = source.terms.map { atDoc[$0]!.firstField }.min() ?? 0
            typos += source.typos
            if source.isPrefix { prefixes += 1 }
            attribute += field
            matches.append(
                HitExplanation.WordMatch(
                    word: plan.slots[slot].text, matchedTerms: source.terms.map { plan.terms[$0].term },
                    origin: source.origin.rawValue, typos: source.typos, field: field < fieldNames.count ? fieldNames[field] : "?"))
        }
        return HitExplanation(
            words: best.count, typos: typos, prefixes: prefixes,
            proximity: proximity(best: best, cursors: cursors, fieldCount: fieldCount),
            attribute: attribute, exactness: exactness(best: best, atDoc: atDoc), bm25: bm25, matches: matches)
    }

    /// Σ over neighbouring matched words of min(distance − 1, cap), reversed order costing one more.
    private func proximity(best: [Int: (source: Int, value: Double)], cursors: [PostingsCursor?], fieldCount: Int) -> Int {
        let matched = plan.slots.indices.filter { best[$0] != nil }
        guard matched.count > 1 else { return 0 }
        var total = 0
        for (a, b) in zip(matched, matched.dropFirst()) {
            let left = cursors[plan.sources[best[a]!.source].terms.last!]!
            let right = cursors[plan.sources[best[b]!.source].terms.first!]!
            var cost = Self.maximumPairCost
            for field in 0..<fieldCount {
                let p = left.positions(field: field), q = right.positions(field: field)
                if p.isEmpty || q.isEmpty { continue }
                cost = min(cost, Self.closest(p, q))
                if cost == 0 { break }
            }
            total += cost
        }
        return total
    }

    /// The smallest cost between a position of `p` and a later (or earlier, +1) position of `q`.
    private static func closest(_ p: ArraySlice<UInt32>, _ q: ArraySlice<UInt32>) -> Int {
        var i = p.startIndex, j = q.startIndex
        var best = maximumPairCost
        while i < p.endIndex && j < q.endIndex {
            let x = Int(p[i]), y = Int(q[j])
            let cost = y > x ? y - x - 1 : x - y + 1
            best = min(best, cost)
            if x < y { i += 1 } else { j += 1 }
        }
        return best
    }

    private func exactness(best: [Int: (source: Int, value: Double)], atDoc: [Int: TermAtDoc]) -> Int {
        guard !plan.slots.isEmpty, best.count == plan.slots.count,
            best.values.allSatisfy({ plan.sources[$0.source].origin == .exact })
        else { return 0 }
        // A field holding exactly the query words: every word occurs there and the field is that long.
        let fieldCount = snapshot.settings.searchableFields.count
        let queryLength = plan.slots.reduce(0) { $0 + $1.text.split(separator: " ").count }
        for field in 0..<fieldCount {
            let lengths = best.values.flatMap { plan.sources[$0.source].terms }.map { atDoc[$0]!.fieldLengths[field] }
            if lengths.allSatisfy({ $0 == UInt32(queryLength) }) { return 2 }
        }
        return 1
    }

    /// The rule values' ranges (0...range each, larger better), in rule order.
    private var ranges: [Double] {
        let n = Double(plan.slots.count)
        let fields = Double(snapshot.settings.searchableFields.count)
        return rules.map { rule in
            switch rule {
            case .words: n
            case .typo: 2 * n
            case .prefix: n
            case .proximity: Double(Self.maximumPairCost) * max(0, n - 1)
            case .attribute: max(0, fields - 1) * n
            case .exactness: 2
            case .bm25: plan.maximumBM25.rounded(.up) + 1
            }
        }
    }

    /// The best key any document could reach.
    var bestKey: [Double] { ranges }

    /// One number that orders keys as the rules do, up to and including `bm25` (later rules only break
    /// exact ties, which a single number cannot carry).
    func encode(_ key: [Double]) -> Double {
        let ranges = self.ranges
        guard let last = rules.firstIndex(of: .bm25) else { return 0 }
        var multiplier = 1.0
        var total = 0.0
        for i in stride(from: last, through: 0, by: -1) {
            total += key[i] * multiplier
            multiplier *= ranges[i] + 1
        }
        return total
    }

    /// The full rule key of an explanation (larger is better), compared lexicographically.
    func key(_ e: HitExplanation) -> [Double] {
        let n = plan.slots.count
        let fields = snapshot.settings.searchableFields.count
        return rules.map { rule in
            switch rule {
            case .words: Double(e.words)
            case .typo: Double(2 * n - e.typos)
            case .prefix: Double(n - e.prefixes)
            case .proximity: Double(Self.maximumPairCost * max(0, n - 1) - e.proximity)
            case .attribute: Double(max(0, fields - 1) * n - e.attribute)
            case .exactness: Double(e.exactness)
            case .bm25: e.bm25
            }
        }
    }
}
