import Foundation
import JWTKit
import VaultIndex

/// Tenant tokens, as Meilisearch defines them: a JWT signed (HS256, HS384 or HS512) with an API
/// key's `key` value, whose claims are
///
/// - `apiKeyUid` (required): the uid of the signing key, which must exist, be unexpired and have
///   the `search` action;
/// - `searchRules` (required): an array of index patterns, or an object from index pattern to
///   `null` / `{}` / `{"filter": ...}` (a filter string or Meilisearch's array form);
/// - `exp` (optional): Unix seconds after which the token is refused.
///
/// VaultSearch's extension: a rule object may carry `"owner": "username"`, so that searches of
/// that index see the user's non-public documents too. The parent key must allow it: its own
/// `owner` is `*` (any user) or that same user. A rule without `owner` inherits the parent's
/// owner when the parent names one user.
///
/// A token grants `search` only (search, multi-search, facet search, similar), on the indexes
/// both its parent key and its rules allow, with each rule's filter ANDed to every search.
enum TenantToken {
    /// Whether a bearer value has a JWT's shape (three dot-separated parts).
    static func looksLikeToken(_ value: String) -> Bool {
        value.utf8.count(where: { $0 == UInt8(ascii: ".") }) == 2
    }

    /// The longest token accepted.
    static let maximumBytes = 16 * 1024

    /// Verifies `token` and returns its grant and its parent key (whose rate limit it spends).
    static func verify(_ token: String, keys: KeyStore, now: Date = Date()) async throws(APIError) -> (grant: AccessGrant, parent: APIKey) {
        let bytes = Array(token.utf8)
        guard bytes.count <= maximumBytes else { throw .refusedKey("The tenant token is longer than \(maximumBytes) bytes.") }
        let header: JWTHeader
        let claims: Claims
        do {
            (header, claims, _) = try DefaultJWTParser().parse(bytes, as: Claims.self)
        } catch {
            throw .refusedKey("The tenant token is not a well-formed JWT.")
        }
        let digest: DigestAlgorithm
        switch header.alg {
        case "HS256"?: digest = .sha256
        case "HS384"?: digest = .sha384
        case "HS512"?: digest = .sha512
        case let other:
            throw .refusedKey("The tenant token's algorithm `\(String((other ?? "none").prefix(20)))` is not one of HS256, HS384, HS512.")
        }
        guard case .string(let uid)? = claims.apiKeyUid?.value else {
            throw .refusedKey("The tenant token has no `apiKeyUid` string claim.")
        }
        // Nothing about the parent key is told before the signature is known to be its own.
        guard let parent = keys.key(uid: uid) else { throw APIError.invalidAPIKey }
        do {
            let collection = JWTKeyCollection()
            await collection.add(hmac: HMACKey(from: parent.key), digestAlgorithm: digest)
            _ = try await collection.verify(bytes, as: Claims.self)
        } catch {
            throw APIError.invalidAPIKey
        }
        // Signed by the parent: from here on the reasons may be specific.
        if parent.isExpired(at: now) {
            throw .refusedKey("The tenant token's parent key `\(parent.uid)` expired at `\(parent.expiresAt.map(RFC3339.format) ?? "")`.")
        }
        guard parent.grant.allows("search") else {
            throw .refusedKey("The tenant token's parent key `\(parent.uid)` does not have the `search` action.")
        }
        if let exp = claims.exp?.value {
            let seconds: Double
            switch exp {
            case .integer(let number): seconds = Double(number)
            case .number(let number) where number.isFinite: seconds = number
            default: throw .refusedKey("The tenant token's `exp` claim is not a number of seconds.")
            }
            if seconds <= now.timeIntervalSince1970 {
                throw .refusedKey("Tenant token expired. Was valid up to `\(Int64(seconds.rounded(.down)))` and we're now `\(Int64(now.timeIntervalSince1970))`.")
            }
        }
        let rules = try searchRules(claims.searchRules?.value, parent: parent)
        return (AccessGrant(actions: ["search"], indexes: parent.indexes, searchRules: rules, keyUID: parent.uid), parent)
    }

    /// The token's `searchRules`, parsed (filters included) and with owners checked against the parent.
    static func searchRules(_ value: JSONValue?, parent: APIKey) throws(APIError) -> [String: AccessGrant.SearchRule] {
        var rules: [String: AccessGrant.SearchRule] = [:]
        func checkPattern(_ pattern: String) throws(APIError) {
            guard APIKey.isIndexPattern(pattern) else {
                throw .refusedKey("The tenant token's `searchRules` name `\(pattern.prefix(100))`, which is not an index uid or pattern.")
            }
        }
        switch value {
        case .array(let elements)?:
            for element in elements {
                guard case .string(let pattern) = element else {
                    throw .refusedKey("The tenant token's `searchRules` array must hold index patterns (strings).")
                }
                try checkPattern(pattern)
                rules[pattern] = AccessGrant.SearchRule(owner: parent.scopedOwner)
            }
        case .object(let object)?:
            for (pattern, rule) in object.members {
                try checkPattern(pattern)
                rules[pattern] = try searchRule(rule, pattern: pattern, parent: parent)
            }
        case nil, .null?:
            throw .refusedKey("The tenant token has no `searchRules` claim.")
        default:
            throw .refusedKey("The tenant token's `searchRules` must be an array of index patterns or an object.")
        }
        return rules
    }

