/// Where a highlighted span lies in the *original* text: one entry of Meilisearch's
/// `_matchesPosition`.
///
/// `start` and `length` count **UTF-8 bytes**, as Meilisearch does (milli's `MatchBounds`: "the
/// byte offset where the match begins", "the length in bytes of the matched text"). Slice
/// `text.utf8` with them, not `text` or `text.unicodeScalars`: in `"Résumé"`, the span of
/// `sumé` starts at byte 3 and is 5 bytes long. For a ``TermMatch/prefix(characters:)`` match the
/// span covers only the highlighted prefix, as in Meilisearch.
public struct MatchPosition: Sendable, Equatable, Codable {
    /// The UTF-8 byte offset of the span's first byte in the original text.
    public var start: Int
    /// The span's length in UTF-8 bytes.
    public var length: Int

    /// A span of `length` bytes starting at byte `start`.
    public init(start: Int, length: Int) {
        self.start = start
        self.length = length
    }
}
