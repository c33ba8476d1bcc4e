import VaultIndex
import VaultStorage

/// An error of the trending layer. Knows nothing of HTTP; the server maps cases to status codes.
public enum TrendingError: Error, Equatable, CustomStringConvertible {
    /// The index has no trending state (it was built before trending existed, or from a source
    /// without engagement tables): rebuild it.
    case notEnabled(path: String)
    /// Stored trending state failed to decode.
    case corrupt(String)
    /// Settings that cannot work.
    case invalidSettings(String)
    /// A request parameter out of range (a negative limit, an offset past the maximum).
    case invalidRequest(parameter: String, message: String)
    /// The index layer failed (a bad filter, storage).
    case index(IndexError)

    public var description: String {
        switch self {
        case .notEnabled(let path): return "the index at '\(path)' has no trending state: rebuild it with `vaultsearch index --rebuild`"
        case .corrupt(let what): return "the trending state is damaged: \(what)"
        case .invalidSettings(let why): return "invalid trending settings: \(why)"
        case .invalidRequest(let parameter, let message): return "invalid \(parameter): \(message)"
        case .index(let error): return error.description
        }
    }

    /// Runs `body`, mapping index and storage errors into ``TrendingError``.
    static func wrap<R>(_ body: () throws -> R) throws(TrendingError) -> R {
        do { return try body() } catch let error as TrendingError { throw error } catch let error as IndexError {
            throw .index(error)
        } catch let error as StorageError { throw .index(.storage(error)) } catch { throw .corrupt("\(error)") }
    }
}
