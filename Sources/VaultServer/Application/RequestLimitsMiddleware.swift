import Hummingbird

/// Refuses requests past the transport-level limits before any route reads them: a URL longer
/// than `maxURLBytes` (414 `uri_too_long`) and more than `maxHeaderCount` header fields (431
/// `request_header_fields_too_large`). Body size is checked where a body is read
/// (``Request/jsonBody(limit:emptyIsObject:)``), the query length and parameter bounds by each
/// parameter's reader. Hummingbird's HTTP/1 decoder still applies its own hard limits (1,000
/// fields, 80 KiB of headers); past those it answers a bare 400 and closes the connection.
struct RequestLimitsMiddleware: RouterMiddleware {
    typealias Context = VaultRequestContext
    let maxURLBytes: Int
    let maxHeaderCount: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let length = request.uri.string.utf8.count
        guard length <= maxURLBytes else { throw APIError.uriTooLong(length: length, limit: maxURLBytes) }
        guard request.headers.count <= maxHeaderCount else { throw APIError.tooManyHeaders(count: request.headers.count, limit: maxHeaderCount) }
        return try await next(request, context)
    }
}
