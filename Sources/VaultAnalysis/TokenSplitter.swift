/// Turns an ICU word segment into the pieces that become tokens (DESIGN.md §3, "sensible
/// technical tokens").
///
/// ICU's word rules keep `Node.js`, `john.doe@example.com`, `snake_case`, `l'école` and `1,000`
/// together and split `C++` into `C`, `+`, `+`. This applies VaultSearch's rules on top, on the
/// original bytes so every piece keeps exact offsets:
/// - `.` `@` `:` `;` `_` `,` inside a segment (and their full-width and small forms) split it:
///   `Node.js` → `Node`, `js`; except a `.` between digits (`12.5`, `3.14.15`, `v2.0` stay whole)
///   and a `,` that groups thousands (`1,000` stays one piece whose term drops the comma).
/// - A word directly followed by `++` or `#`, itself not followed by a word character, takes the
///   suffix: `C++`, `C#`, `F#`.
/// - French and Italian elision is dropped: `l'école` → `école`, `qu'il` → `il`, `dell'anno` →
///   `anno`; other apostrophes stay inside the word (`don't`, `O'Brien`).
enum TokenSplitter {
    /// A character that may split a segment.
    private enum Separator {
        case period, comma, other
    }

    /// The words whose final vowel is elided before an apostrophe (French and Italian articles,
    /// pronouns and conjunctions), lowercase ASCII.
    private static let elidedWords: [StaticString] = [
        "c", "d", "j", "l", "m", "n", "s", "t", "qu", "jusqu", "lorsqu", "puisqu",
        "all", "dall", "dell", "nell", "sull", "un",
    ]

    /// Calls `body` with each piece of `segment`, in text order.
    ///
    /// - Parameters:
    ///   - segment: a word-like ICU segment of `text`.
    ///   - text: the whole text (the `++`/`#` suffix looks past the segment's end).
    ///   - body: receives each non-empty piece.
    /// - Complexity: O(n) in the length of the segment.
    static func split(_ segment: WordSegment, in text: UTF8Text, _ body: (TokenPiece) -> Void) {
        let kind = TokenKind(ruleStatus: segment.ruleStatus)
        if kind == .ideographic {
            body(TokenPiece(range: segment.start..<segment.end, kind: kind))
            return
        }
        var pieceStart = segment.start
        var hasGroupingCommas = false
        var hasApostrophe = false
        var index = segment.start
        while index < segment.end {
            let byte = text.bytes[index]
            if byte >= 0x60 && byte < 0x80 {  // lowercase letters and `{|}~: the common case
                index += 1
                continue
            }
            guard let (separator, length) = separator(in: text, at: index) else {
                hasApostrophe = hasApostrophe || byte == 0x27 || byte == 0xE2 || byte == 0xCA
                index += UTF8Text.sequenceLength(lead: byte)
                continue
            }
            let keep: Bool
            switch separator {
            case .period:
                keep = text.digit(endingAt: index) && digitLength(in: text, at: index + length, before: segment.end) != nil
            case .comma:
                keep = isGroupingComma(in: text, at: index, length: length, before: segment.end)
                hasGroupingCommas = hasGroupingCommas || keep
            case .other:
                keep = false
            }
            if !keep {
                emit(pieceStart..<index, kind: kind, groupingCommas: hasGroupingCommas, apostrophe: hasApostrophe, in: text, body)
                pieceStart = index + length
                hasGroupingCommas = false
                hasApostrophe = false
            }
            index += length
        }
        guard pieceStart < segment.end else { return }
        var last = TokenPiece(range: pieceStart..<segment.end, kind: kind, hasGroupingCommas: hasGroupingCommas)
        if kind == .word, let suffix = technicalSuffixLength(in: text, at: segment.end) {
            last.range = pieceStart..<(segment.end + suffix)
            last.isTechnical = true
        }
        emit(last, apostrophe: hasApostrophe, in: text, body)
    }

    /// The single piece an already-isolated word makes, for ``Analyzer/normalize(word:)``: the
    /// whole word, with an elided article dropped, `++`/`#` marking it technical, and grouping
    /// commas noted when every comma in it groups thousands.
    ///
    /// - Parameter text: the word.
    /// - Complexity: O(n) in the length of the word.
    static func isolatedPiece(of text: UTF8Text) -> TokenPiece {
        var piece = TokenPiece(range: 0..<text.count, kind: .word)
        let suffix = text.hasSuffix("++") ? 2 : text.hasSuffix("#") ? 1 : 0
        piece.isTechnical = suffix > 0 && suffix < text.count
        var sawComma = false
        var allGrouping = true
        var index = 0
        while index < text.count {
            if let (separator, length) = separator(in: text, at: index), separator == .comma {
                sawComma = true
                allGrouping = allGrouping && isGroupingComma(in: text, at: index, length: length, before: text.count)
                index += length
            } else {
                index += UTF8Text.sequenceLength(lead: text.bytes[index])
            }
        }
        piece.hasGroupingCommas = sawComma && allGrouping
        piece.range = elidedStart(of: piece.range, in: text)..<text.count
        return piece
    }

