/// The words of a query text, as the robustness alterations see them.
///
/// A *word* is a maximal run of characters (extended grapheme clusters, so `é` written as `e` plus a
/// combining accent is one character) that are each a letter (`Character.isLetter`) or a digit
/// (`Character.isNumber`). Everything else — spaces, punctuation, hyphens, apostrophes, symbols —
/// separates words: `chat-gpt` is two words, `gpt4o` is one, `don't` is `don` and `t`.
/// A word is *alphabetic* when every character of it is a letter; only alphabetic words get typos,
/// so numbers, versions and codes (`gpt4o`, `2024`, `h2o`) are never altered.
struct QueryWords {
    /// The text as characters (an edit replaces a range of them).
    let characters: [Character]
    /// The range of every word in ``characters``, in text order.
    let ranges: [Range<Int>]

    /// Splits `text` into words.
    init(_ text: String) {
        characters = Array(text)
        var ranges: [Range<Int>] = []
        var start: Int?
        for (i, character) in characters.enumerated() {
            if Self.isWordCharacter(character) {
                if start == nil { start = i }
            } else if let first = start {
                ranges.append(first..<i)
                start = nil
            }
        }
        if let first = start { ranges.append(first..<characters.count) }
        self.ranges = ranges
    }

    /// Whether `character` belongs to a word: a letter or a digit.
    static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber
    }

    /// Whether the word at `range` consists of letters only.
    func isAlphabetic(_ range: Range<Int>) -> Bool {
        characters[range].allSatisfy(\.isLetter)
    }
}
