/// What a search should format in its hits (Meilisearch's `attributesToHighlight`,
/// `attributesToCrop`, `cropLength`, `cropMarker`, `highlightPreTag`/`highlightPostTag` and
/// `showMatchesPosition`).
public struct HighlightRequest: Sendable, Equatable {
    /// Fields whose matches are wrapped in the tags (`*`: every searchable field).
    public var highlight: [String] = []
    /// Fields cropped around their matches, each with its own length in words (nil: ``cropLength``).
    public var crop: [String: Int?] = [:]
    /// The default crop length, in words.
    public var cropLength = 10
    /// Marks a cut at either end of a crop.
    public var cropMarker = "…"
    /// Before each match.
    public var preTag = "<em>"
    /// After each match.
    public var postTag = "</em>"
    /// Whether hits carry the byte positions of every match in every searchable field.
    public var showMatchesPosition = false

    /// A request that formats nothing.
    public init() {}

    /// Whether anything is to be formatted.
    public var isEmpty: Bool { highlight.isEmpty && crop.isEmpty && !showMatchesPosition }
}

/// A formatted field of a hit: one text, or one per element of a list field.
public enum FormattedField: Sendable, Equatable {
    /// A string field.
    case text(FormattedText)
    /// A list field (tags).
    case list([FormattedText])

    /// The match positions, concatenated over the elements (for a list, each element's own
    /// positions, as Meilisearch reports them per element).
    public var matches: [MatchPosition] {
        switch self {
        case .text(let text): return text.matches
        case .list(let texts): return texts.flatMap(\.matches)
        }
    }
}
