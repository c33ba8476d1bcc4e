/// How one document token matches the query, as the `match` closure of
/// ``Highlighter/format(_:match:options:)`` reports it.
public enum TermMatch: Sendable, Equatable {
    /// The token matches as a whole (an exact, stemmed, typo'd or synonym match): all of it is
    /// highlighted.
    case whole
    /// The token is a completion of a word the user is still typing: only its first `characters`
    /// characters are highlighted, the rest of the word follows the post tag
    /// (`<em>Jo</em>hnson` for the typed `jo`), as Meilisearch's matcher does for prefix matches.
    ///
    /// `characters` counts `Character`s (grapheme clusters) of the token *as the document spells
    /// it*, so an accent written as a combining mark is never cut off its letter; the caller
    /// passes the length of the typed prefix. A count at or past the token's length highlights the
    /// whole token, and a count of 0 or less is no match at all.
    case prefix(characters: Int)
}
