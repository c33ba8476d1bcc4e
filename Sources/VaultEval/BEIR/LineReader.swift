import Foundation

/// Reads a file line by line in 1 MiB chunks, yielding raw bytes (no UTF-8 decoding), so huge
/// corpora stream in constant memory and invalid UTF-8 can be reported per line.
public final class LineReader {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var start = 0
    private var finished = false
    /// The 1-based number of the line last returned.
    public private(set) var lineNumber = 0
    /// Bytes consumed so far (for progress).
    public private(set) var bytesRead: UInt64 = 0

    /// Opens `path` for reading.
    public init(path: String) throws {
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
            let chunk = try handle.read(upToCount: 1 << 20) ?? Data()
            if chunk.isEmpty { finished = true } else {
                bytesRead += UInt64(chunk.count)
                buffer.append(contentsOf: chunk)
            }
        }
    }
}
