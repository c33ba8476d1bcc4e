/// A restricted Damerau–Levenshtein (optimal string alignment) automaton for one query word, stepped
/// one Unicode scalar of a candidate term at a time, so a walk over the sorted term dictionary can
/// share the work of a common prefix and abandon a subtree as soon as no term in it can match.
///
/// Distance: insertions, deletions, substitutions and adjacent transpositions cost 1, except that
/// an edit touching the first scalar of the query or of the term costs 2 (Meilisearch's rule: a
/// typo on the first letter counts as two). That is: substituting the first scalar, deleting it,
/// inserting a scalar before it, or transposing it with the second. Optimal string alignment means
/// no substring is edited twice (`ca` → `abc` is 3, not 2).
///
/// State is one DP row per consumed term scalar: `row[i]` is the distance between the query's
/// first `i` scalars and the term prefix consumed so far, saturated at `maxDistance + 1`. The row
/// before it is kept for transpositions. Row minima never decrease along a term (any path into a
/// row passes through the previous one at no greater cost), so `rowMinimum > maxDistance` means
/// dead.
///
/// Prefix mode accepts a term when some non-empty prefix of the term is within `maxDistance` of the
/// whole query word; every extension of an accepted prefix is accepted too, with the best such
/// distance.
struct TypoAutomaton {
    /// The automaton's position after consuming some term prefix.
    struct State {
        /// `row[i]`: distance of query[0..<i] to the consumed term prefix (saturated).
        fileprivate(set) var row: [UInt8]
        /// The row before `row` (empty at the start), for transpositions.
        fileprivate var previousRow: [UInt8]
        /// The last term scalar consumed (for transpositions).
        fileprivate var lastScalar: UInt32
        /// Term scalars consumed.
        fileprivate(set) var length: Int
        /// The smallest `row[n]` seen so far: the best distance of any consumed prefix to the whole
        /// query (prefix mode), saturated.
        fileprivate(set) var bestPrefixDistance: UInt8
        /// The smallest value in `row`: no extension of the term can get below it.
        fileprivate(set) var rowMinimum: UInt8
    }

    /// The query word as Unicode scalar values.
    let query: [UInt32]
    /// The largest accepted distance.
    let maxDistance: Int
    /// Whether terms whose prefix matches are accepted (search-as-you-type).
    let matchesPrefixes: Bool
    /// `maxDistance + 1`: every larger distance is stored as this.
    private let ceiling: UInt8
    /// The query's distinct scalars, ascending: the only scalars that can keep a state with no
    /// budget left alive.
    private let distinctScalars: [UInt32]

    /// The largest supported `maxDistance` (rows are bytes; beyond 4 a walk is a scan anyway).
    static let maximumDistance = 4

    /// An automaton for `word`. `maxDistance` must be in `0...maximumDistance`.
    init(word: String, maxDistance: Int, matchesPrefixes: Bool) {
        precondition((0...Self.maximumDistance).contains(maxDistance), "maxDistance out of range")
        query = word.unicodeScalars.map(\.value)
        self.maxDistance = maxDistance
        self.matchesPrefixes = matchesPrefixes
        ceiling = UInt8(maxDistance + 1)
        distinctScalars = Array(Set(query)).sorted()
    }

    /// The state before any term scalar: `row[i]` is the cost of deleting the first `i` query scalars.
    func start() -> State {
        var row = [UInt8](repeating: 0, count: query.count + 1)
        var value = 0
        for i in 1..<row.count {
            value += i == 1 ? 2 : 1
            row[i] = UInt8(min(value, Int(ceiling)))
        }
        // The empty prefix is not a match: a completion must share at least one scalar's position.
        return State(row: row, previousRow: [], lastScalar: 0, length: 0, bestPrefixDistance: ceiling, rowMinimum: 0)
    }

    /// The state after consuming one more term scalar.
    func step(_ state: State, _ scalar: UInt32) -> State {
        var minimum: UInt8 = 0
        let row = [UInt8](unsafeUninitializedCapacity: query.count + 1) { buffer, count in
            minimum = fillRow(after: state, scalar, into: buffer)
            count = query.count + 1
        }
        return State(
            row: row, previousRow: state.row, lastScalar: scalar, length: state.length + 1,
            bestPrefixDistance: min(state.bestPrefixDistance, row[query.count]), rowMinimum: minimum)
    }

