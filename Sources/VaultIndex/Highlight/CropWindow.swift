/// Chooses the words a crop keeps, after Meilisearch's crop logic (milli's `matches` module).
///
/// 1. The best group of matches is the run of consecutive matches whose first and last word are
///    fewer than `length` words apart with the most distinct matched terms, then the most matches,
///    then the earliest. (Meilisearch's second and third criteria are the distance between matches
///    and their order relative to the query, which a highlighter that only sees matched terms
///    cannot know.) Every `length`-word window holds such a run, so the best run is the densest
///    window. A two-pointer sweep finds it in O(matches).
/// 2. The window grows from that run one word at a time, before and after in turn (the extra word
///    of an odd count goes before, as Meilisearch's alternation starts with the left side), and
///    all on one side once the other reaches the text's start or end.
/// 3. Without matches the window is the first `length` words.
enum CropWindow {
    /// The words kept by a crop to `length` words.
    ///
    /// - Parameters:
    ///   - wordCount: the number of words of the text.
    ///   - matches: the matched words in ascending word order.
    ///   - length: the crop length in words, at least 1.
    /// - Returns: the indices of the kept words, or `nil` when the whole text fits (nothing to crop).
    static func words(wordCount: Int, matches: [WordMatch], length: Int) -> ClosedRange<Int>? {
        guard length >= 1, wordCount > length else { return nil }
        guard let (first, last) = bestRun(matches, length: length) else { return 0...(length - 1) }
        let remaining = length - (last - first + 1)
        var before = min((remaining + 1) / 2, first)
        let after = min(remaining - before, wordCount - 1 - last)
        before = min(remaining - after, first)
        return (first - before)...(last + after)
    }

    /// The first and last word of the best run of matches, or `nil` without matches.
    private static func bestRun(_ matches: [WordMatch], length: Int) -> (first: Int, last: Int)? {
        guard !matches.isEmpty else { return nil }
        var termCounts: [Int: Int] = [:]
        var start = 0
        var best: (distinct: Int, count: Int, first: Int, last: Int)?
        for (end, match) in matches.enumerated() {
            termCounts[match.termID, default: 0] += 1
            while match.word - matches[start].word >= length {
                let id = matches[start].termID
                let left = (termCounts[id] ?? 1) - 1
                termCounts[id] = left == 0 ? nil : left
                start += 1
            }
            let distinct = termCounts.count
            let count = end - start + 1
            if let current = best, (distinct, count) <= (current.distinct, current.count) { continue }
            best = (distinct, count, matches[start].word, match.word)
        }
        return best.map { ($0.first, $0.last) }
    }
}
