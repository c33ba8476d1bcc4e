import Foundation

/// Writes generated corpora in BEIR's layout: `corpus.jsonl` (one
/// `{"_id": "…", "title": "…", "text": "…"}` object per line) and `queries.tsv` (`qid<TAB>text`).
///
/// Output is streamed through a 1 MiB buffer, so memory stays constant however many documents
/// the sequence yields. Strings are written as raw UTF-8 with JSON's mandatory escapes only
/// (`"`, `\`, and control characters).
public enum BEIRWriter {
    /// Writes `documents` as JSON lines to `url`, replacing any file there.
    /// - Returns: the number of documents written.
    /// - Throws: ``CorpusWriteError`` when the file cannot be created or written.
    @discardableResult
    public static func write<S: Sequence<GeneratedDocument>>(documents: S, to url: URL) throws(CorpusWriteError) -> Int {
        let output = try BufferedOutput(url: url)
        var count = 0
        for document in documents {
            appendJSONLine(document, to: &output.buffer)
            count += 1
            try output.flushIfFull()
        }
        try output.close()
        return count
    }

    /// Writes `queries` as `qid<TAB>text` lines to `url`, replacing any file there.
    /// - Throws: ``CorpusWriteError`` when the file cannot be created or written.
    public static func write(queries: [GeneratedQuery], to url: URL) throws(CorpusWriteError) {
        let output = try BufferedOutput(url: url)
        for query in queries {
            output.buffer.append(contentsOf: query.id.utf8)
            output.buffer.append(UInt8(ascii: "\t"))
            output.buffer.append(contentsOf: query.text.utf8)
            output.buffer.append(UInt8(ascii: "\n"))
            try output.flushIfFull()
        }
        try output.close()
    }

    /// Appends `{"_id": …, "title": …, "text": …}` and a newline to `buffer`.
    public static func appendJSONLine(_ document: GeneratedDocument, to buffer: inout [UInt8]) {
        buffer.append(contentsOf: #"{"_id": "#.utf8)
        appendJSONString(document.id, to: &buffer)
        buffer.append(contentsOf: #", "title": "#.utf8)
        appendJSONString(document.title, to: &buffer)
        buffer.append(contentsOf: #", "text": "#.utf8)
        appendJSONString(document.text, to: &buffer)
        buffer.append(contentsOf: "}\n".utf8)
    }

    /// Appends `string` as a quoted JSON string (raw UTF-8; `"`, `\` and control characters
    /// escaped). O(bytes).
    public static func appendJSONString(_ string: String, to buffer: inout [UInt8]) {
        JSONString.append(string, to: &buffer)
    }
}

/// A failure to write a generated corpus file.
public struct CorpusWriteError: Error, CustomStringConvertible, Sendable {
    /// The file being written.
    public let path: String
    /// What went wrong.
    public let message: String

    /// Creates an error about `path`.
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    /// `path: message`.
    public var description: String { "\(path): \(message)" }
}

/// A file handle with a byte buffer in front of it.
private final class BufferedOutput {
    static let capacity = 1 << 20
    var buffer: [UInt8] = []
    private let handle: FileHandle
    private let path: String

    init(url: URL) throws(CorpusWriteError) {
        path = url.path
        guard FileManager.default.createFile(atPath: path, contents: nil),
              let handle = FileHandle(forWritingAtPath: path)
        else { throw CorpusWriteError(path: path, message: "cannot create the file") }
        self.handle = handle
        buffer.reserveCapacity(Self.capacity + 64 * 1024)
    }

    func flushIfFull() throws(CorpusWriteError) {
        if buffer.count >= Self.capacity { try flush() }
    }

    func flush() throws(CorpusWriteError) {
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            throw CorpusWriteError(path: path, message: "cannot write: \(error.localizedDescription)")
        }
        buffer.removeAll(keepingCapacity: true)
    }

    func close() throws(CorpusWriteError) {
        try flush()
        do {
            try handle.close()
        } catch {
            throw CorpusWriteError(path: path, message: "cannot close: \(error.localizedDescription)")
        }
    }
}
