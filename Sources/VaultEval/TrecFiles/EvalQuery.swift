import Foundation

/// A query to run: its id and its text, as listed in a BEIR-style `queries.tsv`.
public struct EvalQuery: Sendable, Hashable {
    /// The query id, as used in the qrels and the run.
    public var id: String
    /// The query text.
    public var text: String

    /// Creates a query.
    public init(id: String, text: String) {
        self.id = id
        self.text = text
    }

    /// Reads a `queries.tsv` file (`qid<TAB>text` per line).
    ///
    /// See ``parseTSV(_:file:)`` for the format's rules.
    /// - Throws: ``TrecFileError`` when the file cannot be read or a line is malformed.
    public static func readTSV(contentsOf url: URL) throws(TrecFileError) -> [EvalQuery] {
        try parseTSV(try TrecText.read(url), file: url.path)
    }

    /// Parses `queries.tsv` text: `qid<TAB>text` per line, in file order.
    ///
    /// The text is everything after the first tab (a trailing `\r` is dropped). A first line that
    /// is a header (its first field `query-id`, `query_id`, `qid` or `_id`) is skipped, and so are
    /// blank lines.
    ///
    /// - Throws: ``TrecFileError`` naming `file` and the line: a line without a tab, an empty id,
    ///   or an id listed twice.
    public static func parseTSV(_ text: String, file: String) throws(TrecFileError) -> [EvalQuery] {
        var queries: [EvalQuery] = []
        var firstLine: [String: Int] = [:]
        try TrecText.forEachLine(in: text) { (number, rawLine) throws(TrecFileError) in
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.allSatisfy(\.isWhitespace) { return }
            func fail(_ message: String) -> TrecFileError {
                TrecFileError(file: file, line: number, message: message)
            }
            guard let tab = line.firstIndex(of: "\t") else {
                throw fail("expected 'qid<TAB>text'")
            }
            let id = String(line[..<tab])
            if number == 1, headerIDs.contains(id.lowercased()) { return }
            guard !id.isEmpty else { throw fail("empty query id") }
            if let previous = firstLine[id] {
                throw fail("query '\(id)' listed twice (first on line \(previous))")
            }
            firstLine[id] = number
            queries.append(EvalQuery(id: id, text: String(line[line.index(after: tab)...])))
        }
        return queries
    }

    /// First fields that mark a header line.
    private static let headerIDs: Set<String> = ["query-id", "query_id", "qid", "_id"]
}
