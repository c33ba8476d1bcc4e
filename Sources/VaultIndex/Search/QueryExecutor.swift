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
        for term in plan.terms { if let problem = term.cursor?.corruption { throw .corrupt(problem) } }
        return heap.sorted()
    }

    private mutating func maxScore() {
        let order = plan.terms.indices.filter { plan.terms[$0].cursor != nil }.sorted { plan.terms[$0].bound < plan.terms[$1].bound }
        let cursors = order.map { plan.terms[$0].cursor! }
        let weights = order.map { plan.terms[$0].weight }
        var prefix = [0.0]
        for index in order { prefix.append(prefix.last! + plan.terms[index].bound) }
        let n = cursors.count
        var essential = 0
        while true {
            let threshold = heap.threshold
            while essential < n && cannotBeat(prefix[essential + 1], threshold) { essential += 1 }
            if essential == n { return }
            var candidate = PostingsCursor.exhausted
            for i in essential..<n where cursors[i].doc < candidate { candidate = cursors[i].doc }
            if candidate == PostingsCursor.exhausted { return }
            var score = 0.0
            for i in essential..<n where cursors[i].doc == candidate {
                score += scorer.score(cursors[i], termWeight: weights[i])
                cursors[i].next()
            }
            var j = essential - 1
            while j >= 0 {
                if cannotBeat(score + prefix[j + 1], threshold) { break }
                cursors[j].advance(to: candidate)
                if cursors[j].doc == candidate { score += scorer.score(cursors[j], termWeight: weights[j]) }
                j -= 1
            }
            if j < 0 && !cannotBeat(score, threshold) && !isExcluded(candidate) {
                heap.offer(score: score, doc: candidate)
            }
        }
    }

    private mutating func conjunction() {
        let required = plan.required.sorted().map { plan.terms[$0].cursor! }
        let optional = plan.terms.indices.filter { !plan.required.contains($0) && plan.terms[$0].cursor != nil }
        let optionalBound = optional.reduce(0.0) { $0 + plan.terms[$1].bound }
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
            if plan.phrases.allSatisfy({ phraseMatches($0.termIndices.map { plan.terms[$0].cursor! }) }) && !isExcluded(doc) {
                var score = 0.0
                for index in plan.required.sorted() { score += scorer.score(plan.terms[index].cursor!, termWeight: plan.terms[index].weight) }
                let threshold = heap.threshold
                if !cannotBeat(score + optionalBound, threshold) {
                    for index in optional {
                        let cursor = plan.terms[index].cursor!
                        cursor.advance(to: doc)
                        if cursor.doc == doc { score += scorer.score(cursor, termWeight: plan.terms[index].weight) }
                    }
                    if !cannotBeat(score, threshold) { heap.offer(score: score, doc: doc) }
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
