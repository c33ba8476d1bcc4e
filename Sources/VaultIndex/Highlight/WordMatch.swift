/// One matched word of a text: which word, which distinct term, and the bytes to highlight.
struct WordMatch: Equatable {
    /// The index of the word in ``HighlightWords``.
    var word: Int
    /// A small number naming the word's term, equal for equal terms within one text; the crop
    /// counts distinct terms with it.
    var termID: Int
    /// The UTF-8 bytes to wrap in tags: the whole word, or its first characters for a prefix match.
    var highlight: Range<Int>
}
