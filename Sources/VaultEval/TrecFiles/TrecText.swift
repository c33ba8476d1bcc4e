import Foundation

/// Reading of line-oriented TREC text: whole files as UTF-8, lines split on `\n` (a trailing `\r`
/// is whitespace), fields split on runs of ASCII whitespace as C's `isspace` does.
enum TrecText {
    /// The contents of `url` decoded as UTF-8 (invalid bytes become U+FFFD).
    static func read(_ url: URL) throws(TrecFileError) -> String {
        do {
            return String(decoding: try Data(contentsOf: url), as: UTF8.self)
        } catch {
            throw TrecFileError(file: url.path, line: 0, message: "cannot read: \(error.localizedDescription)")
        }
    }

    /// Calls `body` with the 1-based number and the line itself (without its `\n`) of every line.
    static func forEachLine(
        in text: String, _ body: (_ number: Int, _ line: Substring) throws(TrecFileError) -> Void
    ) throws(TrecFileError) {
        var number = 0
        for line in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            number += 1
            try body(number, Substring(line))
        }
    }

    /// Calls `body` with the number and the whitespace-separated fields of every line that is
    /// neither blank nor a comment (first non-blank character `#`), as trec_eval skips them.
    static func forEachRecord(
        in text: String, _ body: (_ number: Int, _ fields: [Substring]) throws(TrecFileError) -> Void
    ) throws(TrecFileError) {
        try forEachLine(in: text) { (number, line) throws(TrecFileError) in
            let fields = line.utf8.split(whereSeparator: isSpace).map { Substring($0) }
            guard let first = fields.first, !first.hasPrefix("#") else { return }
            try body(number, fields)
        }
    }

    /// C's `isspace` in the "C" locale: space, tab, newline, vertical tab, form feed, carriage return.
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }

    /// Whether `text` contains a byte C's `isspace` accepts (such text cannot be one field).
    static func containsSpace(_ text: String) -> Bool {
        text.utf8.contains(where: isSpace)
    }
}
