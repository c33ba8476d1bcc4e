/// A text highlighted and possibly cropped by ``Highlighter``: Meilisearch's `_formatted` value
/// of one field, with the field's `_matchesPosition`.
public struct FormattedText: Sendable, Equatable {
    /// The text with ``HighlightOptions/preTag`` and ``HighlightOptions/postTag`` around each
    /// match and ``HighlightOptions/cropMarker`` where it was cropped. Not HTML-escaped.
    public var text: String
    /// Every match of the *original* text, in text order, including matches outside the crop
    /// window (as Meilisearch reports them). The offsets refer to the original text, not to
    /// ``text``.
    public var matches: [MatchPosition]

    /// A formatted text.
    public init(text: String, matches: [MatchPosition]) {
        self.text = text
        self.matches = matches
    }
}
