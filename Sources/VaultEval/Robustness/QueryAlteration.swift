/// The alterations `vaultsearch eval` can apply to a query set before running it: typos, a cut last
/// word, or both (typos first, then the cut). Pure: the same queries give the same result.
public struct QueryAlteration: Sendable, Equatable {
    /// The typing mistakes to make, if any.
    public var typos: TypoInjector?
    /// The last-word cut to make, if any.
    public var prefix: PrefixTruncator?

    /// An alteration; with neither part it changes nothing.
    public init(typos: TypoInjector? = nil, prefix: PrefixTruncator? = nil) {
        self.typos = typos
        self.prefix = prefix
    }

    /// Whether it changes anything at all.
    public var isIdentity: Bool { typos == nil && prefix == nil }

    /// In words, e.g. `typos (seed 13: p 0.5, words of >= 5 letters, first letter kept), then prefix (last word cut to 60 %, >= 2 characters)`.
    public var description: String {
        var parts: [String] = []
        if let typos {
            let first = typos.keepsFirstLetter ? ", first letter kept" : ""
            parts.append("typos (seed \(typos.seed): p \(typos.probability), words of >= \(typos.minimumLetters) letters\(first))")
        }
        if let prefix {
            parts.append("prefix (last word cut to \(prefix.percent) %, >= \(prefix.minimumLength) characters)")
        }
        return parts.isEmpty ? "none" : parts.joined(separator: ", then ")
    }

    /// Alters every query, in order.
    public func apply(to queries: [EvalQuery]) -> AlteredQueries {
        var result = AlteredQueries()
        for original in queries {
            var query = original
            if let typos {
                let (typoed, edits) = typos.alter(query)
                query = typoed
                for edit in edits { result.editCounts[edit.kind, default: 0] += 1 }
            }
            if let prefix { query = prefix.alter(query).query }
            let changedWords = Self.changedWordCount(from: original.text, to: query.text)
            if query.text != original.text { result.changedQueries += 1 }
            result.changedWords += changedWords
            result.queries.append(query)
        }
        return result
    }

    /// How many words differ between `original` and `altered`, word by word in text order (the
    /// alterations keep the number of words: edits only touch letters and never empty a word, and
    /// the cut keeps at least one character of the last word). A word that got a typo and was then
    /// cut counts once; a typo removed again by the cut does not count.
    static func changedWordCount(from original: String, to altered: String) -> Int {
        let before = QueryWords(original), after = QueryWords(altered)
        let pairs = zip(before.ranges, after.ranges)
        let differing = pairs.filter { before.characters[$0.0] != after.characters[$0.1] }.count
        return differing + abs(before.ranges.count - after.ranges.count)
    }
}

/// Queries after a ``QueryAlteration``, with counts of what changed.
public struct AlteredQueries: Sendable, Equatable {
    /// The queries, in input order, ids unchanged.
    public var queries: [EvalQuery] = []
    /// How many queries' text changed.
    public var changedQueries = 0
    /// How many words changed over all queries.
    public var changedWords = 0
    /// How many typos of each kind were made (a typo later cut away by the prefix still counts here).
    public var editCounts: [TypoEdit.Kind: Int] = [:]

    /// No queries yet.
    public init() {}
}
