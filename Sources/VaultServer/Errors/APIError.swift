import HTTPTypes
import Hummingbird

/// An error answered to a client, in Meilisearch's shape: `{message, code, type, link}` with the
/// HTTP status its clients expect. Every failure a request can cause becomes one of these (the
/// engine's own errors are translated in ``APIError/init(_:)`` — the one table that maps them).
public struct APIError: Error, Sendable, Equatable, HTTPResponseError {
    /// The HTTP status.
    public var status: HTTPResponse.Status
    /// The machine-readable code, e.g. `invalid_search_filter`.
    public var code: String
    /// `invalid_request`, `auth`, `internal` or `system`.
    public var type: String
    /// The human-readable message.
    public var message: String
    /// Extra response headers (`Retry-After` on 429).
    public var headers: HTTPFields = [:]

    /// An error.
    public init(_ status: HTTPResponse.Status, code: String, type: String = "invalid_request", message: String) {
        self.status = status
        self.code = code
        self.type = type
        self.message = message
    }

    /// The documentation link of the code (as Meilisearch gives it).
    public var link: String { "https://docs.meilisearch.com/errors#\(code)" }

    /// The body.
    public var body: JSONValue {
        .object(JSONObject([
            ("message", .string(message)), ("code", .string(code)), ("type", .string(type)), ("link", .string(link)),
        ]))
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var writer = JSONWriter()
        writer.write(body)
        var fields = headers
        fields[.contentType] = "application/json"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: writer.bytes)))
    }
}

extension APIError {
    /// 400 `bad_request`.
    public static func badRequest(_ message: String) -> APIError { APIError(.badRequest, code: "bad_request", message: message) }

    /// 400 `malformed_payload`.
    public static func malformedPayload(_ message: String) -> APIError {
        APIError(.badRequest, code: "malformed_payload", message: "The json payload provided is malformed. `\(message)`.")
    }

    /// 404 `index_not_found`.
    public static func indexNotFound(_ uid: String) -> APIError {
        APIError(.notFound, code: "index_not_found", message: "Index `\(uid)` not found.")
    }

    /// 404 `document_not_found`.
    public static func documentNotFound(_ id: String) -> APIError {
        APIError(.notFound, code: "document_not_found", message: "Document `\(id)` not found.")
    }

    /// 404 for a path no route serves.
    public static func routeNotFound(_ path: String) -> APIError {
        APIError(.notFound, code: "not_found", message: "No route serves `\(path)`.")
    }

    /// 405 for a known path asked with a method it does not take.
    public static func methodNotAllowed(_ method: String, _ path: String) -> APIError {
        APIError(.methodNotAllowed, code: "method_not_allowed", message: "`\(path)` does not take \(method).")
    }

    /// 413 `payload_too_large`.
    public static func payloadTooLarge(limit: Int) -> APIError {
        APIError(.contentTooLarge, code: "payload_too_large", message: "The provided payload reached the size limit. The maximum accepted payload size is \(limit) bytes.")
    }

    /// 414 `uri_too_long`.
    public static func uriTooLong(length: Int, limit: Int) -> APIError {
        APIError(.uriTooLong, code: "uri_too_long",
                 message: "The URL is \(length) bytes long; at most \(limit) are accepted. Send long searches with POST and a JSON body.")
    }

    /// 431 `request_header_fields_too_large`.
    public static func tooManyHeaders(count: Int, limit: Int) -> APIError {
        APIError(.requestHeaderFieldsTooLarge, code: "request_header_fields_too_large",
                 message: "The request has \(count) header fields; at most \(limit) are accepted.")
    }

    /// 415 `invalid_content_type`.
    public static func invalidContentType(_ found: String) -> APIError {
        APIError(.unsupportedMediaType, code: "invalid_content_type",
                 message: "The Content-Type `\(found)` is invalid. Accepted values for the Content-Type header are: `application/json`")
    }

    /// 401 `missing_authorization_header`.
    public static let missingAuthorization = APIError(
        .unauthorized, code: "missing_authorization_header", type: "auth",
        message: "The Authorization header is missing. It must use the bearer authorization method.")

    /// 403 `invalid_api_key`.
    public static let invalidAPIKey = APIError(
        .forbidden, code: "invalid_api_key", type: "auth", message: "The provided API key is invalid.")

    /// 503 when a search waited longer than its time budget for a searcher, or ran past it.
    public static func searchTimedOut(budgetMs: Int) -> APIError {
        APIError(.serviceUnavailable, code: "search_time_budget_exceeded", type: "system",
                 message: "The search did not finish within its time budget of \(budgetMs) ms; the server is overloaded. Retry later.")
    }

    /// 500 for a fault of the server itself (never for bad input). The message names the fault.
    public static func `internal`(_ message: String) -> APIError {
        APIError(.internalServerError, code: "internal", type: "internal", message: message)
    }
}
