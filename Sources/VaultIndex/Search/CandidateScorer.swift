/// Scores one candidate document from the query terms found in it: each query word (slot) takes the
/// best of its sources, `bonus + weight · saturate(tf~)`; phrase sources (split words, multi-word
/// synonyms, quoted phrases) count only when their terms sit at consecutive positions.
///
/// Terms are added one at a time (MaxScore probes lists lazily); ``add(term:cursor:)`` returns how much
/// the document's score grew, so the caller can keep comparing a running score with the threshold.
struct CandidateScorer {
    private struct Contribution {
        var slot: Int
        var bonus: Double
        var weight: Double
    }

    private let scorer: BM25F
    private let contributions: [[Contribution]]
    private let phrases: [(source: Int, terms: [Int], slot: Int, bonus: Double, weights: [Double])]
    private let requiredSlots: [Int]
    private let fieldCount: Int
    private(set) var slotBest: [Double]
    private var touched: [Int] = []
    private(set) var saturated: [Double]
    private var present: [Bool]
    private var presentTerms: [Int] = []

    init(plan: QueryPlan, scorer: BM25F, fieldCount: Int) {
        self.scorer = scorer
        self.fieldCount = fieldCount
        contributions = plan.terms.map { term in
            term.singleSources.map { Contribution(slot: plan.sources[$0].slot, bonus: plan.sources[$0].bonus, weight: plan.sources[$0].weight) }
        }
        phrases = plan.phraseSourceIndices.map { i in
            let source = plan.sources[i]
            return (i, source.terms, source.slot, source.bonus, source.memberWeights)
        }
        requiredSlots = plan.slots.indices.filter { plan.slots[$0].isRequired }
        slotBest = Array(repeating: 0, count: plan.slots.count)
        saturated = Array(repeating: 0, count: plan.terms.count)
        present = Array(repeating: false, count: plan.terms.count)
    }

    /// Starts a new candidate.
    @inline(__always)
    mutating func begin() {
        for slot in touched { slotBest[slot] = 0 }
        touched.removeAll(keepingCapacity: true)
        for term in presentTerms { present[term] = false }
        presentTerms.removeAll(keepingCapacity: true)
    }

    @inline(__always)
    private mutating func improve(slot: Int, to value: Double) -> Double {
        let old = slotBest[slot]
        guard value > old else { return 0 }
        if old == 0 { touched.append(slot) }
        slotBest[slot] = value
        return value - old
    }

    /// Adds term `term`, whose cursor is on the candidate; returns the score gained.
    @inline(__always)
    mutating func add(term: Int, cursor: PostingsCursor) -> Double {
        let saturation = scorer.saturation(of: cursor)
        saturated[term] = saturation
        present[term] = true
        presentTerms.append(term)
        var gain = 0.0
        for contribution in contributions[term] {
            gain += improve(slot: contribution.slot, to: contribution.bonus + contribution.weight * saturation)
        }
        return gain
    }

    /// Adds what phrase sources bring once every term has been added, and checks required words;
    /// returns the gain, or nil when a required word is unmatched or no word matched at all.
    mutating func finish(cursors: [PostingsCursor?]) -> Double? {
        var gain = 0.0
        for phrase in phrases where phrase.terms.allSatisfy({ present[$0] }) {
            let members = phrase.terms.map { cursors[$0]! }
            guard PhraseMatcher.matches(members, fieldCount: fieldCount) else { continue }
            var value = phrase.bonus
            for (term, weight) in zip(phrase.terms, phrase.weights) { value += weight * saturated[term] }
            gain += improve(slot: phrase.slot, to: value)
        }
        for slot in requiredSlots where slotBest[slot] == 0 { return nil }
        // Terms that only feed an unmatched phrase (half of a split word) do not make a match.
        return touched.isEmpty ? nil : gain
    }

    /// Whether the candidate has term `term` (after ``add(term:cursor:)``).
    func has(_ term: Int) -> Bool { present[term] }
}

/// Checks that terms sit at consecutive positions, in order, in one field.
enum PhraseMatcher {
    /// Whether the cursors (all on the same doc) hold their terms at consecutive positions in one field.
    static func matches(_ cursors: [PostingsCursor], fieldCount: Int) -> Bool {
        for field in 0..<fieldCount {
            let first = cursors[0].positions(field: field)
            if first.isEmpty { continue }
            let rest = cursors.dropFirst().map { $0.positions(field: field) }
            if rest.contains(where: \.isEmpty) { continue }
            for start in first {
                var all = true
                for (offset, positions) in rest.enumerated() where !positions.contains(start &+ UInt32(offset + 1)) {
                    all = false
                    break
                }
                if all { return true }
            }
        }
        return false
    }
}
