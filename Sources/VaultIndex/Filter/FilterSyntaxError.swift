/// Why a filter could not be parsed, and where.
///
/// `position` and `length` count `Character`s (grapheme clusters) of `source`, so that a caret
/// printed under the source text (``rendered``) lines up with what a reader sees. For the array
/// form of a filter (``FilterInput``), `source` is the text of the faulty element and
/// `elementPath` says which element it is: `[1]` for the second string of the outer array, `[1, 0]`
/// for the first string of an inner array standing second. A plain string filter has an empty path.
public struct FilterSyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What was expected or what is wrong, e.g. "expected a value after `=`, found the end of the filter".
    public var message: String
    /// Where the fault starts, in characters from the start of `source` (0-based). It may equal
    /// `source.count` when the fault is the end of the text (a value is missing).
    public var position: Int
    /// How many characters the fault spans (0 for a point, such as the end of the text).
    public var length: Int
    /// The text that was parsed (the element's text for the array form).
    public var source: String
    /// Which element of the array form holds the fault; empty for a plain string filter.
    public var elementPath: [Int]

    /// An error.
    public init(message: String, position: Int, length: Int, source: String, elementPath: [Int] = []) {
        self.message = message
        self.position = position
        self.length = length
        self.source = source
        self.elementPath = elementPath
    }

    /// One line: where (element path and character offset) and what.
    public var description: String {
        let element = elementPath.isEmpty ? "" : " in element \(elementPath)"
        return "filter syntax error\(element) at \(position): \(message)"
    }
}
