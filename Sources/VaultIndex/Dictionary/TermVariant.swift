/// A dictionary term matching a query word, from ``IndexSnapshot/typoVariants(of:maxDistance:limit:)``
/// or ``IndexSnapshot/prefixCompletions(of:maxDistance:limit:)``.
public struct TermVariant: Equatable, Sendable {
    /// The term as stored (folded, stemmed).
    public var term: String
    /// Edits between the query word and the term (or, when ``isPrefix``, the term's best-matching
    /// prefix); an edit on the first letter counts 2.
    public var distance: Int
    /// Matched only as a completion of the typed prefix: the term is longer than what matched.
    public var isPrefix: Bool
    /// How many documents contain the term.
    public var documentFrequency: UInt32

    /// A variant.
    public init(term: String, distance: Int, isPrefix: Bool, documentFrequency: UInt32) {
        self.term = term
        self.distance = distance
        self.isPrefix = isPrefix
        self.documentFrequency = documentFrequency
    }

    /// Best first: distance ascending, then document frequency descending, then term (bytewise).
    static func ranksBefore(_ a: TermVariant, _ b: TermVariant) -> Bool {
        if a.distance != b.distance { return a.distance < b.distance }
        if a.documentFrequency != b.documentFrequency { return a.documentFrequency > b.documentFrequency }
        return a.term.utf8.lexicographicallyPrecedes(b.term.utf8)
    }
}

/// What a dictionary walk did: the work counters the benchmarks report next to the time.
public struct DictionaryWalkWork: Equatable, Sendable {
    /// Cursor seeks (positioning on a key at least some byte string).
    public var seeks = 0
    /// Dictionary keys read by stepping the cursor forward (`next`) instead of seeking.
    public var steps = 0
    /// Trie nodes (distinct term prefixes) the automaton was stepped into.
    public var nodes = 0
    /// Terms accepted before ranking and the limit.
    public var accepted = 0
    /// Whether the walk stopped at its scan cap (the result is then approximate, see
    /// ``IndexSnapshot/prefixCompletions(of:maxDistance:limit:)``).
    public var hitScanCap = false
    /// Whether the answer came from the prefix table.
    public var usedPrefixTable = false

    /// No work yet.
    public init() {}
}

/// Keeps the best `limit` variants seen so far, in ``TermVariant/ranksBefore(_:_:)`` order, with
/// amortized O(1) insertion (sort and cut whenever the buffer doubles).
struct VariantSelection {
    let limit: Int
    private var buffer: [TermVariant] = []

    init(limit: Int) { self.limit = limit }

    mutating func add(_ variant: TermVariant) {
        guard limit > 0 else { return }
        buffer.append(variant)
        if buffer.count >= 2 * limit + 16 { compact() }
    }

    private mutating func compact() {
        buffer.sort(by: TermVariant.ranksBefore)
        if buffer.count > limit { buffer.removeLast(buffer.count - limit) }
    }

    /// The best `limit` variants, best first.
    mutating func result() -> [TermVariant] {
        compact()
        return buffer
    }
}
