import Foundation

extension Qrels {
    /// Reads a TREC qrels file: one judgment per line, `qid iter docid grade`, whitespace-separated.
    ///
    /// See ``init(trecText:file:)`` for the format's rules.
    /// - Throws: ``TrecFileError`` when the file cannot be read or a line is malformed.
    public init(contentsOf url: URL) throws(TrecFileError) {
        try self.init(trecText: try TrecText.read(url), file: url.path)
    }

    /// Parses TREC qrels text: `qid iter docid grade` per line, whitespace-separated, `iter` ignored.
    ///
    /// Blank lines and lines starting with `#` are skipped. The grade is an integer; 0 and negative
    /// grades are kept (they are judged not relevant). A `(qid, docid)` pair judged twice is an
    /// error, as it is for trec_eval ("duplicate docs").
    ///
    /// - Parameters:
    ///   - trecText: the file's contents.
    ///   - file: the name to put in errors.
    /// - Throws: ``TrecFileError`` naming `file` and the line: wrong field count, a grade that is
    ///   not an integer, or a duplicate judgment.
    public init(trecText: String, file: String) throws(TrecFileError) {
        var judgments: [String: [String: Int]] = [:]
        var firstLine: [String: [String: Int]] = [:]
        try TrecText.forEachRecord(in: trecText) { (number, fields) throws(TrecFileError) in
            func fail(_ message: String) -> TrecFileError {
                TrecFileError(file: file, line: number, message: message)
            }
            guard fields.count == 4 else {
                throw fail("expected 4 fields (qid iter docid grade), found \(fields.count)")
            }
            guard let grade = Int(fields[3]) else {
                throw fail("grade '\(fields[3])' is not an integer")
            }
            let qid = String(fields[0]), docid = String(fields[2])
            if let previous = firstLine[qid]?[docid] {
                throw fail("document '\(docid)' judged twice for query '\(qid)' (first on line \(previous))")
            }
            judgments[qid, default: [:]][docid] = grade
            firstLine[qid, default: [:]][docid] = number
        }
        self.init(judgments: judgments)
    }
}
