/// Splits a filter's characters into ``FilterToken``s.
///
/// The lexer never fails: a character that starts no token and a string without its closing
/// quote become tokens of their own (``FilterTokenKind/unexpected(_:)``,
/// ``FilterTokenKind/unterminatedString(_:)``) that the parser reports in context, so errors come
/// out in reading order. The last token is always ``FilterTokenKind/end``.
///
/// Quoted strings resolve the escapes `\'`, `\"` and `\\`; a backslash before any other character
/// is kept as written (`"C:\temp"` is `C:\temp`).
///
/// The lexer reads grapheme clusters, as positions count them. A combining mark (or a joiner)
/// written straight after a quote, an operator or a parenthesis fuses with it into a character
/// that is no longer that symbol: `"\u{301}x"` does not open a string, and surfaces as an
/// unexpected character. Real text does not start a word with a combining mark.
struct FilterLexer {
    /// The text, as grapheme clusters (token ranges index this array).
    let characters: [Character]

    /// All tokens of the text, ending with ``FilterTokenKind/end``. Lexing stops at an
    /// unterminated string, which runs to the end of the text.
    func tokens() -> [FilterToken] {
        var tokens: [FilterToken] = []
        var index = 0
        while true {
            while index < characters.count, FilterCharacters.isWhitespace(characters[index]) { index += 1 }
            guard index < characters.count else { break }
            let token = self.token(at: index)
            tokens.append(token)
            index = token.range.upperBound
            if case .unterminatedString = token.kind { break }
        }
        tokens.append(FilterToken(kind: .end, range: characters.count..<characters.count))
        return tokens
    }

    /// The token starting at `start`, which is not whitespace.
    private func token(at start: Int) -> FilterToken {
        let character = characters[start]
        func single(_ kind: FilterTokenKind) -> FilterToken { FilterToken(kind: kind, range: start..<start + 1) }
        switch character {
        case "(": return single(.openParenthesis)
        case ")": return single(.closeParenthesis)
        case "[": return single(.openBracket)
        case "]": return single(.closeBracket)
        case ",": return single(.comma)
        default: break
        }
        if FilterCharacters.isQuote(character) { return quoted(at: start) }
        if FilterCharacters.isOperatorCharacter(character) {
            var end = start
            while end < characters.count, FilterCharacters.isOperatorCharacter(characters[end]) { end += 1 }
            let text = String(characters[start..<end])
            let kind: FilterTokenKind = FilterComparisonToken(rawValue: text).map { .comparison($0) } ?? .unknownOperator(text)
            return FilterToken(kind: kind, range: start..<end)
        }
        if FilterCharacters.isWordCharacter(character) {
            var end = start
            while end < characters.count, FilterCharacters.isWordCharacter(characters[end]) { end += 1 }
            let text = String(characters[start..<end])
            let kind: FilterTokenKind = FilterKeyword(word: text).map { .keyword($0) } ?? .word(text)
            return FilterToken(kind: kind, range: start..<end)
        }
        return single(.unexpected(character))
    }

    /// The quoted string opened at `start`.
    private func quoted(at start: Int) -> FilterToken {
        let quote = characters[start]
        var text = ""
        var index = start + 1
        while index < characters.count {
            let character = characters[index]
            if character == quote {
                return FilterToken(kind: .quoted(text), range: start..<index + 1)
            }
            if character == "\\", index + 1 < characters.count {
                let next = characters[index + 1]
                if next == "'" || next == "\"" || next == "\\" {
                    text.append(next)
                } else {
                    text.append(character)
                    text.append(next)
                }
                index += 2
                continue
            }
            text.append(character)
            index += 1
        }
        return FilterToken(kind: .unterminatedString(quote), range: start..<characters.count)
    }
}
