import Hummingbird
import NIOCore

extension Request {
    /// The body as one JSON value: 413 past `limit` bytes, 415 for a content type other than JSON,
    /// `malformed_payload` for anything that does not parse (invalid UTF-8 included). An empty
    /// body is `{}` when `emptyIsObject`.
    mutating func jsonBody(limit: Int, emptyIsObject: Bool = true) async throws -> JSONValue {
        if let type = headers[.contentType], !type.lowercased().hasPrefix("application/json") {
            throw APIError.invalidContentType(String(type.prefix(100)))
        }
        let buffer: ByteBuffer
        do {
            buffer = try await body.collect(upTo: limit)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw APIError.payloadTooLarge(limit: limit)
        } catch is NIOTooManyBytesError {
            // What `collect(upTo:)` throws when the body streams past the limit (no Content-Length check).
            throw APIError.payloadTooLarge(limit: limit)
        }
        let bytes = buffer.readableBytesView
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            if emptyIsObject { return .object(JSONObject()) }
            throw APIError(.badRequest, code: "missing_payload", message: "A json payload is missing.")
        }
        do {
            return try JSONValue.parse(bytes)
        } catch {
            throw APIError.malformedPayload(error.description)
        }
    }

    /// The query string as a JSON object of strings, numbers and booleans as the GET form of a
    /// route writes them (`limit=5` → 5, `showRankingScore=true` → true). Refuses a parameter given twice.
    func queryObject(numbers: Set<String>, flags: Set<String>) throws(APIError) -> JSONObject {
        var object = JSONObject()
        for (key, value) in uri.queryParameters {
            let name = String(key)
            if object[name] != nil { throw .badRequest("Query parameter `\(name.prefix(100))` is given twice.") }
            let text = String(value)
            if numbers.contains(name), let number = Int64(text) {
                object[name] = .integer(number)
            } else if flags.contains(name), let flag = Bool(text) {
                object[name] = .bool(flag)
            } else {
                object[name] = .string(text)
            }
        }
        return object
    }
}

extension Response {
    /// A JSON response of already-written bytes.
    static func json(_ bytes: [UInt8], status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// A JSON response of a value.
    static func json(_ value: JSONValue, status: HTTPResponse.Status = .ok) -> Response {
        var writer = JSONWriter()
        writer.write(value)
        return json(writer.bytes, status: status)
    }
}

extension VaultRequestContext {
    /// Refuses the request unless its grant allows `action` (on `index`): 403 `invalid_api_key`,
    /// as Meilisearch answers a key without the action.
    func require(_ action: String, index: String? = nil) throws(APIError) {
        guard grant.allows(action, index: index) else { throw APIError.invalidAPIKey }
    }
}
