import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
private let posixWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
private let posixWrite = Darwin.write
#endif

/// The API keys of the daemon, kept in `<dataDirectory>/keys.json` (mode 0600, rewritten whole
/// on every change: a temporary file, fsync, rename, so a crash leaves the old file or the new one).
///
/// Without a master key the store is empty and disabled (no file is read or written): every
/// request is granted everything and `/keys` answers `missing_master_key`. With one, a missing
/// file is created with Meilisearch's two default keys.
public final class KeyStore: Sendable {
    /// The file.
    public let path: String
    /// Whether keys are in force (a master key is set).
    public let isEnabled: Bool
    private let masterKey: String?

    private struct State {
        /// In creation order.
        var keys: [APIKey] = []
        /// Key value → position in `keys`.
        var byValue: [String: Int] = [:]
        /// Uid → position in `keys`.
        var byUID: [String: Int] = [:]

        init(_ keys: [APIKey]) {
            self.keys = keys
            for (position, key) in keys.enumerated() {
                byValue[key.key] = position
                byUID[key.uid] = position
            }
        }

        func find(_ uidOrKey: String) -> Int? { byUID[uidOrKey.lowercased()] ?? byValue[uidOrKey] }
    }

    private let state: Mutex<State>

    /// The names of the keys created on first start (Meilisearch's).
    public static let defaultSearchKeyName = "Default Search API Key"
    public static let defaultAdminKeyName = "Default Admin API Key"

    /// Opens the store of `dataDirectory`; with a master key, reads `keys.json` or creates it
    /// with the default keys. Throws ``KeyFileError`` for a file that does not parse.
    public init(dataDirectory: String, masterKey: String?, now: Date = Date()) throws {
        path = (dataDirectory.isEmpty ? "." : dataDirectory) + "/keys.json"
        self.masterKey = masterKey
        isEnabled = masterKey != nil
        guard let masterKey else {
            state = Mutex(State([]))
            return
        }
        if FileManager.default.fileExists(atPath: path) {
            state = Mutex(State(try Self.read(path, masterKey: masterKey)))
        } else {
            let created = RFC3339.rounded(now)
            let defaults = [
                APIKey(uid: UUID().uuidString.lowercased(), key: "", name: Self.defaultSearchKeyName,
                       description: "Use it to search from the frontend", actions: ["search"], indexes: ["*"],
                       expiresAt: nil, createdAt: created, updatedAt: created, rateLimit: nil, owner: nil),
                APIKey(uid: UUID().uuidString.lowercased(), key: "", name: Self.defaultAdminKeyName,
                       description: "Use it for anything that is not a search operation. Caution! Do not expose it on a public frontend",
                       actions: ["*"], indexes: ["*"], expiresAt: nil, createdAt: created, updatedAt: created, rateLimit: nil, owner: nil),
            ].map { key in
                var key = key
                key.key = APIKey.derive(uid: key.uid, masterKey: masterKey)
                return key
            }
            try Self.write(defaults, to: path)
            state = Mutex(State(defaults))
        }
    }

    // MARK: Reading

    /// Every key, newest first (as Meilisearch lists them).
    public func all() -> [APIKey] {
        state.withLock { $0.keys.reversed() }
    }

    /// The key whose uid or value is `uidOrKey`.
    public func key(_ uidOrKey: String) -> APIKey? {
        state.withLock { state in state.find(uidOrKey).map { state.keys[$0] } }
    }

    /// The key whose secret value is `value` (a bearer token), expired or not.
    public func key(value: String) -> APIKey? {
        state.withLock { state in state.byValue[value].map { state.keys[$0] } }
    }

    /// The key whose uid is `uid` (a tenant token's `apiKeyUid`).
    public func key(uid: String) -> APIKey? {
        state.withLock { state in state.byUID[uid.lowercased()].map { state.keys[$0] } }
    }

    // MARK: Changing

    /// What `POST /keys` asks for, already checked by the route.
    public struct Draft: Sendable {
        public var uid: String?
        public var name: String?
        public var description: String?
        public var actions: [String]
        public var indexes: [String]
        public var expiresAt: Date?
        public var rateLimit: Int?
        public var owner: String?

        public init(uid: String? = nil, name: String? = nil, description: String? = nil, actions: [String], indexes: [String],
                    expiresAt: Date? = nil, rateLimit: Int? = nil, owner: String? = nil) {
            self.uid = uid
            self.name = name
            self.description = description
            self.actions = actions
            self.indexes = indexes
            self.expiresAt = expiresAt
            self.rateLimit = rateLimit
            self.owner = owner
        }
    }

