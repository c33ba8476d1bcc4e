/// How ``Highlighter`` marks and crops a stored text: Meilisearch's `highlightPreTag`,
/// `highlightPostTag`, `cropLength` and `cropMarker`.
///
/// The tags and the marker are inserted as they are, and the text around them is copied as it is:
/// nothing is HTML-escaped. A text that itself contains `<em>` therefore comes back with tags that
/// are indistinguishable from the inserted ones. A caller that renders HTML should escape the
/// pieces between the tags itself, or use the ``MatchPosition``s of ``FormattedText/matches``
/// (offsets into the unescaped original) and build its own markup.
public struct HighlightOptions: Sendable, Equatable {
    /// Inserted before each highlighted span.
    public var preTag: String
    /// Inserted after each highlighted span.
    public var postTag: String
    /// The number of words (tokens as the ``VaultAnalysis/Analyzer`` counts them) to keep around the
    /// densest group of matches, or `nil` for the whole text. `0` (and any value below it) also
    /// keeps the whole text, as Meilisearch ignores a crop length of 0.
    public var cropLength: Int?
    /// Added where the crop cut the text at its start or end; not where the kept window reaches the
    /// text's own start or end.
    public var cropMarker: String

    /// Options; the defaults are Meilisearch's (`<em>`, `</em>`, no crop, `…`).
    public init(preTag: String = "<em>", postTag: String = "</em>", cropLength: Int? = nil, cropMarker: String = "…") {
        self.preTag = preTag
        self.postTag = postTag
        self.cropLength = cropLength
        self.cropMarker = cropMarker
    }
}
