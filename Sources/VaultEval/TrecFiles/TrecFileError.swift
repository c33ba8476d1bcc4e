/// A problem in an input file (qrels, run, queries, corpus), naming the file and the line.
///
/// ```
/// qrels.txt:12: expected 4 fields (qid iter docid grade), found 3
/// ```
public struct TrecFileError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The file's path, or the name given to text parsed from memory.
    public let file: String
    /// The 1-based line number, counting every physical line; 0 when the whole file is at fault
    /// (it could not be read).
    public let line: Int
    /// What is wrong, in words.
    public let message: String

    /// Creates an error for `file` at `line` (0 for the whole file).
    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `file:line: message`, or `file: message` when no line is at fault.
    public var description: String {
        line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)"
    }
}
