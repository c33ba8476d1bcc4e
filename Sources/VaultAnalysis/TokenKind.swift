/// What kind of text a ``Token`` covers, taken from the ICU word break rule status of its segment.
///
/// ICU reports a status per segment: 100–199 for numbers, 200–299 for letters, 300–399 for kana and
/// 400–499 for ideographs (CJK segmented by ICU's dictionaries). Kana and ideographs both map to
/// ``ideographic``.
public enum TokenKind: UInt8, Sendable {
    /// Letters (Latin, Greek, Cyrillic, Hangul, Thai, …), possibly with digits, such as `gpt` or `4o`.
    case word
    /// A number, such as `12.5` or `1,000`; ICU also files `v2` here because it ends in a digit.
    case number
    /// Kana or ideographs: a word of Chinese or Japanese as segmented by ICU's dictionaries.
    case ideographic
    /// A word-like segment with a rule status outside the ranges above.
    case other

    /// Maps an ICU word break rule status (≥ 100) to a kind.
    ///
    /// - Parameter ruleStatus: the value of `ubrk_getRuleStatus` for the segment.
    init(ruleStatus: Int32) {
        switch ruleStatus {
        case 100..<200: self = .number
        case 200..<300: self = .word
        case 300..<500: self = .ideographic
        default: self = .other
        }
    }
}
