import Testing
import VaultCorpus
@testable import VaultIndex

/// The typo automaton against the full-matrix oracle (``ReferenceDistance``):
/// 1. stepping a term scalar by scalar gives the oracle's distance whenever it is within the budget,
///    and nothing otherwise, for ASCII and non-ASCII words, with transpositions and first-letter edits;
/// 2. prefix mode gives the best distance over the term's non-empty prefixes;
/// 3. a state reported dead has no extension within the budget (checked on the actual term);
/// 4. a scalar left out of `liveScalars` makes the next row exceed the budget everywhere;
/// 5. with the budget spent, `exactCompletions` lists exactly the suffixes that still match;
/// 6. hand-computed values of the first-letter rule and transpositions.
@Suite("typo automaton")
struct TypoAutomatonTests {
    static let alphabet: [Unicode.Scalar] = ["a", "b", "c", "d", "é", "ж", "日", "😀"]

    static func randomWord(_ rng: inout SeededRandom, length: ClosedRange<Int>) -> [UInt32] {
        (0..<Int.random(in: length, using: &rng)).map { _ in rng.pick(alphabet).value }
    }

    /// `word` after 0–3 random edits (insert, delete, substitute, swap neighbours).
    static func mutated(_ word: [UInt32], _ rng: inout SeededRandom) -> [UInt32] {
        var result = word
        for _ in 0..<rng.below(4) {
            let position = result.isEmpty ? 0 : rng.below(result.count)
            switch rng.below(4) {
            case 0: result.insert(rng.pick(alphabet).value, at: rng.below(result.count + 1))
            case 1: if !result.isEmpty { result.remove(at: position) }
            case 2: if !result.isEmpty { result[position] = rng.pick(alphabet).value }
            default: if position + 1 < result.count { result.swapAt(position, position + 1) }
            }
        }
        return result
    }

    static func string(_ scalars: [UInt32]) -> String {
        String(String.UnicodeScalarView(scalars.map { Unicode.Scalar($0)! }))
    }

    @Test("distance, prefix distance, death and live scalars agree with the full-matrix oracle")
    func agreesWithOracle() {
        let seed = propertySeed()
        print("TypoAutomatonTests seed: \(seed) (replay with VAULT_TEST_SEED=\(seed))")
        var rng = SeededRandom(seed: seed)
        var withinBudget = 0
        for round in 0..<4_000 {
            let query = Self.randomWord(&rng, length: 1...7)
            let term = rng.chance(70) ? Self.mutated(query, &rng) : Self.randomWord(&rng, length: 0...8)
            let maxDistance = rng.below(4)
            let prefixMode = rng.chance(40)
            let context = "seed \(seed) round \(round): '\(Self.string(query))' vs '\(Self.string(term))' max \(maxDistance) prefix \(prefixMode)"
            let automaton = TypoAutomaton(word: Self.string(query), maxDistance: maxDistance, matchesPrefixes: prefixMode)
            let matrix = ReferenceDistance.matrix(query, term)
            let n = query.count
            let whole = matrix[n][term.count]
            let bestPrefix = term.isEmpty ? Int.max : matrix[n][1...].min()!
            var state = automaton.start()
            for (j, scalar) in term.enumerated() {
                if automaton.isDead(state) {
                    // 3. Dead: nothing from here on is within the budget.
                    #expect(whole > maxDistance, "\(context): dead after \(j) scalars, but the whole term is at \(whole)")
                    if prefixMode { #expect(matrix[n][j...].min()! > maxDistance, "\(context): dead after \(j) scalars") }
                }
                if let live = automaton.liveScalars(state) {
                    // 4. Every other scalar leaves the next row above the budget in every cell.
                    for other in Self.alphabet.map(\.value) + [0x7A] where !live.contains(other) {
                        let next = ReferenceDistance.matrix(query, Array(term[0..<j]) + [other])
                        let rowMinimum = (0...n).map { next[$0][j + 1] }.min()!
                        #expect(rowMinimum > maxDistance, "\(context): scalar \(other) left out after \(j) scalars")
                    }
                    for scalar in live { #expect(!automaton.isDead(automaton.step(state, scalar)), "\(context)") }
                }
                if let suffixes = automaton.exactCompletions(state) {
                    // 5. Budget spent: the listed completions are within the budget, and so is the
                    //    actual term's rest only if it is listed.
                    for suffix in suffixes {
                        let candidate = Array(term[0..<j]) + suffix
                        #expect(ReferenceDistance.matrix(query, candidate)[n][candidate.count] <= maxDistance, "\(context): suffix \(suffix)")
                    }
                    let rest = Array(term[j...])
                    #expect(suffixes.contains(rest) == (whole <= maxDistance), "\(context): rest after \(j) scalars")
                }
                #expect(automaton.isAlive(after: state, scalar) == !automaton.isDead(automaton.step(state, scalar)), "\(context)")
                state = automaton.step(state, scalar)
            }
            // 1. Whole-word distance.
            #expect(automaton.distance(state) == (whole <= maxDistance ? whole : nil), "\(context): oracle \(whole)")
            // 2. Prefix distance.
            if prefixMode {
                #expect(automaton.prefixDistance(state) == (bestPrefix <= maxDistance ? bestPrefix : nil), "\(context): oracle \(bestPrefix)")
            }
            if whole <= maxDistance { withinBudget += 1 }
        }
        #expect(withinBudget > 800, "the generator should produce many matches, got \(withinBudget)")
    }

    static func distance(_ word: String, _ term: String, max: Int = 4) -> Int? {
        let automaton = TypoAutomaton(word: word, maxDistance: max, matchesPrefixes: false)
        return automaton.distance(term.unicodeScalars.reduce(automaton.start()) { automaton.step($0, $1.value) })
    }

    @Test("hand-computed distances", arguments: [
        ("python", "python", 0), ("python", "pyhton", 1), ("python", "pythno", 1), ("python", "ypthon", 2),
        ("python", "bython", 2), ("python", "ython", 2), ("python", "apython", 2), ("python", "ppython", 1),
        ("python", "pythons", 1), ("python", "pyton", 1), ("résumé", "resume", 2), ("résumé", "résume", 1),
        ("ab", "ba", 2), ("a", "b", 2), ("a", "", 2), ("日本語", "日本", 1), ("😀ab", "😀ba", 1),
    ])
    func handComputed(word: String, term: String, expected: Int) {
        #expect(Self.distance(word, term) == expected)
        #expect(ReferenceDistance.distance(word, term) == expected, "the oracle agrees with the hand count")
    }

    @Test("with no budget left only matching scalars keep a state alive")
    func liveScalarsAreFew() {
        let automaton = TypoAutomaton(word: "python", maxDistance: 1, matchesPrefixes: false)
        // A first-letter edit costs 2, so with a budget of 1 only 'p' can start a match.
        #expect(automaton.liveScalars(automaton.start()) == ["p".unicodeScalars.first!.value])
        let afterPX = automaton.step(automaton.step(automaton.start(), 0x70), 0x78)  // "px": one edit spent; only "pxy…" (x inserted) or "pxt…" (y→x) can still match
        #expect(automaton.liveScalars(afterPX) == ["t", "y"].map { Unicode.Scalar($0)!.value })
    }
}
