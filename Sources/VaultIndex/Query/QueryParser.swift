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
    /// The clauses of `query`, in order.
    public static func parse(_ query: String) -> [QueryClause] {
        var clauses: [QueryClause] = []
        var index = query.startIndex
        while index < query.endIndex {
            let character = query[index]
            if character.isWhitespace { index = query.index(after: index); continue }
            var excluded = false
            var start = index
            if character == "-" {
                let next = query.index(after: index)
                if next < query.endIndex, !query[next].isWhitespace {
                    excluded = true
                    start = next
                }
            }
            if query[start] == "\"" {
                let contentStart = query.index(after: start)
                let close = query[contentStart...].firstIndex(of: "\"") ?? query.endIndex
                clauses.append(QueryClause(text: String(query[contentStart..<close]), isPhrase: true, isExcluded: excluded))
                index = close < query.endIndex ? query.index(after: close) : close
            } else {
                let end = query[start...].firstIndex(where: \.isWhitespace) ?? query.endIndex
                clauses.append(QueryClause(text: String(query[start..<end]), isExcluded: excluded))
                index = end
            }
        }
        return clauses
    }
}