    /// Whether `step(state, scalar)` would be alive, without allocating its row.
    func isAlive(after state: State, _ scalar: UInt32) -> Bool {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: query.count + 1) { buffer in
            let minimum = fillRow(after: state, scalar, into: buffer)
            return Int(minimum) <= maxDistance
                || (matchesPrefixes && Int(min(state.bestPrefixDistance, buffer[query.count])) <= maxDistance)
        }
    }

    /// Writes the DP row after `state` plus `scalar` into `row` (n + 1 cells); returns its minimum.
    private func fillRow(after state: State, _ scalar: UInt32, into row: UnsafeMutableBufferPointer<UInt8>) -> UInt8 {
        let n = query.count
        let j = state.length + 1  // term scalars consumed after this step
        let previous = state.row
        let ceiling = Int(ceiling)
        let insertCost = j == 1 ? 2 : 1
        row[0] = UInt8(min(Int(previous[0]) + insertCost, ceiling))
        var minimum = row[0]
        let canTranspose = j >= 2
        for i in stride(from: 1, through: n, by: 1) {
            let queryScalar = query[i - 1]
            let edgeCost = (i == 1 || j == 1) ? 2 : 1
            var best = Int(previous[i - 1]) + (queryScalar == scalar ? 0 : edgeCost)
            best = min(best, Int(previous[i]) + insertCost)
            best = min(best, Int(row[i - 1]) + (i == 1 ? 2 : 1))
            if canTranspose, i >= 2, queryScalar == state.lastScalar, query[i - 2] == scalar, queryScalar != scalar {
                best = min(best, Int(state.previousRow[i - 2]) + ((i == 2 || j == 2) ? 2 : 1))
            }
            let value = UInt8(min(best, ceiling))
            row[i] = value
            if value < minimum { minimum = value }
        }
        return minimum
    }

    /// Whether some prefix consumed so far is within `maxDistance` of the query (prefix mode only).
    func isAcceptedAsPrefix(_ state: State) -> Bool {
        matchesPrefixes && Int(state.bestPrefixDistance) <= maxDistance
    }

    /// Whether no term extending the consumed prefix can be accepted.
    func isDead(_ state: State) -> Bool {
        Int(state.rowMinimum) > maxDistance && !isAcceptedAsPrefix(state)
    }

    /// The distance of the consumed term to the whole query, when within `maxDistance`.
    func distance(_ state: State) -> Int? {
        let value = Int(state.row[query.count])
        return value <= maxDistance ? value : nil
    }

    /// The best distance of any consumed prefix to the whole query, when within `maxDistance`
    /// (prefix mode).
    func prefixDistance(_ state: State) -> Int? {
        isAcceptedAsPrefix(state) ? Int(state.bestPrefixDistance) : nil
    }

    /// Whether stepping further can still tell extensions apart (prefix mode, accepted state): some
    /// cell is at or below ``prefixDistance(_:)``, so a longer term may lower it, or match as a
    /// whole word at that same distance. When not, every extension is a pure completion with the
    /// same distance and needs no more steps.
    func needsMoreSteps(_ state: State) -> Bool {
        state.rowMinimum <= state.bestPrefixDistance
    }

    /// The scalars that keep `state` alive, ascending; nil when any scalar may (the state still has
    /// budget for an edit, or it is an accepted prefix).
    ///
    /// A scalar outside the query changes the row the same way as any other such scalar, so one
    /// trial step with a scalar that matches nothing decides whether "any" is needed; otherwise only
    /// query scalars can help, and each is tried.
    func liveScalars(_ state: State) -> [UInt32]? {
        if isAcceptedAsPrefix(state) { return nil }
        if isAlive(after: state, Self.unmatchable) { return nil }
        var live: [UInt32] = []
        for scalar in distinctScalars where isAlive(after: state, scalar) { live.append(scalar) }
        return live
    }

    /// With the budget spent (`rowMinimum == maxDistance`, whole-word mode), the only terms that
    /// extend the consumed prefix within `maxDistance` are the consumed prefix followed by one of
    /// these suffixes (never empty; the consumed prefix itself is judged by ``distance(_:)``):
    /// - `query[i...]` for each `i < n` with `row[i] == maxDistance` (every further scalar matches);
    /// - `query[i-2] + query[i...]` for each transposition of the last consumed scalar with the next
    ///   one that lands at `maxDistance` (the one edit that reaches back past the current row).
    /// Nil when the state still has budget for an edit. The walk then looks these terms up directly
    /// instead of stepping down scalar by scalar.
    func exactCompletions(_ state: State) -> [[UInt32]]? {
        guard !matchesPrefixes, Int(state.rowMinimum) == maxDistance else { return nil }
        let n = query.count
        var suffixes: [[UInt32]] = []
        for i in 0..<n where Int(state.row[i]) == maxDistance { suffixes.append(Array(query[i...])) }
        let j = state.length + 1  // term position of the scalar after the consumed prefix
        if state.length >= 1 && n >= 2 {
            for i in 2...n where query[i - 1] == state.lastScalar && query[i - 2] != query[i - 1] {
                let cost = (i == 2 || j == 2) ? 2 : 1
                if Int(state.previousRow[i - 2]) + cost <= maxDistance {
                    suffixes.append([query[i - 2]] + query[i...])
                }
            }
        }
        return suffixes
    }

    /// A value no Unicode scalar has, so it matches no query scalar.
    private static let unmatchable: UInt32 = 0xFFFF_FFFF
}
