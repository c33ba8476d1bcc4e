import Foundation

/// Writes runs in TREC format: `qid Q0 docid rank score tag`, one document per line.
///
/// Queries come in byte-wise id order and each query's documents in trec_eval's order (see
/// ``TrecOrdering``), so the 1-based rank column agrees with the order trec_eval will compute.
/// Scores are written with the fewest digits that read back as the same `Double`.
///
/// ```
/// q1 Q0 doc7 1 12.5 vaultsearch
/// q1 Q0 doc3 2 11.25 vaultsearch
/// ```
public struct TrecRunWriter: Sendable {
    /// The run tag written in the last column; it must not contain whitespace.
    public let tag: String

    /// Creates a writer for runs tagged `tag`.
    /// - Precondition: `tag` is non-empty and contains no whitespace.
    public init(tag: String) {
        precondition(!tag.isEmpty && !TrecText.containsSpace(tag), "a run tag must be one word: '\(tag)'")
        self.tag = tag
    }

    /// The lines of one query, in trec_eval's order, each ending with `\n`.
    /// - Throws: ``TrecFileError`` (file `<run>`) when the query id or a document id is empty or
    ///   contains whitespace, which the format cannot carry.
    public func lines(qid: String, documents: [ScoredDocument]) throws(TrecFileError) -> String {
        try Self.checkField(qid, "query id")
        var text = ""
        for (index, document) in TrecOrdering.ranked(documents).enumerated() {
            try Self.checkField(document.docid, "document id")
            text += "\(qid) Q0 \(document.docid) \(index + 1) \(document.score) \(tag)\n"
        }
        return text
    }

    /// The whole run as TREC text.
    /// - Throws: ``TrecFileError`` when an id cannot be written (see ``lines(qid:documents:)``).
    public func format(_ run: Run) throws(TrecFileError) -> String {
        var text = ""
        for qid in run.rankings.keys.sorted(by: TrecOrdering.byteOrderPrecedes) {
            text += try lines(qid: qid, documents: run.rankings[qid] ?? [])
        }
        return text
    }

    /// Writes the run to `url`, replacing any file there.
    /// - Throws: ``TrecFileError`` when an id cannot be written or the file cannot be written.
    public func write(_ run: Run, to url: URL) throws(TrecFileError) {
        let text = try format(run)
        do {
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            throw TrecFileError(file: url.path, line: 0, message: "cannot write: \(error.localizedDescription)")
        }
    }

    private static func checkField(_ value: String, _ what: String) throws(TrecFileError) {
        guard value.isEmpty || TrecText.containsSpace(value) else { return }
        throw TrecFileError(file: "<run>", line: 0, message: "\(what) '\(value)' is empty or contains whitespace")
    }
}
