/// Runs a ``QueryPlan`` to its top k documents by the scan-time score (ranking-rule bonuses + BM25F,
/// see ``CandidateScorer``).
///
/// Without required terms it uses MaxScore (Turtle & Flood 1995): terms sorted by their score
/// bound; the lowest-bound terms whose bounds together cannot beat the current k-th score are
/// "non-essential" — only documents from the other lists become candidates, and non-essential
/// lists are merely probed (`advance(to:)`) while a candidate can still make it. When every required
/// word has a single exact source, the required terms drive a leapfrog intersection instead. Both
/// return exactly what scoring every document would: pruning only skips documents whose upper bound
/// is at most the k-th score, which cannot enter the heap.
///
/// A filter and the scope arrive as ``allowed``: a candidate outside it is skipped before it is
/// scored, and the cursors seek straight to the next allowed doc number (skipping whole blocks
/// through the skip tables), so a selective filter makes a query cheaper, never dearer. (The exact
/// match set behind totals and facets comes from ``MatchSet``, without scoring.)
struct QueryExecutor {
    private var plan: QueryPlan
    private var heap: TopKHeap
    private var candidate: CandidateScorer
    private let cursors: [PostingsCursor?]
    private let fieldCount: Int
    private let allowed: DocSet?
    /// Work counters, filled by ``run()``.
    private(set) var work = SearchWork()

    init(plan: QueryPlan, scorer: BM25F, k: Int, fieldCount: Int, allowed: DocSet? = nil) {
        self.plan = plan
        self.allowed = allowed
        self.heap = TopKHeap(capacity: k)
        self.candidate = CandidateScorer(plan: plan, scorer: scorer, fieldCount: fieldCount)
        self.cursors = plan.terms.map(\.cursor)
        self.fieldCount = fieldCount
    }

    /// Bounds are compared with this relative slack so that rounding in a sum of bounds never
    /// prunes a document whose exact score would tie or beat the threshold.
    private static let slack = 1e-9

    @inline(__always)
    private func cannotBeat(_ bound: Double, _ threshold: Double) -> Bool {
        bound + abs(bound) * Self.slack < threshold
    }

    /// The best documents, best first.
    mutating func run() throws(IndexError) -> [TopKHeap.Entry] {
        if plan.cannotMatch || heap.capacity == 0 { return [] }
        if let required = plan.requiredTerms, !required.isEmpty { conjunction(required: required) } else { maxScore() }
        for cursor in cursors {
            if let problem = cursor?.corruption { throw .corrupt(problem) }
            work.blocksDecoded += cursor?.blocksDecoded ?? 0
        }
        return heap.sorted()
    }

    @inline(__always)
    private mutating func add(_ term: Int, _ cursor: PostingsCursor) -> Double {
        work.postingsScored += 1
        return candidate.add(term: term, cursor: cursor)
    }

