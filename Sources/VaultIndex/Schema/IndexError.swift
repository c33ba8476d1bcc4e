import VaultStorage

/// An error from the index. Knows nothing of HTTP; the server maps cases to status codes.
public enum IndexError: Error, Equatable, CustomStringConvertible {
    /// The directory holds no index (no such directory, or no index inside it).
    case notAnIndex(path: String)
    /// The index was written by another on-disk format version.
    case formatVersionMismatch(path: String, found: UInt32, expected: UInt32)
    /// Stored data is damaged: it failed to decode, broke an invariant, or failed its checksum or
    /// the file's structure check. The message names the database and key (or the page).
    case corrupt(String)
    /// A document cannot be indexed (for example, it has no id).
    case invalidDocument(String)
    /// A query cannot be run (for example, it is too long).
    case invalidQuery(String)
    /// A filter that parses but cannot run here (a field that is not filterable, `>` on a string);
    /// the fault knows its position in the filter's text.
    case invalidFilter(FilterFault)
    /// A search parameter is out of range or names an attribute not declared for that use.
    case invalidSearch(parameter: String, message: String)
    /// Settings are inconsistent or would need a rebuild.
    case invalidSettings(String)
    /// The storage layer failed.
    case storage(StorageError)

    public var description: String {
        switch self {
        case .notAnIndex(let path): return "no index at '\(path)' (create one with `vaultsearch index`)"
        case .formatVersionMismatch(let path, let found, let expected):
            return "the index at '\(path)' has format version \(found), this build reads version \(expected): rebuild it"
        case .corrupt(let what): return "the index is damaged: \(what)"
        case .invalidDocument(let why): return "invalid document: \(why)"
        case .invalidQuery(let why): return "invalid query: \(why)"
        case .invalidFilter(let fault): return "invalid filter: \(fault.message) (at \(fault.range.lowerBound))"
        case .invalidSearch(let parameter, let message): return "invalid \(parameter): \(message)"
        case .invalidSettings(let why): return "invalid settings: \(why)"
        case .storage(let error): return error.description
        }
    }

    /// A damaged entry of `database`: names the database and the key.
    static func damaged(_ database: Database, key: UnsafeRawBufferPointer, _ what: String) -> IndexError {
        .corrupt("'\(database.name)' key \(KeyText.describe(key)): \(what)")
    }

    /// A damaged entry of `database`: names the database and the key.
    static func damaged(_ database: Database, key: [UInt8], _ what: String) -> IndexError {
        .corrupt("'\(database.name)' key \(KeyText.describe(key)): \(what)")
    }

    /// Runs `body`, wrapping storage errors (damage the storage layer found becomes ``corrupt(_:)``).
    static func wrap<R>(_ body: () throws -> R) throws(IndexError) -> R {
        do { return try body() } catch let error as IndexError { throw error } catch let error as StorageError {
            if case .damaged(let what) = error { throw .corrupt(what) }
            throw .storage(error)
        } catch { throw .corrupt("\(error)") }
    }
}
