import VaultAnalysis

/// Highlights and crops stored text for display: Meilisearch's `_formatted` and `_matchesPosition`.
///
/// The text is analyzed with the index's own analyzer, so a token matches exactly when the index
/// would match it: `match` is asked with each token's *term* (folded, stemmed). The tags go around
/// the token as the document spells it, because the analyzer's offsets point into the original
/// text: the folded term `resume` highlights `<em>Résumé</em>`, `run` highlights `<em>Running</em>`.
/// CJK is segmented by ICU inside the analyzer, so a Chinese word is highlighted on its own.
/// Each matched token gets its own tags, also when matches touch (`<em>Chat</em>-<em>GPT</em>`).
///
/// ```swift
/// let highlighter = Highlighter(analyzer: Analyzer(IndexSettings.beir.analysis))
/// let terms: Set = ["run", "shoe"]
/// highlighter.format("Running shoes", match: { terms.contains($0) ? .whole : nil }).text
/// // "<em>Running</em> <em>shoes</em>"
/// ```
///
/// Like the ``VaultAnalysis/Analyzer`` it holds, a highlighter is not `Sendable`: use one per
/// thread, task or actor.
public struct Highlighter {
    /// The analyzer that tokenizes the texts; it should be configured as the index's.
    public let analyzer: Analyzer

    /// A highlighter that tokenizes with `analyzer`.
    public init(analyzer: Analyzer) {
        self.analyzer = analyzer
    }

    /// Highlights the matches of `text` and crops it around them.
    ///
    /// - Parameters:
    ///   - text: a stored field value, in its original spelling.
    ///   - match: whether and how a token matches the query, asked once per token with the token's
    ///     analyzed term; `nil` for no match.
    ///   - options: tags, crop length and crop marker. Empty tags give a crop without highlighting.
    /// - Returns: the formatted text and the byte positions of every match in `text`. A text
    ///   without tokens (empty, only spaces or emoji) comes back unchanged with no matches.
    /// - Complexity: O(n) in the length of `text`, plus the calls to `match`.
    public func format(_ text: String, match: (String) -> TermMatch?, options: HighlightOptions = HighlightOptions()) -> FormattedText {
        let bytes = Array(text.utf8)
        let words = HighlightWords(tokens: analyzer.analyze(text), bytes: bytes)
        let matches = Self.matches(of: words, in: bytes, match: match)

        var cropStart = 0
        var cropEnd = bytes.count
        if let length = options.cropLength,
            let kept = CropWindow.words(wordCount: words.count, matches: matches, length: length)
        {
            if kept.lowerBound > 0 { cropStart = words.ranges[kept.lowerBound].lowerBound }
            if kept.upperBound < words.count - 1 { cropEnd = words.ranges[kept.upperBound].upperBound }
        }

        let pre = Array(options.preTag.utf8)
        let post = Array(options.postTag.utf8)
        let marker = Array(options.cropMarker.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(cropEnd - cropStart + 2 * marker.count + matches.count * (pre.count + post.count))
        if cropStart > 0 { output += marker }
        var copied = cropStart
        for match in matches where match.highlight.lowerBound >= cropStart && match.highlight.upperBound <= cropEnd {
            output += bytes[copied..<match.highlight.lowerBound]
            output += pre
            output += bytes[match.highlight]
            output += post
            copied = match.highlight.upperBound
        }
        output += bytes[copied..<cropEnd]
        if cropEnd < bytes.count { output += marker }

        return FormattedText(
            text: String(decoding: output, as: UTF8.self),
            matches: matches.map { MatchPosition(start: $0.highlight.lowerBound, length: $0.highlight.count) })
    }

    /// Formats each value of a list field (tags) on its own, as Meilisearch formats each string of
    /// an array: every value is highlighted and cropped with the same options, and its match
    /// positions refer to that value.
    ///
    /// - Returns: one formatted text per value, in order.
    /// - Complexity: O(total length of `values`), plus the calls to `match`.
    public func format(_ values: [String], match: (String) -> TermMatch?, options: HighlightOptions = HighlightOptions()) -> [FormattedText] {
        values.map { format($0, match: match, options: options) }
    }

    /// The matched words of a text, in word order, with the bytes each one highlights.
    private static func matches(of words: HighlightWords, in bytes: [UInt8], match: (String) -> TermMatch?) -> [WordMatch] {
        var termIDs: [String: Int] = [:]
        var matches: [WordMatch] = []
        for (index, term) in words.terms.enumerated() {
            guard let kind = match(term) else { continue }
            let range = words.ranges[index]
            let highlight: Range<Int>
            switch kind {
            case .whole:
                highlight = range
            case .prefix(let characters):
                guard characters > 0 else { continue }
                highlight = range.lowerBound..<(range.lowerBound + prefixByteCount(of: bytes[range], characters: characters))
            }
            let termID = termIDs[term] ?? termIDs.count
            termIDs[term] = termID
            matches.append(WordMatch(word: index, termID: termID, highlight: highlight))
        }
        return matches
    }

    /// The UTF-8 length of the first `characters` grapheme clusters of `word` (all of it when it is
    /// shorter). `word` is whole scalars (``HighlightWords`` checks it), so the count is exact.
    private static func prefixByteCount(of word: ArraySlice<UInt8>, characters: Int) -> Int {
        let string = String(decoding: word, as: UTF8.self)
        return min(string.prefix(characters).utf8.count, word.count)
    }
}

/// A highlighter holds an ``VaultAnalysis/Analyzer``, whose ICU and Snowball state is single-threaded.
@available(*, unavailable)
extension Highlighter: Sendable {}
