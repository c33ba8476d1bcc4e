import Foundation
import Hummingbird

/// `GET /keys`, `GET /keys/{uidOrKey}`, `POST /keys`, `PATCH /keys/{uidOrKey}` and
/// `DELETE /keys/{uidOrKey}`, in Meilisearch's format (with VaultSearch's `rateLimit` and
/// `owner`). They need a master key at launch, and the master key or a key with the `keys.*`
/// action asked for.
struct KeyRoutes {
    let state: ServerState

    /// The members `POST /keys` takes.
    static let createFields = ["uid", "name", "description", "actions", "indexes", "expiresAt", "rateLimit", "owner"]
    /// The members `PATCH /keys/{key}` refuses as immutable (Meilisearch's, then VaultSearch's
    /// `owner`: a key's scope never changes under the clients that hold it). `rateLimit` may change.
    static let immutableFields = ["uid", "key", "actions", "indexes", "expiresAt", "createdAt", "updatedAt", "owner"]

    func add(to router: Router<VaultRequestContext>) {
        router.get("/keys") { request, context in
            try require("keys.get", context)
            let query = try request.queryObject(numbers: ["offset", "limit"], flags: [])
            var reader = ParameterReader(query) { "invalid_api_key_" + $0.snakeCased }
            let offset = try reader.count("offset", maximum: Int(Int32.max)) ?? 0
            let limit = try reader.count("limit", maximum: Int(Int32.max)) ?? 20
            try reader.rejectUnknown(accepted: ["offset", "limit"])
            let all = state.keys.all()
            return Response.json(.object(JSONObject([
                ("results", .array(all.dropFirst(offset).prefix(limit).map { .object($0.object) })),
                ("offset", .integer(Int64(offset))), ("limit", .integer(Int64(limit))), ("total", .integer(Int64(all.count))),
            ])))
        }
        router.get("/keys/:key") { _, context in
            try require("keys.get", context)
            let uidOrKey = try context.parameters.require("key")
            guard let key = state.keys.key(uidOrKey) else { throw APIError.apiKeyNotFound(uidOrKey) }
            return Response.json(.object(key.object))
        }
        router.post("/keys") { request, context in
            try require("keys.create", context)
            var request = request
            let body = try ParameterReader.object(try await request.jsonBody(limit: state.configuration.maxBodyBytes, emptyIsObject: false))
            let draft = try Self.draft(body)
            let key = try state.keys.create(draft)
            context.logger.notice("created API key \(key.uid) (\(key.name ?? "no name")): actions \(key.actions), indexes \(key.indexes)")
            return Response.json(.object(key.object), status: .created)
        }
        router.patch("/keys/:key") { request, context in
            try require("keys.update", context)
            let uidOrKey = try context.parameters.require("key")
            var request = request
            let body = try ParameterReader.object(try await request.jsonBody(limit: state.configuration.maxBodyBytes, emptyIsObject: false))
            let change = try Self.patch(body)
            let key = try state.keys.update(uidOrKey, name: change.name, description: change.description, rateLimit: change.rateLimit)
            return Response.json(.object(key.object))
        }
        router.delete("/keys/:key") { _, context in
            try require("keys.delete", context)
            let uidOrKey = try context.parameters.require("key")
            let removed = try state.keys.delete(uidOrKey)
            state.rateLimiter.forget(uid: removed.uid)
            context.logger.notice("deleted API key \(removed.uid)")
            return Response(status: .noContent)
        }
    }

    private func require(_ action: String, _ context: VaultRequestContext) throws(APIError) {
        guard state.keys.isEnabled else { throw APIError.missingMasterKey }
        try context.require(action)
    }