    /// Creates a key (409 `api_key_already_exists` for a uid in use) and saves the file.
    public func create(_ draft: Draft, now: Date = Date()) throws(APIError) -> APIKey {
        guard let masterKey else { throw APIError.missingMasterKey }
        let uid = (draft.uid ?? UUID().uuidString).lowercased()
        let created = RFC3339.rounded(now)
        let key = APIKey(
            uid: uid, key: APIKey.derive(uid: uid, masterKey: masterKey), name: draft.name, description: draft.description,
            actions: draft.actions, indexes: draft.indexes, expiresAt: draft.expiresAt.map(RFC3339.rounded),
            createdAt: created, updatedAt: created, rateLimit: draft.rateLimit, owner: draft.owner)
        return try state.withLock { state throws(APIError) in
            guard state.byUID[uid] == nil else { throw APIError.apiKeyAlreadyExists(uid) }
            let keys = state.keys + [key]
            try save(keys)
            state = State(keys)
            return key
        }
    }

    /// A change of name, description or rate limit (`.some(nil)` clears one; nil leaves it).
    public func update(_ uidOrKey: String, name: String??, description: String??, rateLimit: Int?? = nil, now: Date = Date()) throws(APIError) -> APIKey {
        try state.withLock { state throws(APIError) in
            guard let position = state.find(uidOrKey) else { throw APIError.apiKeyNotFound(uidOrKey) }
            var keys = state.keys
            if let name { keys[position].name = name }
            if let description { keys[position].description = description }
            if let rateLimit { keys[position].rateLimit = rateLimit }
            keys[position].updatedAt = max(RFC3339.rounded(now), keys[position].createdAt)
            try save(keys)
            state = State(keys)
            return keys[position]
        }
    }

    /// Deletes a key; its tenant tokens stop working at once. Returns the deleted key.
    @discardableResult
    public func delete(_ uidOrKey: String) throws(APIError) -> APIKey {
        try state.withLock { state throws(APIError) in
            guard let position = state.find(uidOrKey) else { throw APIError.apiKeyNotFound(uidOrKey) }
            var keys = state.keys
            let removed = keys.remove(at: position)
            try save(keys)
            state = State(keys)
            return removed
        }
    }

    private func save(_ keys: [APIKey]) throws(APIError) {
        do {
            try Self.write(keys, to: path)
        } catch {
            throw APIError.internal("The keys could not be saved to \(path): \(error)")
        }
    }

    // MARK: The file

    static func read(_ path: String, masterKey: String) throws -> [APIKey] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let value: JSONValue
        do {
            value = try JSONValue.parse(Array(data))
        } catch {
            throw KeyFileError(message: "\(path): \(error)")
        }
        guard case .object(let file) = value, case .array(let entries)? = file["keys"] else {
            throw KeyFileError(message: "\(path): expected an object with a `keys` array")
        }
        var keys: [APIKey] = []
        for entry in entries {
            guard case .object(let object) = entry else { throw KeyFileError(message: "\(path): a key is not an object") }
            do {
                keys.append(try APIKey(stored: object, masterKey: masterKey))
            } catch {
                throw KeyFileError(message: "\(path): \(error.message)")
            }
        }
        return keys
    }

    static func write(_ keys: [APIKey], to path: String) throws {
        let file = JSONValue.object(JSONObject([
            ("version", .integer(1)), ("keys", .array(keys.map { .object($0.storedObject) })),
        ]))
        var writer = JSONWriter()
        writer.write(file)
        writer.raw("\n")
        try AtomicFile.write(writer.bytes, to: path, mode: 0o600)
    }
}

/// Writes a file so that readers (and a crash) see the old contents or the new, never a part.
enum AtomicFile {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static func write(_ bytes: [UInt8], to path: String, mode: mode_t) throws {
        let directory = (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let temporary = "\(path).tmp-\(getpid())-\(UUID().uuidString)"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard descriptor >= 0 else { throw Failure(description: "cannot create \(temporary): \(String(cString: strerror(errno)))") }
        var ok = false
        defer {
            if !ok { unlink(temporary) }
        }
        do {
            defer { close(descriptor) }
            _ = fchmod(descriptor, mode)  // whatever the umask did
            var offset = 0
            while offset < bytes.count {
                let written = bytes[offset...].withUnsafeBytes { posixWrite(descriptor, $0.baseAddress, $0.count) }
                if written < 0 {
                    if errno == EINTR { continue }
                    throw Failure(description: "cannot write \(temporary): \(String(cString: strerror(errno)))")
                }
                offset += written
            }
            guard fsync(descriptor) == 0 else { throw Failure(description: "cannot sync \(temporary): \(String(cString: strerror(errno)))") }
        }
        guard rename(temporary, path) == 0 else { throw Failure(description: "cannot rename \(temporary) to \(path): \(String(cString: strerror(errno)))") }
        ok = true
        let directoryDescriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directoryDescriptor >= 0 {
            _ = fsync(directoryDescriptor)
            close(directoryDescriptor)
        }
    }
}
