/// Cuts the last word of a query short, as if the user were still typing it
/// (`vaultsearch eval --prefix`).
///
/// The last word is the last maximal run of letters and digits (see `QueryWords`). Of its `n`
/// characters the first `max(minimumLength, round(n × percent / 100))` are kept, rounding halves
/// up (with 60 % there are no halves: 5 → 3, 6 → 4, 7 → 4, 8 → 5, 10 → 6), and everything after
/// them — the rest of the word and any trailing punctuation or space — is removed. A last word of
/// at most ``minimumLength`` characters, or a query without words, is left exactly as it is.
public struct PrefixTruncator: Sendable, Equatable {
    /// The share of the last word that is kept, in percent.
    public var percent: Int
    /// The fewest characters kept.
    public var minimumLength: Int

    /// A truncator; the defaults (60 %, at least 2 characters) are those of `vaultsearch eval --prefix`.
    public init(percent: Int = 60, minimumLength: Int = 2) {
        self.percent = percent
        self.minimumLength = minimumLength
    }

    /// How many characters of an `n`-character last word are kept.
    public func keptLength(of n: Int) -> Int {
        if n <= minimumLength { return n }
        let rounded = (2 * n * percent + 100) / 200
        return min(n, max(minimumLength, rounded))
    }

    /// `query` with its last word cut, and the word before and after (nil when nothing changed).
    public func alter(_ query: EvalQuery) -> (query: EvalQuery, cut: (original: String, kept: String)?) {
        let words = QueryWords(query.text)
        guard let last = words.ranges.last else { return (query, nil) }
        let kept = keptLength(of: last.count)
        guard kept < last.count else { return (query, nil) }
        let end = last.lowerBound + kept
        let text = String(words.characters[..<end])
        return (EvalQuery(id: query.id, text: text), (String(words.characters[last]), String(words.characters[last.lowerBound..<end])))
    }
}
