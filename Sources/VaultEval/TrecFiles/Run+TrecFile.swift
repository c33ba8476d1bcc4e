import Foundation

extension Run {
    /// Reads a TREC run file: `qid Q0 docid rank score tag` per line.
    ///
    /// See ``init(trecText:file:)`` for the format's rules.
    /// - Throws: ``TrecFileError`` when the file cannot be read or a line is malformed.
    public init(contentsOf url: URL) throws(TrecFileError) {
        try self.init(trecText: try TrecText.read(url), file: url.path)
    }

    /// Parses TREC run text: `qid Q0 docid rank score tag` per line, whitespace-separated.
    ///
    /// As in trec_eval, the `Q0` and `rank` columns are ignored (order comes from the scores, see
    /// ``TrecOrdering``), fields after the sixth are ignored, and blank lines and lines starting
    /// with `#` are skipped. Documents are kept in file order, duplicates included; the
    /// measures keep a duplicate's first occurrence.
    ///
    /// - Parameters:
    ///   - trecText: the file's contents.
    ///   - file: the name to put in errors.
    /// - Throws: ``TrecFileError`` naming `file` and the line: fewer than 6 fields, or a score that
    ///   is not a number.
    public init(trecText: String, file: String) throws(TrecFileError) {
        var run = Run()
        try TrecText.forEachRecord(in: trecText) { (number, fields) throws(TrecFileError) in
            guard fields.count >= 6 else {
                throw TrecFileError(
                    file: file, line: number,
                    message: "expected 6 fields (qid Q0 docid rank score tag), found \(fields.count)")
            }
            guard let score = Double(fields[4]), !score.isNaN else {
                throw TrecFileError(file: file, line: number, message: "score '\(fields[4])' is not a number")
            }
            run.append(qid: String(fields[0]), docid: String(fields[2]), score: score)
        }
        self = run
    }
}
