/// One lexical token of a filter, with where it stands in the text (in characters).
struct FilterToken: Sendable, Equatable {
    /// What the token is.
    var kind: FilterTokenKind
    /// Where it stands, in characters; quotes included for a quoted string.
    var range: Range<Int>
}

/// The kinds of ``FilterToken``.
enum FilterTokenKind: Sendable, Equatable {
    /// An unquoted word that is not a keyword: a field name, a value or a misspelt operator.
    case word(String)
    /// A reserved word (matched without regard to case); see ``FilterKeyword``.
    case keyword(FilterKeyword)
    /// A single- or double-quoted string, quotes removed and escapes resolved.
    case quoted(String)
    /// `=`, `!=`, `>`, `>=`, `<` or `<=`.
    case comparison(FilterComparisonToken)
    /// A run of `=`, `!`, `<`, `>` that is no operator (`=>`, `==`, `!`).
    case unknownOperator(String)
    /// `(` and `)`, which group.
    case openParenthesis, closeParenthesis
    /// `[`, `]` and `,`, which make `IN` lists.
    case openBracket, closeBracket, comma
    /// A character that starts no token (`&`, `{`, an emoji outside quotes).
    case unexpected(Character)
    /// A string whose closing quote is missing; the range starts at the opening quote.
    case unterminatedString(Character)
    /// The end of the text (an empty range at its end).
    case end
}

/// The comparison operators as written.
enum FilterComparisonToken: String, Sendable, Equatable {
    case equals = "="
    case notEquals = "!="
    case greater = ">"
    case greaterOrEqual = ">="
    case less = "<"
    case lessOrEqual = "<="
}

/// The reserved words of the filter syntax. They are recognised in any case (`and`, `And`) but
/// only when spelt in ASCII; to use one as a field name or a value, quote it (`status = "null"`).
enum FilterKeyword: String, Sendable, Equatable, CaseIterable {
    case and = "AND", or = "OR", not = "NOT", `in` = "IN", to = "TO", exists = "EXISTS", `is` = "IS"
    case null = "NULL", empty = "EMPTY", starts = "STARTS", with = "WITH"

    /// The keyword a word spells, if any.
    init?(word: String) {
        guard word.utf8.count <= 6, word.allSatisfy(\.isASCII) else { return nil }
        self.init(rawValue: word.uppercased())
    }
}
