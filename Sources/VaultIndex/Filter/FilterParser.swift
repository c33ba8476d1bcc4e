/// Parses filters in Meilisearch's syntax into ``FilterExpression``s.
///
/// ```text
/// filter     = or
/// or         = and ("OR" and)*
/// and        = not ("AND" not)*
/// not        = "NOT"* primary
/// primary    = "(" or ")" | condition
/// condition  = field ("=" | "!=" | ">" | ">=" | "<" | "<=") value
///            | field value "TO" value
///            | field ["NOT"] "IN" "[" [value ("," value)* [","]] "]"
///            | field ["NOT"] "EXISTS"
///            | field "IS" ["NOT"] ("NULL" | "EMPTY")
///            | field ["NOT"] "STARTS" "WITH" value
/// field      = fieldWord | quoted
/// value      = word | quoted
/// ```
///
/// - Keywords (`AND`, `OR`, `NOT`, `IN`, `TO`, `EXISTS`, `IS`, `NULL`, `EMPTY`, `STARTS`, `WITH`)
///   are matched in any case and are reserved: quote one to use it as a field or value.
/// - A `fieldWord` is letters (any script), digits, `_`, `-`, `.`; a `word` may also hold
///   `/ : + @ #`. A `quoted` string is in `'` or `"`, with the escapes `\'`, `\"` and `\\`.
/// - Nested ANDs and ORs of the same kind are flattened (`a AND (b AND c)` is one AND of three).
///   `NOT` is kept as written: `NOT f = v` is `.not(.condition(f = v))`, never `f != v`;
///   `f NOT STARTS WITH v` is `.not(f STARTS WITH v)` (the tree has no test of its own for it).
/// - `IN []` is allowed (it matches nothing). Meilisearch's geo filters are rejected.
///
/// Limits, each a ``FilterSyntaxError``: a text longer than ``maximumLength`` UTF-8 bytes,
/// parentheses and `NOT`s nested deeper than ``maximumDepth``, an `IN` list of more than
/// ``maximumListCount`` values. Parsing recurses only through parentheses, after a depth check,
/// so no input can exhaust the stack.
public enum FilterParser {
    /// How deeply parentheses and `NOT`s may nest (each `(` and each `NOT` is a level).
    public static let maximumDepth = 64
    /// The longest filter text, in UTF-8 bytes (per string of the array form).
    public static let maximumLength = 65_536
    /// The most values one `IN` / `NOT IN` list may hold.
    public static let maximumListCount = 10_000

    /// Parses one filter string. An empty or blank text is an error here (see
    /// ``parse(_:)-(FilterInput)`` for "no filter").
    public static func parse(_ text: String) throws(FilterSyntaxError) -> FilterExpression {
        if let error = lengthError(text, byteCount: text.utf8.count) { throw error }
        var grammar = FilterGrammar(source: text)
        return try grammar.parseFilter()
    }

    /// Parses one filter string given as UTF-8 bytes. Bytes that are not well-formed UTF-8 are an
    /// error naming the offset of the first bad byte (the error's `source` is the text decoded with
    /// U+FFFD for the bad bytes, its `position` the character that stands for that byte).
    public static func parse(utf8 bytes: [UInt8]) throws(FilterSyntaxError) -> FilterExpression {
        if bytes.count > maximumLength {
            let text = String(decoding: bytes, as: UTF8.self)
            if let error = lengthError(text, byteCount: bytes.count) { throw error }
        }
        if let offset = FilterUTF8.firstInvalidByte(in: bytes) {
            let hex = String(bytes[offset], radix: 16, uppercase: true)
            let source = String(decoding: bytes, as: UTF8.self)
            throw FilterSyntaxError(
                message: "invalid UTF-8 at byte offset \(offset) (0x\(hex.count == 1 ? "0" : "")\(hex))",
                position: characterOffset(ofByte: offset, in: source), length: 1, source: source)
        }
        return try parse(String(decoding: bytes, as: UTF8.self))
    }

    /// Parses a filter as a search request carries it. Returns `nil` for "no filter": a blank
    /// string, an empty array, or an array whose strings are all blank. In the array form blank
    /// strings and empty inner arrays are skipped, and an error's `elementPath` names the faulty
    /// string (`[i]` for a string of the outer array, `[i, j]` for one of an inner array) while its
    /// `position` is an offset into that string.
    public static func parse(_ input: FilterInput) throws(FilterSyntaxError) -> FilterExpression? {
        switch input {
        case .expression(let text):
            return try parseElement(text, path: [])
        case .all(let elements):
            var operands: [FilterExpression] = []
            for (i, element) in elements.enumerated() {
                switch element {
                case .expression(let text):
                    if let expression = try parseElement(text, path: [i]) { operands.append(expression) }
                case .any(let texts):
                    var alternatives: [FilterExpression] = []
                    for (j, text) in texts.enumerated() {
                        if let expression = try parseElement(text, path: [i, j]) { alternatives.append(expression) }
                    }
                    if let alternative = FilterExpression.disjunction(alternatives) { operands.append(alternative) }
                }
            }
            return FilterExpression.conjunction(operands)
        }
    }

    /// One string of the array form: `nil` when blank, else its expression; an error carries `path`.
    private static func parseElement(_ text: String, path: [Int]) throws(FilterSyntaxError) -> FilterExpression? {
        if text.allSatisfy(FilterCharacters.isWhitespace) { return nil }
        do {
            return try parse(text)
        } catch {
            var error = error
            error.elementPath = path
            throw error
        }
    }

    /// The offset of the character of `text` that holds its UTF-8 byte `byte` (`text.count` past
    /// the end). Counting the characters of the bytes before `byte` would not do: the character
    /// standing for a bad byte can merge with the one before it (after a prepended mark).
    private static func characterOffset(ofByte byte: Int, in text: String) -> Int {
        let target = text.utf8.index(text.utf8.startIndex, offsetBy: byte, limitedBy: text.utf8.endIndex) ?? text.utf8.endIndex
        var position = 0
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(after: index)
            if next > target { break }
            position += 1
            index = next
        }
        return position
    }

    /// The error for a text of `byteCount` UTF-8 bytes when that is over ``maximumLength``: it
    /// points at the first character past the limit and spans the rest of the text.
    private static func lengthError(_ text: String, byteCount: Int) -> FilterSyntaxError? {
        guard byteCount > maximumLength else { return nil }
        var bytes = 0
        var position = 0
        var count = 0
        for character in text {
            if bytes <= maximumLength {
                bytes += character.utf8.count
                if bytes > maximumLength { position = count }
            }
            count += 1
        }
        return FilterSyntaxError(
            message: "the filter is \(byteCount) bytes long; at most \(maximumLength) bytes are allowed",
            position: position, length: count - position, source: text)
    }
}
