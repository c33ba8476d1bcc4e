import Foundation

/// Reads a file line by line in 1 MiB chunks, yielding raw bytes (no UTF-8 decoding), so huge
/// corpora stream in constant memory and invalid UTF-8 can be reported per line.
public final class LineReader {
    private let handle: FileHandle
    private let path: String
    private var buffer: [UInt8] = []
    private var start = 0
    private var finished = false
    /// The 1-based number of the line last returned.
    public private(set) var lineNumber = 0
    /// Bytes consumed so far (for progress).
    public private(set) var bytesRead: UInt64 = 0

    /// Opens `path` for reading.
    public init(path: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw TrecFileError(file: path, line: 0, message: "is a directory, not a file")
        }
        self.path = path
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw TrecFileError(file: path, line: 0, message: "cannot open the file (missing or unreadable)")
        }
        self.handle = handle
    }

    deinit { try? handle.close() }

    /// The next line without its line break, or nil at the end of the file.
    public func nextLine() throws -> ArraySlice<UInt8>? {
        while true {
            if let newline = buffer[start...].firstIndex(of: 0x0A) {
                let line = buffer[start..<newline]
                start = newline + 1
                lineNumber += 1
                return line.last == 0x0D ? line.dropLast() : line
            }
            if finished {
                guard start < buffer.count else { return nil }
                let line = buffer[start...]
                start = buffer.count
                lineNumber += 1
                return line
            }
            buffer.removeSubrange(0..<start)
            start = 0
            let chunk: Data
            do { chunk = try handle.read(upToCount: 1 << 20) ?? Data() } catch {
                throw TrecFileError(file: path, line: lineNumber + 1, message: "cannot read: \(error.localizedDescription)")
            }
            if chunk.isEmpty { finished = true } else {
                bytesRead += UInt64(chunk.count)
                buffer.append(contentsOf: chunk)
            }
        }
    }
}
