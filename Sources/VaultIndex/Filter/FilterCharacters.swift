/// The character classes of the filter syntax, shared by the lexer and by anything that writes
/// filters (a value that is not a plain word must be quoted).
enum FilterCharacters {
    /// Whitespace between tokens (spaces, tabs, newlines, any Unicode space).
    static func isWhitespace(_ character: Character) -> Bool { character.isWhitespace }

    /// May stand in an unquoted field name: letters (any script), digits, `_`, `-`, `.`.
    static func isFieldCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_" || character == "-" || character == "."
    }

    /// May stand in an unquoted value: what a field name may hold and `/ : + @ #`
    /// (`gpt-4o`, `writing/email`, `12.5`, `-3`, `user@host`, `#tag`).
    static func isWordCharacter(_ character: Character) -> Bool {
        if isFieldCharacter(character) { return true }
        switch character {
        case "/", ":", "+", "@", "#": return true
        default: return false
        }
    }

    /// Makes up the comparison operators (`=`, `!=`, `<`, `<=`, `>`, `>=`) and misspellings of them.
    static func isOperatorCharacter(_ character: Character) -> Bool {
        character == "=" || character == "!" || character == "<" || character == ">"
    }

    /// Opens a quoted string.
    static func isQuote(_ character: Character) -> Bool { character == "'" || character == "\"" }

    /// The names of Meilisearch's geo filters, which this engine does not support (matched without
    /// regard to case).
    static let geoFunctions: Set<String> = ["_georadius", "_geoboundingbox", "_geopolygon", "_geopoint", "_geodistance"]

    /// Whether a word names a geo filter.
    static func isGeoFunction(_ word: String) -> Bool {
        word.first == "_" && word.utf8.count <= 16 && geoFunctions.contains(word.lowercased())
    }
}