    /// Emits a non-empty piece built from `range`.
    private static func emit(
        _ range: Range<Int>, kind: TokenKind, groupingCommas: Bool, apostrophe: Bool, in text: UTF8Text,
        _ body: (TokenPiece) -> Void
    ) {
        guard !range.isEmpty else { return }
        emit(TokenPiece(range: range, kind: kind, hasGroupingCommas: groupingCommas), apostrophe: apostrophe, in: text, body)
    }

    /// Emits `piece`, after dropping an elided article from a word that may contain an apostrophe.
    private static func emit(_ piece: TokenPiece, apostrophe: Bool, in text: UTF8Text, _ body: (TokenPiece) -> Void) {
        var piece = piece
        if apostrophe && piece.kind == .word {
            piece.range = elidedStart(of: piece.range, in: text)..<piece.range.upperBound
        }
        body(piece)
    }

    /// The separator at `index`, if any, and its length in bytes.
    private static func separator(in text: UTF8Text, at index: Int) -> (Separator, Int)? {
        let byte = text.bytes[index]
        switch byte {
        case 0x2E: return (.period, 1)  // .
        case 0x2C: return (.comma, 1)  // ,
        case 0x3A, 0x3B, 0x40, 0x5F: return (.other, 1)  // : ; @ _
        case 0xE2, 0xEF: break  // the lead bytes of the non-ASCII forms below
        default: return nil
        }
        let (value, length) = text.scalar(at: index)
        switch value {
        case 0xFF0E, 0xFE52, 0x2024:  // ． ﹒ ․
            return (.period, length)
        case 0xFF0C, 0xFE50:  // ， ﹐
            return (.comma, length)
        case 0xFF1A, 0xFE55, 0xFF1B, 0xFE54, 0xFF20, 0xFF3F,  // ： ﹕ ； ﹔ ＠ ＿
            0x203F, 0x2040, 0x2054, 0xFE33, 0xFE34, 0xFE4D, 0xFE4E, 0xFE4F:  // connector punctuation
            return (.other, length)
        default:
            return nil
        }
    }

    /// The length of the digit at `index` if it lies before `limit`.
    private static func digitLength(in text: UTF8Text, at index: Int, before limit: Int) -> Int? {
        guard index < limit, let length = text.digit(at: index), index + length <= limit else { return nil }
        return length
    }

    /// Whether the comma at `index` separates thousands: a digit before it, exactly three digits
    /// after it, then no further digit.
    private static func isGroupingComma(in text: UTF8Text, at index: Int, length: Int, before limit: Int) -> Bool {
        guard text.digit(endingAt: index) else { return false }
        var cursor = index + length
        for _ in 0..<3 {
            guard let digit = digitLength(in: text, at: cursor, before: limit) else { return false }
            cursor += digit
        }
        return digitLength(in: text, at: cursor, before: limit) == nil
    }

    /// The length of a `++` or `#` suffix at `index` that is not followed by a word character.
    private static func technicalSuffixLength(in text: UTF8Text, at index: Int) -> Int? {
        if text.hasPrefix("++", at: index) && !text.isWordCharacter(at: index + 2) { return 2 }
        if text.hasPrefix("#", at: index) && !text.isWordCharacter(at: index + 1) { return 1 }
        return nil
    }

    /// The start of `range` after an elided word and its apostrophe (`l'`, `qu’`), or its lower
    /// bound when there is none or nothing would remain.
    private static func elidedStart(of range: Range<Int>, in text: UTF8Text) -> Int {
        var index = range.lowerBound
        while index < range.upperBound && index - range.lowerBound < 6 && text.bytes[index] | 0x20 >= 0x61
            && text.bytes[index] | 0x20 <= 0x7A
        {
            index += 1
        }
        guard index > range.lowerBound, index < range.upperBound, let apostrophe = apostropheLength(in: text, at: index),
            index + apostrophe < range.upperBound, isElidedWord(text[range.lowerBound..<index])
        else { return range.lowerBound }
        return index + apostrophe
    }

    /// The length of an apostrophe (' ’ ‘ ʼ) at `index`.
    private static func apostropheLength(in text: UTF8Text, at index: Int) -> Int? {
        if text.bytes[index] == 0x27 { return 1 }
        if text.hasPrefix("\u{2019}", at: index) || text.hasPrefix("\u{2018}", at: index) { return 3 }
        if text.hasPrefix("\u{02BC}", at: index) { return 2 }
        return nil
    }

    /// Whether the ASCII letters `word` spell an elided word, ignoring case.
    private static func isElidedWord(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        elidedWords.contains { candidate in
            guard candidate.utf8CodeUnitCount == word.count else { return false }
            let letters = candidate.utf8Start
            return word.indices.allSatisfy { word[$0] | 0x20 == letters[$0] }
        }
    }
}
