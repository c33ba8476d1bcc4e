import Crypto
import Foundation

/// An API key in Meilisearch's format, plus VaultSearch's `rateLimit` and `owner`.
///
/// The `key` (the secret a client sends as `Authorization: Bearer <key>`) is not stored: it is
/// derived from the uid and the master key as Meilisearch derives it, hex(HMAC-SHA256(key: master
/// key, message: uid)). A new master key therefore turns every key into a new value, as it does in
/// Meilisearch, and `keys.json` holds no secret.
public struct APIKey: Sendable, Equatable {
    /// The uid (a lowercase UUID v4).
    public var uid: String
    /// The secret value, hex(HMAC-SHA256(master key, uid)).
    public var key: String
    /// A name, or nil.
    public var name: String?
    /// A description, or nil.
    public var description: String?
    /// The actions allowed (``APIKey/knownActions``).
    public var actions: [String]
    /// The index uids or patterns (`*`, `prefix*`) allowed.
    public var indexes: [String]
    /// When the key stops working, or nil for never.
    public var expiresAt: Date?
    /// When it was created.
    public var createdAt: Date
    /// When its name or description last changed.
    public var updatedAt: Date
    /// Requests per hour, shared by the key and every tenant token signed with it; nil for no limit.
    public var rateLimit: Int?
    /// VaultSearch's scope extension. A username: the key (and every tenant token it signs) sees
    /// that user's non-public documents too. `*`: the key itself sees public documents only, but
    /// may sign tenant tokens naming any owner. nil: public documents only, and its tenant tokens
    /// may name no owner (so a Default Search API Key shipped to a browser cannot mint one).
    public var owner: String?

    /// The `owner` value that lets a key sign tenant tokens for any owner.
    public static let anyOwner = "*"

    /// Whether the key has expired at `now`.
    public func isExpired(at now: Date = Date()) -> Bool {
        guard let expiresAt else { return false }
        return expiresAt <= now
    }

    /// The owner whose documents the key itself may see (nil for `*`).
    var scopedOwner: String? { owner == Self.anyOwner ? nil : owner }

    /// What a request authenticated with this key may do: its actions on its indexes, and, for a
    /// key naming an owner, that owner's scope on each of them.
    public var grant: AccessGrant {
        var grant = AccessGrant(actions: Set(actions), indexes: indexes, keyUID: uid)
        if let owner = scopedOwner {
            grant.searchRules = Dictionary(indexes.map { ($0, AccessGrant.SearchRule(owner: owner)) }, uniquingKeysWith: { first, _ in first })
        }
        return grant
    }

    /// The actions a key may carry: Meilisearch's list (so its clients can create any key they
    /// create there; VaultSearch has routes for a subset), and `keys.*`.
    public static let knownActions: [String] = [
        "*", "search",
        "documents.*", "documents.add", "documents.get", "documents.delete",
        "indexes.*", "indexes.create", "indexes.get", "indexes.update", "indexes.delete", "indexes.swap",
        "tasks.*", "tasks.cancel", "tasks.delete", "tasks.get",
        "settings.*", "settings.get", "settings.update",
        "stats.*", "stats.get",
        "metrics.*", "metrics.get",
        "dumps.*", "dumps.create",
        "snapshots.*", "snapshots.create",
        "version",
        "keys.*", "keys.create", "keys.get", "keys.update", "keys.delete",
        "experimental.get", "experimental.update",
        "network.get", "network.update",
    ]

    /// Meilisearch's derivation: hex(HMAC-SHA256(key: master key bytes, message: the uid's
    /// lowercase hyphenated text)).
    public static func derive(uid: String, masterKey: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Array(uid.utf8), using: SymmetricKey(data: Array(masterKey.utf8)))
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in mac {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }

    /// Whether `text` is a UUID v4 (any case): 8-4-4-4-12 hex digits, version 4, variant 10xx.
    public static func isUUIDv4(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 36 else { return false }
        for (position, byte) in bytes.enumerated() {
            if [8, 13, 18, 23].contains(position) {
                guard byte == UInt8(ascii: "-") else { return false }
            } else {
                guard (0x30...0x39).contains(byte) || (0x61...0x66).contains(byte | 0x20) else { return false }
            }
        }
        guard bytes[14] == UInt8(ascii: "4") else { return false }
        return [UInt8(ascii: "8"), UInt8(ascii: "9"), UInt8(ascii: "a"), UInt8(ascii: "b")].contains(bytes[19] | 0x20)
    }

    /// Whether `pattern` is an index uid, `*`, or a uid prefix followed by `*`.
    public static func isIndexPattern(_ pattern: String) -> Bool {
        if pattern == "*" { return true }
        let base = pattern.hasSuffix("*") ? String(pattern.dropLast()) : pattern
        return IndexDefinition.isValidUID(base)
    }
}

// MARK: - JSON forms