    private static func searchRule(_ value: JSONValue, pattern: String, parent: APIKey) throws(APIError) -> AccessGrant.SearchRule {
        var rule = AccessGrant.SearchRule(owner: parent.scopedOwner)
        switch value {
        case .null: return rule
        case .object(let members):
            for (name, member) in members.members {
                switch name {
                case "filter":
                    do {
                        let reader = ParameterReader(JSONObject()) { _ in "invalid_search_filter" }
                        rule.filter = try SearchRequest.filter(member == .null ? nil : member, reader: reader)
                    } catch {
                        throw .refusedKey("The tenant token's filter for `\(pattern.prefix(100))` is invalid: \(error.message)")
                    }
                case "owner":
                    switch member {
                    case .null: break
                    case .string(let owner) where !owner.isEmpty && owner.utf8.count <= 256:
                        guard parent.owner == APIKey.anyOwner || parent.owner == owner else {
                            throw .refusedKey("The tenant token's rule for `\(pattern.prefix(100))` names the owner `\(owner)`, which its parent key may not grant (the key's `owner` must be `*` or that user).")
                        }
                        rule.owner = owner
                    default:
                        throw .refusedKey("The tenant token's `owner` for `\(pattern.prefix(100))` must be a username (a non-empty string).")
                    }
                default:
                    throw .refusedKey("The tenant token's rule for `\(pattern.prefix(100))` has an unknown member `\(name.prefix(100))` (expected `filter` or `owner`).")
                }
            }
            return rule
        default:
            throw .refusedKey("The tenant token's rule for `\(pattern.prefix(100))` must be null or an object.")
        }
    }

    /// The claims read (others are ignored), each as raw JSON so that a wrong type is reported
    /// by name rather than as a decoding failure.
    struct Claims: JWTPayload {
        var apiKeyUid: AnyJSON?
        var searchRules: AnyJSON?
        var exp: AnyJSON?

        /// The signature is checked by the collection; `exp` and the rules by ``TenantToken/verify(_:keys:now:)``.
        func verify(using algorithm: some JWTAlgorithm) async throws {}
    }
}

/// A JSON value decoded through `Codable` (the JWT library's payload decoding).
struct AnyJSON: Codable, Sendable {
    var value: JSONValue

    init(_ value: JSONValue) { self.value = value }

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(from decoder: any Decoder) throws {
        if let object = try? decoder.container(keyedBy: Key.self) {
            var members: [(key: String, value: JSONValue)] = []
            for key in object.allKeys.sorted(by: { $0.stringValue < $1.stringValue }) {
                members.append((key.stringValue, try object.decode(AnyJSON.self, forKey: key).value))
            }
            value = .object(JSONObject(members))
            return
        }
        if var array = try? decoder.unkeyedContainer() {
            var elements: [JSONValue] = []
            while !array.isAtEnd { elements.append(try array.decode(AnyJSON.self).value) }
            value = .array(elements)
            return
        }
        let single = try decoder.singleValueContainer()
        if single.decodeNil() {
            value = .null
        } else if let flag = try? single.decode(Bool.self) {
            value = .bool(flag)
        } else if let integer = try? single.decode(Int64.self) {
            value = .integer(integer)
        } else if let number = try? single.decode(Double.self) {
            value = .number(number)
        } else {
            value = .string(try single.decode(String.self))
        }
    }

    func encode(to encoder: any Encoder) throws {
        switch value {
        case .null:
            var single = encoder.singleValueContainer()
            try single.encodeNil()
        case .bool(let flag):
            var single = encoder.singleValueContainer()
            try single.encode(flag)
        case .integer(let integer):
            var single = encoder.singleValueContainer()
            try single.encode(integer)
        case .number(let number):
            var single = encoder.singleValueContainer()
            try single.encode(number)
        case .string(let text):
            var single = encoder.singleValueContainer()
            try single.encode(text)
        case .array(let elements):
            var array = encoder.unkeyedContainer()
            for element in elements { try array.encode(AnyJSON(element)) }
        case .object(let object):
            var container = encoder.container(keyedBy: Key.self)
            for (key, member) in object.members { try container.encode(AnyJSON(member), forKey: Key(stringValue: key)) }
        }
    }
}