    /// Block-max MaxScore over windows of doc numbers (the approach of Lucene's MaxScoreBulkScorer).
    ///
    /// A window runs from the lowest current doc to the first end of any cursor's current block, so
    /// inside it each term's score is bounded by that one block's bound. Terms are partitioned by
    /// those bounds: when even the sum of all of them cannot beat the k-th score, the whole window is
    /// skipped without decoding a posting; otherwise only docs of the essential terms are candidates.
    private mutating func maxScore() {
        let active = plan.terms.indices.filter { plan.terms[$0].cursor != nil }
        let cursors = active.map { plan.terms[$0].cursor! }
        let scales = active.map { plan.terms[$0].scale }
        let bonuses = active.map { plan.terms[$0].bonus }
        let n = cursors.count
        guard n > 0 else { return }
        var order = Array(0..<n)
        var bounds = [Double](repeating: 0, count: n)
        var prefix = [Double](repeating: 0, count: n + 1)
        var frontier: UInt32 = 0
        // Phrase sources (split words, multi-word synonyms) are scored in `finish`, after the probe
        // loop's early cut, and an essential term's phrase share is in neither `score` nor the
        // non-essential prefix: the cut must leave room for their best.
        let phraseBound = plan.phraseSourceIndices.reduce(0.0) { $0 + plan.sources[$1].bonus + plan.sources[$1].weight }
        var stepped: [Int] = []
        stepped.reserveCapacity(n)
        while true {
            if let allowed {
                frontier = allowed.next(atLeast: frontier)
                if frontier == PostingsCursor.exhausted { return }
            }
            // The window: from the frontier to the first end of a block, found in the skip tables
            // alone; no block is read unless its cursor turns out essential or gets probed.
            var windowEnd = PostingsCursor.exhausted
            for (i, cursor) in cursors.enumerated() {
                let (bound, lastDoc) = cursor.shallowBound(atLeast: frontier)
                bounds[i] = lastDoc == PostingsCursor.exhausted ? 0 : bound * scales[i] + bonuses[i]
                windowEnd = min(windowEnd, lastDoc)
            }
            if windowEnd == PostingsCursor.exhausted { return }
            // Order terms by their bound in this window.
            order.sort { bounds[$0] < bounds[$1] }
            for (rank, i) in order.enumerated() { prefix[rank + 1] = prefix[rank] + bounds[i] }
            var essential = 0
            var threshold = heap.threshold
            while essential < n && cannotBeat(prefix[essential + 1], threshold) { essential += 1 }
            if essential < n {
                for rank in essential..<n { cursors[order[rank]].advance(to: frontier) }
                while true {
                    var doc = PostingsCursor.exhausted
                    for rank in essential..<n where cursors[order[rank]].doc < doc { doc = cursors[order[rank]].doc }
                    if doc > windowEnd || doc == PostingsCursor.exhausted { break }
                    if let allowed, !allowed.contains(doc) {
                        let next = allowed.next(atLeast: doc)
                        for rank in essential..<n { cursors[order[rank]].advance(to: next) }
                        continue
                    }
                    candidate.begin()
                    var score = 0.0
                    stepped.removeAll(keepingCapacity: true)
                    for rank in essential..<n where cursors[order[rank]].doc == doc {
                        score += add(active[order[rank]], cursors[order[rank]])
                        stepped.append(order[rank])
                    }
                    var rank = essential - 1
                    while rank >= 0 {
                        if cannotBeat(score + phraseBound + prefix[rank + 1], threshold) { break }
                        let cursor = cursors[order[rank]]
                        cursor.advance(to: doc)
                        if cursor.doc == doc { score += add(active[order[rank]], cursor) }
                        rank -= 1
                    }
                    // Every list is probed: phrase sources and required words decide (cursors still on `doc`).
                    if rank < 0, let gain = candidate.finish(cursors: self.cursors) {
                        score += gain
                        if !cannotBeat(score, threshold) && !isExcluded(doc) {
                            offer(score: score, doc: doc)
                            if heap.threshold > threshold {
                                threshold = heap.threshold
                                while essential < n && cannotBeat(prefix[essential + 1], threshold) { essential += 1 }
                            }
                        }
                    }
                    for i in stepped { cursors[i].next() }
                    if essential == n { break }
                }
            }
            frontier = windowEnd + 1
        }
    }

    private mutating func conjunction(required requiredTerms: [Int]) {
        // The rarest required list drives the intersection; the others are only advanced.
        let requiredIndices = Array(Set(requiredTerms)).sorted {
            plan.terms[$0].cursor!.skip.documentFrequency < plan.terms[$1].cursor!.skip.documentFrequency
        }
        let required = requiredIndices.map { plan.terms[$0].cursor! }
        let optional = plan.terms.indices.filter { !requiredIndices.contains($0) && plan.terms[$0].cursor != nil }
        // Phrase sources are scored in `finish`, after this early cut: their best is part of the slack.
        let phraseBound = plan.phraseSourceIndices.reduce(0.0) { $0 + plan.sources[$1].bonus + plan.sources[$1].weight }
        let optionalBound = optional.reduce(0.0) { $0 + plan.terms[$1].bound } + phraseBound
        var target = required.map(\.doc).max() ?? PostingsCursor.exhausted
        while target != PostingsCursor.exhausted {
            if let allowed {
                target = allowed.next(atLeast: target)
                if target == PostingsCursor.exhausted { break }
            }
            var aligned = true
            for cursor in required {
                cursor.advance(to: target)
                if cursor.doc != target {
                    target = cursor.doc
                    aligned = false
                    break
                }
            }
            if !aligned { continue }
            let doc = target
            candidate.begin()
            var score = 0.0
            for (index, cursor) in zip(requiredIndices, required) { score += add(index, cursor) }
            let threshold = heap.threshold
            if !cannotBeat(score + optionalBound, threshold) && !isExcluded(doc) {
                for index in optional {
                    let cursor = plan.terms[index].cursor!
                    cursor.advance(to: doc)
                    if cursor.doc == doc { score += add(index, cursor) }
                }
                if let gain = candidate.finish(cursors: cursors) {
                    score += gain
                    if !cannotBeat(score, threshold) { offer(score: score, doc: doc) }
                }
            }
            required[0].next()
            target = required[0].doc
        }
    }

    @inline(__always)
    private mutating func offer(score: Double, doc: UInt32) {
        work.candidates += 1
        heap.offer(score: score, doc: doc)
    }

    private func isExcluded(_ doc: UInt32) -> Bool {
        for exclusion in plan.exclusions {
            var all = true
            for cursor in exclusion.cursors {
                cursor.advance(to: doc)
                if cursor.doc != doc { all = false; break }
            }
            if all && (exclusion.cursors.count == 1 || PhraseMatcher.matches(exclusion.cursors, fieldCount: fieldCount)) { return true }
        }
        return false
    }

}
