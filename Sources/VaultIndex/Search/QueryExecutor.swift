/// Runs a ``QueryPlan`` to its top k documents.
///
/// Without required terms it uses MaxScore (Turtle & Flood 1995): terms sorted by their score
/// bound; the lowest-bound terms whose bounds together cannot beat the current k-th score are
/// "non-essential" — only documents from the other lists become candidates, and non-essential
/// lists are merely probed (`advance(to:)`) while a candidate can still make it. With required
/// terms (all-words mode, phrases) it intersects the required lists by leapfrogging and scores the
/// optional ones on the survivors. Both return exactly what scoring every document would: pruning
/// only skips documents whose upper bound is at most the k-th score, which cannot enter the heap.
struct QueryExecutor {
    private var plan: QueryPlan
    private let scorer: BM25F
    private var heap: TopKHeap
    private let fieldCount: Int
    /// Work counters, filled by ``run()``.
    private(set) var work = SearchWork()

    init(plan: QueryPlan, scorer: BM25F, k: Int, fieldCount: Int) {
        self.plan = plan
        self.scorer = scorer
        self.heap = TopKHeap(capacity: k)
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
        if plan.required.isEmpty { maxScore() } else { conjunction() }
        for term in plan.terms {
            if let problem = term.cursor?.corruption { throw .corrupt(problem) }
            work.blocksDecoded += term.cursor?.blocksDecoded ?? 0
        }
        return heap.sorted()
    }

    /// Block-max MaxScore over windows of doc numbers (the approach of Lucene's MaxScoreBulkScorer).
    ///
    /// A window runs from the lowest current doc to the first end of any cursor's current block, so
    /// inside it each term's score is bounded by that one block's bound. Terms are partitioned by
    /// those bounds: when even the sum of all of them cannot beat the k-th score, the whole window is
    /// skipped without decoding a posting; otherwise only docs of the essential terms are candidates.
    private mutating func maxScore() {
        let cursors = plan.terms.compactMap(\.cursor)
        let weights = plan.terms.filter { $0.cursor != nil }.map(\.weight)
        let n = cursors.count
        guard n > 0 else { return }
        var order = Array(0..<n)
        var bounds = [Double](repeating: 0, count: n)
        var prefix = [Double](repeating: 0, count: n + 1)
        var frontier: UInt32 = 0
        while true {
            // The window: from the frontier to the first end of a block, found in the skip tables
            // alone; no block is read unless its cursor turns out essential or gets probed.
            var windowEnd = PostingsCursor.exhausted
            for (i, cursor) in cursors.enumerated() {
                let (bound, lastDoc) = cursor.shallowBound(atLeast: frontier)
                bounds[i] = bound
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
                    var candidate = PostingsCursor.exhausted
                    for rank in essential..<n where cursors[order[rank]].doc < candidate { candidate = cursors[order[rank]].doc }
                    if candidate > windowEnd || candidate == PostingsCursor.exhausted { break }
                    var score = 0.0
                    for rank in essential..<n {
                        let cursor = cursors[order[rank]]
                        if cursor.doc == candidate {
                            score += self.score(cursor, termWeight: weights[order[rank]])
                            cursor.next()
                        }
                    }
                    var rank = essential - 1
                    while rank >= 0 {
                        if cannotBeat(score + prefix[rank + 1], threshold) { break }
                        let cursor = cursors[order[rank]]
                        cursor.advance(to: candidate)
                        if cursor.doc == candidate { score += self.score(cursor, termWeight: weights[order[rank]]) }
                        rank -= 1
                    }
                    if rank < 0 && !cannotBeat(score, threshold) && !isExcluded(candidate) {
                        offer(score: score, doc: candidate)
                        if heap.threshold > threshold {
                            threshold = heap.threshold
                            while essential < n && cannotBeat(prefix[essential + 1], threshold) { essential += 1 }
                            if essential == n { break }
                        }
                    }
                }
            }
            frontier = windowEnd + 1
        }
    }

    private mutating func conjunction() {
        // The rarest required list drives the intersection; the others are only advanced.
        let requiredIndices = plan.required.sorted {
            plan.terms[$0].cursor!.skip.documentFrequency < plan.terms[$1].cursor!.skip.documentFrequency
        }
        let required = requiredIndices.map { plan.terms[$0].cursor! }
        let requiredWeights = requiredIndices.map { plan.terms[$0].weight }
        let optional = plan.terms.indices.filter { !plan.required.contains($0) && plan.terms[$0].cursor != nil }
        let optionalBound = optional.reduce(0.0) { $0 + plan.terms[$1].bound }
        let phrases = plan.phrases.map { phrase in phrase.termIndices.map { plan.terms[$0].cursor! } }
        var target = required.map(\.doc).max() ?? PostingsCursor.exhausted
        while target != PostingsCursor.exhausted {
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
            if phrases.allSatisfy(phraseMatches) && !isExcluded(doc) {
                var score = 0.0
                for (cursor, weight) in zip(required, requiredWeights) { score += self.score(cursor, termWeight: weight) }
                let threshold = heap.threshold
                if !cannotBeat(score + optionalBound, threshold) {
                    for index in optional {
                        let cursor = plan.terms[index].cursor!
                        cursor.advance(to: doc)
                        if cursor.doc == doc { score += self.score(cursor, termWeight: plan.terms[index].weight) }
                    }
                    if !cannotBeat(score, threshold) { offer(score: score, doc: doc) }
                }
            }
            required[0].next()
            target = required[0].doc
        }
    }

    /// Whether the cursors (all on the same doc) hold their terms at consecutive positions in one field.
    private func phraseMatches(_ cursors: [PostingsCursor]) -> Bool {
        for field in 0..<fieldCount {
            let first = cursors[0].positions(field: field)
            if first.isEmpty { continue }
            let rest = cursors.dropFirst().map { $0.positions(field: field) }
            if rest.contains(where: \.isEmpty) { continue }
            for start in first {
                var all = true
                for (offset, positions) in rest.enumerated() where !positions.contains(start + UInt32(offset + 1)) {
                    all = false
                    break
                }
                if all { return true }
            }
        }
        return false
    }

    @inline(__always)
    private mutating func score(_ cursor: PostingsCursor, termWeight: Double) -> Double {
        work.postingsScored += 1
        return scorer.score(cursor, termWeight: termWeight)
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
            if all && (exclusion.cursors.count == 1 || phraseMatches(exclusion.cursors)) { return true }
        }
        return false
    }
}
