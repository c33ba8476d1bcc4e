import Foundation

extension EvalQuery {
    /// The header line written before the queries: the reader skips it, and it keeps a first query
    /// whose id happens to be `qid` or `_id` from being taken for a header.
    static let tsvHeader = "query-id\ttext"

    /// `queries` as `queries.tsv` text that ``parseTSV(_:file:)`` reads back to the same list: a
    /// header line, then `id<TAB>text` per query, each line ending in `\n`.
    ///
    /// - Throws: ``TrecFileError`` (file `name`, line of the offending query) when an id is empty or
    ///   holds a tab, a line break or a carriage return, or a text holds a line break or a carriage
    ///   return: such a query could not be read back as written.
    public static func tsvText(_ queries: [EvalQuery], name: String) throws(TrecFileError) -> String {
        var text = tsvHeader + "\n"
        for (i, query) in queries.enumerated() {
            let line = i + 2
            if query.id.isEmpty { throw TrecFileError(file: name, line: line, message: "empty query id") }
            if query.id.contains(where: { $0 == "\t" || $0.isNewline }) {
                throw TrecFileError(file: name, line: line, message: "query id '\(query.id)' holds a tab or a line break")
            }
            if query.text.contains(where: \.isNewline) {
                throw TrecFileError(file: name, line: line, message: "query '\(query.id)': text holds a line break")
            }
            text += query.id + "\t" + query.text + "\n"
        }
        return text
    }

    /// Writes `queries` to `url` in the format of ``tsvText(_:name:)``, replacing the file.
    ///
    /// - Throws: ``TrecFileError`` for a query that cannot be written, or when the file cannot be
    ///   written; nothing is written then.
    public static func writeTSV(_ queries: [EvalQuery], to url: URL) throws(TrecFileError) {
        let text = try tsvText(queries, name: url.path)
        do {
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            throw TrecFileError(file: url.path, line: 0, message: "cannot write: \(error.localizedDescription)")
        }
    }
}