    /// Reads and checks a `POST /keys` body.
    static func draft(_ body: JSONObject, now: Date = Date()) throws(APIError) -> KeyStore.Draft {
        var reader = ParameterReader(body) { "invalid_api_key_" + $0.snakeCased }
        var uid: String?
        if let text = try reader.string("uid") {
            guard APIKey.isUUIDv4(text) else { throw reader.fault("uid", "`\(text.prefix(100))` is not a UUID v4.") }
            uid = text.lowercased()
        }
        let name = try reader.string("name")
        let description = try reader.string("description")
        guard body["actions"] != nil else { throw missing("actions") }
        let actions = try list("actions", of: body, reader: &reader)
        for (position, action) in actions.enumerated() where !APIKey.knownActions.contains(action) {
            throw APIError(.badRequest, code: "invalid_api_key_actions",
                           message: "Unknown value `\(action.prefix(100))` at `.actions[\(position)]`: expected one of \(APIKey.knownActions.map { "`\($0)`" }.joined(separator: ", "))")
        }
        guard body["indexes"] != nil else { throw missing("indexes") }
        let indexes = try list("indexes", of: body, reader: &reader)
        guard !indexes.isEmpty else { throw reader.fault("indexes", "at least one index uid or pattern (`*` for all) is required.") }
        for (position, pattern) in indexes.enumerated() where !APIKey.isIndexPattern(pattern) {
            throw APIError(.badRequest, code: "invalid_api_key_indexes",
                           message: "Invalid value at `.indexes[\(position)]`: `\(pattern.prefix(100))` is not a valid index uid pattern. Index patterns must be `*`, an index uid, or an index uid followed by `*` (letters, digits, `-` and `_`).")
        }
        guard body["expiresAt"] != nil else { throw missing("expiresAt") }
        var expiresAt: Date?
        switch reader.value("expiresAt") {
        case nil: expiresAt = nil
        case .string(let text)?:
            guard let date = RFC3339.parse(text), date > now else {
                throw reader.fault("expiresAt", "`\(text.prefix(100))` is not a valid date. It should follow the RFC 3339 format to represents a date or datetime in the future or specified as a null value. e.g. 'YYYY-MM-DD' or 'YYYY-MM-DD HH:MM:SS'.")
            }
            expiresAt = date
        case let other?: throw reader.fault("expiresAt", expected: "a string or null", found: other)
        }
        let rateLimit = try reader.count("rateLimit", maximum: Int(Int32.max), minimum: 1)
        let owner = try reader.string("owner")
        if let owner, owner.isEmpty || owner.utf8.count > 256 {
            throw reader.fault("owner", "an owner is a username of 1 to 256 bytes, or `*` (the key may sign tenant tokens for any owner).")
        }
        try reader.rejectUnknown(accepted: createFields)
        return KeyStore.Draft(uid: uid, name: name, description: description, actions: actions, indexes: indexes,
                              expiresAt: expiresAt, rateLimit: rateLimit, owner: owner)
    }

    /// Reads a `PATCH /keys/{key}` body: a name, a description and a rate limit (`.some(nil)` clears one).
    static func patch(_ body: JSONObject) throws(APIError) -> (name: String??, description: String??, rateLimit: Int??) {
        var name: String??
        var description: String??
        var rateLimit: Int??
        for (member, value) in body.members {
            switch member {
            case "rateLimit":
                switch value {
                case .null: rateLimit = .some(nil)
                case .integer(let number) where number >= 1 && number <= Int64(Int32.max): rateLimit = .some(Int(number))
                default:
                    throw APIError(.badRequest, code: "invalid_api_key_rate_limit",
                                   message: "Invalid value at `.rateLimit`: expected a positive integer (requests per hour) or null, but found \(value.kindDescription): `\(value.compactText.prefix(200))`")
                }
            case "name", "description":
                let text: String?
                switch value {
                case .null: text = nil
                case .string(let string): text = string
                default:
                    throw APIError(.badRequest, code: "invalid_api_key_\(member)",
                                   message: "Invalid value type at `.\(member)`: expected a string, but found \(value.kindDescription): `\(value.compactText.prefix(200))`")
                }
                if member == "name" { name = .some(text) } else { description = .some(text) }
            case let field where immutableFields.contains(field):
                throw APIError(.badRequest, code: "immutable_api_key_" + field.snakeCased,
                               message: "The `.\(field)` field cannot be modified for the given resource.")
            default:
                throw APIError.badRequest("Unknown field `\(member.prefix(100))`: expected one of `name`, `description`, `rateLimit`")
            }
        }
        return (name, description, rateLimit)
    }

    private static func missing(_ field: String) -> APIError {
        APIError(.badRequest, code: "missing_api_key_" + field.snakeCased, message: "Missing field `\(field)`")
    }

    /// An array of strings (a single string is not taken as a list here).
    private static func list(_ name: String, of body: JSONObject, reader: inout ParameterReader) throws(APIError) -> [String] {
        guard let value = reader.value(name), case .array = value else {
            throw reader.fault(name, expected: "an array of strings", found: body[name] ?? .null)
        }
        return try reader.strings(name) ?? []
    }
}
