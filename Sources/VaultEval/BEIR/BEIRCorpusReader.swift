import Foundation
import VaultIndex

/// Streams documents from a BEIR `corpus.jsonl`: one JSON object per line with `_id` (or `id`),
/// `title` and `text`; other string fields are kept as stored fields, `metadata` is ignored.
public final class BEIRCorpusReader {
    /// The file read.
    public let path: String
    private let lines: LineReader

    /// Opens `path`.
    public init(path: String) throws {
        self.path = path
        self.lines = try LineReader(path: path)
    }

    /// Bytes read so far.
    public var bytesRead: UInt64 { lines.bytesRead }
    /// The line of the document last returned.
    public var lineNumber: Int { lines.lineNumber }

    /// The next document, nil at the end; blank lines are skipped.
    /// - Throws: ``TrecFileError`` naming the file and line of a line that is not valid UTF-8, not a
    ///   JSON object, or has no usable id.
    public func next() throws -> Document? {
        while let line = try lines.nextLine() {
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            return try Self.parse(line, file: path, line: lines.lineNumber)
        }
        return nil
    }

    /// Parses one line of a BEIR corpus.
    public static func parse(_ line: ArraySlice<UInt8>, file: String, line number: Int) throws -> Document {
        func fail(_ message: String) -> TrecFileError { TrecFileError(file: file, line: number, message: message) }
        guard String(validating: line, as: UTF8.self) != nil else { throw fail("the line is not valid UTF-8") }
        let object: Any
        do { object = try JSONSerialization.jsonObject(with: Data(line)) } catch {
            throw fail("the line is not valid JSON")
        }
        guard let fields = object as? [String: Any] else { throw fail("the line is not a JSON object") }
        let rawID = fields["_id"] ?? fields["id"]
        let id: String
        switch rawID {
        case let text as String: id = text
        case let number as NSNumber: id = number.stringValue
        case nil: throw fail("the document has no \"_id\" or \"id\"")
        default: throw fail("the document's id is neither a string nor a number")
        }
        if id.isEmpty { throw fail("the document's id is empty") }
        var stored: [String: FieldValue] = [:]
        for (name, value) in fields where name != "_id" && name != "id" && name != "metadata" {
            if let text = value as? String { stored[name] = .string(text) }
        }
        let document = Document(id: id, fields: stored)
        do { try document.validate() } catch { throw fail(error.description) }
        return document
    }
}