extension APIKey {
    /// The response form (Meilisearch's members in its order, then `rateLimit` and `owner`).
    var object: JSONObject {
        JSONObject([
            ("name", name.map(JSONValue.string) ?? .null),
            ("description", description.map(JSONValue.string) ?? .null),
            ("key", .string(key)),
            ("uid", .string(uid)),
            ("actions", .array(actions.map(JSONValue.string))),
            ("indexes", .array(indexes.map(JSONValue.string))),
            ("expiresAt", expiresAt.map { .string(RFC3339.format($0)) } ?? .null),
            ("createdAt", .string(RFC3339.format(createdAt))),
            ("updatedAt", .string(RFC3339.format(updatedAt))),
            ("rateLimit", rateLimit.map { .integer(Int64($0)) } ?? .null),
            ("owner", owner.map(JSONValue.string) ?? .null),
        ])
    }

    /// The stored form: the response form without the derived `key`.
    var storedObject: JSONObject {
        var object = self.object
        object["key"] = nil
        return object
    }

    /// Reads the stored form (`keys.json`), deriving the key from `masterKey`.
    init(stored object: JSONObject, masterKey: String) throws(KeyFileError) {
        func string(_ name: String) throws(KeyFileError) -> String? {
            switch object[name] {
            case nil, .null?: return nil
            case .string(let text)?: return text
            default: throw KeyFileError(message: "`\(name)` is not a string")
            }
        }
        func strings(_ name: String) throws(KeyFileError) -> [String] {
            guard case .array(let elements)? = object[name] else { throw KeyFileError(message: "`\(name)` is not an array") }
            var out: [String] = []
            for element in elements {
                guard case .string(let text) = element else { throw KeyFileError(message: "`\(name)` holds a non-string") }
                out.append(text)
            }
            return out
        }
        func date(_ name: String) throws(KeyFileError) -> Date? {
            guard let text = try string(name) else { return nil }
            guard let date = RFC3339.parse(text) else { throw KeyFileError(message: "`\(name)` is not an RFC 3339 date: \(text)") }
            return date
        }
        guard let uid = try string("uid"), Self.isUUIDv4(uid) else { throw KeyFileError(message: "a key has no valid `uid`") }
        guard let created = try date("createdAt"), let updated = try date("updatedAt") else {
            throw KeyFileError(message: "key \(uid) lacks `createdAt` or `updatedAt`")
        }
        var rateLimit: Int?
        switch object["rateLimit"] {
        case nil, .null?: rateLimit = nil
        case .integer(let number)? where number >= 1 && number <= Int64(Int32.max): rateLimit = Int(number)
        default: throw KeyFileError(message: "key \(uid): `rateLimit` is not a positive integer")
        }
        self.init(
            uid: uid.lowercased(), key: Self.derive(uid: uid.lowercased(), masterKey: masterKey), name: try string("name"),
            description: try string("description"), actions: try strings("actions"), indexes: try strings("indexes"),
            expiresAt: try date("expiresAt"), createdAt: created, updatedAt: updated, rateLimit: rateLimit, owner: try string("owner"))
    }
}

/// A `keys.json` that cannot be read.
public struct KeyFileError: Error, CustomStringConvertible, Sendable {
    /// What is wrong.
    public var message: String
    public var description: String { message }
}

/// RFC 3339 dates as Meilisearch writes and reads them.
enum RFC3339 {
    private static let fractional = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
    private static let whole = Date.ISO8601FormatStyle()

    /// `date` without its fraction of a second: stored dates are whole seconds, so a date read
    /// back from `keys.json` equals the one written.
    static func rounded(_ date: Date) -> Date { Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down)) }

    /// UTC with milliseconds: `2026-04-02T10:20:30.123Z`.
    static func format(_ date: Date) -> String { date.formatted(fractional) }

    /// RFC 3339 (any offset, with or without a fraction), and the shorter forms Meilisearch
    /// accepts for `expiresAt`: `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM:SS` and `YYYY-MM-DD HH:MM:SS` (UTC).
    static func parse(_ text: String) -> Date? {
        guard text.utf8.count <= 64 else { return nil }
        var text = text
        let digitsAt: (String, [Int]) -> Bool = { text, positions in
            let bytes = Array(text.utf8)
            return positions.allSatisfy { $0 < bytes.count && (0x30...0x39).contains(bytes[$0]) }
        }
        let datePositions = [0, 1, 2, 3, 5, 6, 8, 9]
        if text.utf8.count == 10, digitsAt(text, datePositions) {
            text += "T00:00:00Z"
        } else if text.utf8.count == 19, digitsAt(text, datePositions + [11, 12, 14, 15, 17, 18]) {
            text = String(text.prefix(10)) + "T" + String(text.dropFirst(11)) + "Z"
        }
        if let date = try? Date(text, strategy: whole) { return date }
        if let date = try? Date(text, strategy: fractional) { return date }
        return nil
    }
}
