/// One token of analyzed text: the term used for matching plus where it came from.
///
/// The offsets always point into the *original* text, so a highlighter can wrap the matched
/// words as the author wrote them (`Müller` is matched as `muller` but highlighted as `Müller`).
public struct Token: Sendable, Equatable {
    /// The normalized form used for matching: NFKC case-folded, diacritics removed when configured,
    /// stemmed when configured (for example `Résumés` → `resume`, or `resum` with English stemming).
    public var term: String
    /// The 0-based position of the token among the tokens emitted for the text; consecutive tokens
    /// have consecutive positions, which phrase and proximity matching rely on.
    public var position: UInt32
    /// UTF-8 byte offsets of the token in the original text (`text.utf8`).
    public var byteRange: Range<Int>
    /// Unicode scalar offsets of the token in the original text (`text.unicodeScalars`).
    public var characterRange: Range<Int>
    /// What kind of text the token covers.
    public var kind: TokenKind

    /// Creates a token.
    ///
    /// - Parameters:
    ///   - term: the normalized form used for matching.
    ///   - position: the 0-based token position.
    ///   - byteRange: UTF-8 byte offsets into the original text.
    ///   - characterRange: Unicode scalar offsets into the original text.
    ///   - kind: what kind of text the token covers.
    public init(term: String, position: UInt32, byteRange: Range<Int>, characterRange: Range<Int>, kind: TokenKind) {
        self.term = term
        self.position = position
        self.byteRange = byteRange
        self.characterRange = characterRange
        self.kind = kind
    }
}
