/// A piece of a word segment that becomes one token: `Node.js` is one ICU segment and two pieces.
struct TokenPiece: Equatable {
    /// UTF-8 byte offsets of the piece in the original text.
    var range: Range<Int>
    /// The kind of the segment the piece came from.
    var kind: TokenKind
    /// A technical name with a `++` or `#` suffix (`C++`, `C#`): never stemmed.
    var isTechnical = false
    /// A number with thousands separators (`1,000`): its commas are removed from the term.
    var hasGroupingCommas = false
}
