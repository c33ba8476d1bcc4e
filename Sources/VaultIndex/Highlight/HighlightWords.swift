import VaultAnalysis

/// The words of one text as highlighting sees them: the analyzer's tokens whose byte offsets are
/// usable, in text order.
///
/// The analyzer's offsets are trusted but checked: a token whose range leaves the text, overlaps
/// the previous one or starts or ends inside a UTF-8 sequence is dropped, so that slicing and
/// re-assembling the bytes can never trap and never splits a character. For tokens that come
/// from ``VaultAnalysis/Analyzer/analyze(_:)`` of the same text nothing is dropped.
struct HighlightWords {
    /// The UTF-8 byte range of each word in the original text; ascending and disjoint.
    private(set) var ranges: [Range<Int>] = []
    /// The analyzed term of each word (the form the index stores).
    private(set) var terms: [String] = []

    /// The usable tokens of `tokens`, checked against `bytes`, the UTF-8 of the analyzed text.
    init(tokens: [Token], bytes: [UInt8]) {
        ranges.reserveCapacity(tokens.count)
        terms.reserveCapacity(tokens.count)
        var previousEnd = 0
        for token in tokens {
            let range = token.byteRange
            guard range.lowerBound >= previousEnd, range.upperBound <= bytes.count, !range.isEmpty,
                Self.isBoundary(range.lowerBound, in: bytes), Self.isBoundary(range.upperBound, in: bytes)
            else { continue }
            ranges.append(range)
            terms.append(token.term)
            previousEnd = range.upperBound
        }
    }

    /// The number of words.
    var count: Int { ranges.count }

    /// Whether byte `index` (0...bytes.count) starts a scalar or ends the text: not a UTF-8
    /// continuation byte.
    private static func isBoundary(_ index: Int, in bytes: [UInt8]) -> Bool {
        index == bytes.count || (index >= 0 && index < bytes.count && bytes[index] & 0xC0 != 0x80)
    }
}
