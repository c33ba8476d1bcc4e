/// One clause of a query as typed: a word, or a quoted phrase, either of which may be excluded with
/// a leading `-`.
public struct QueryClause: Sendable, Equatable {
    /// The clause's text, without quotes or the `-`.
    public var text: String
    /// Whether it was quoted: its words must appear next to each other, in order.
    public var isPhrase: Bool
    /// Whether it was prefixed with `-`: documents matching it are left out.
    public var isExcluded: Bool

    /// A clause.
    public init(text: String, isPhrase: Bool = false, isExcluded: Bool = false) {
        self.text = text
        self.isPhrase = isPhrase
        self.isExcluded = isExcluded
    }
}

/// Splits query text into clauses: whitespace separates words; `"..."` is a phrase (an unclosed
/// quote runs to the end); a `-` that starts a word or phrase excludes it. A lone `-` or a `-` inside
/// a word (`gpt-4o`) is text.
public enum QueryParser {
    /// The clauses of `query`, in order. Works on Unicode scalars (no grapheme breaking: quotes,
    /// `-` and whitespace are single scalars), with an ASCII fast path for whitespace.
    public static func parse(_ query: String) -> [QueryClause] {
        let scalars = Array(query.unicodeScalars)
        var clauses: [QueryClause] = []
        func text(_ range: Range<Int>) -> String {
            var result = String.UnicodeScalarView()
            result.append(contentsOf: scalars[range])
            return String(result)
        }
        var index = 0
        while index < scalars.count {
            if isSpace(scalars[index]) { index += 1; continue }
            var excluded = false
            var start = index
            if scalars[index] == "-", index + 1 < scalars.count, !isSpace(scalars[index + 1]) {
                excluded = true
                start = index + 1
            }
            if scalars[start] == "\"" {
                let contentStart = start + 1
                let close = scalars[contentStart...].firstIndex(of: "\"") ?? scalars.count
                clauses.append(QueryClause(text: text(contentStart..<close), isPhrase: true, isExcluded: excluded))
                index = min(close + 1, scalars.count)
            } else {
                let end = scalars[start...].firstIndex(where: isSpace) ?? scalars.count
                clauses.append(QueryClause(text: text(start..<end), isExcluded: excluded))
                index = end
            }
        }
        return clauses
    }

    @inline(__always)
    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? (scalar == " " || (scalar.value >= 0x09 && scalar.value <= 0x0D)) : scalar.properties.isWhitespace
    }
}
