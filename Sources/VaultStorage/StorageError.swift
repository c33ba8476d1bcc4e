import CLMDB

/// An error from the storage layer. It knows nothing of HTTP or of the index above it;
/// callers match it by case.
public enum StorageError: Error, Equatable, CustomStringConvertible {
    /// The directory for an environment is missing and could not be created, or is not a directory.
    case badDirectory(path: String, reason: String)
    /// The memory map is full: the environment needs a larger `mapSize`.
    case mapFull
    /// LMDB ran out of reader slots (too many concurrent read transactions).
    case readersFull
    /// A named database does not exist and was not asked to be created.
    case databaseNotFound(name: String)
    /// The data file is damaged: a meta page, a B-tree page or a value's checksum is wrong, or LMDB
    /// itself reported `MDB_CORRUPTED`, `MDB_PAGE_NOTFOUND` or `MDB_INVALID`. The message names the
    /// file, page, database or key.
    case damaged(String)
    /// Any other LMDB failure, with LMDB's own code and message and what we were doing.
    case lmdb(code: Int32, message: String, operation: String)

    /// Maps an LMDB return code to an error (never called with `MDB_SUCCESS`).
    static func check(_ code: Int32, _ operation: @autoclosure () -> String) throws(StorageError) {
        guard code != MDB_SUCCESS else { return }
        switch code {
        case MDB_MAP_FULL: throw .mapFull
        case MDB_READERS_FULL: throw .readersFull
        case MDB_CORRUPTED, MDB_PAGE_NOTFOUND, MDB_INVALID:
            throw .damaged("LMDB reports \(String(cString: mdb_strerror(code))) during \(operation())")
        default: throw .lmdb(code: code, message: String(cString: mdb_strerror(code)), operation: operation())
        }
    }

    public var description: String {
        switch self {
        case .badDirectory(let path, let reason): return "cannot use index directory '\(path)': \(reason)"
        case .mapFull: return "the index's memory map is full (raise the map size)"
        case .readersFull: return "too many concurrent readers of the index"
        case .databaseNotFound(let name): return "the index has no database named '\(name)'"
        case .damaged(let what): return "the data file is damaged: \(what)"
        case .lmdb(let code, let message, let operation): return "LMDB error \(code) during \(operation): \(message)"
        }
    }
}
