import Hummingbird
import Logging

/// Turns every failure into a Meilisearch-style error response: ``APIError`` as is, Hummingbird's
/// own errors (no route, body too large) into their API form, and anything else into a logged 500
/// naming the fault (a bug: bad input must never reach this branch).
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = VaultRequestContext
    let maxBodyBytes: Int
    /// The routes, to tell "no such path" (404) from "not with this method" (405).
    let routes: RouteTable

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            return try error.response(from: request, context: context)
        } catch let error as HTTPError {
            var mapped: APIError
            switch error.status {
            case .notFound:
                let allowed = routes.methods(for: request.uri.path)
                if allowed.isEmpty || allowed.contains(request.method.rawValue) {
                    mapped = .routeNotFound(String(request.uri.path.prefix(200)))
                } else {
                    mapped = .methodNotAllowed(String(request.method.rawValue.prefix(20)), String(request.uri.path.prefix(200)))
                    mapped.headers[.allow] = allowed.joined(separator: ", ")
                }
            case .methodNotAllowed: mapped = .methodNotAllowed(request.method.rawValue, String(request.uri.path.prefix(200)))
            case .contentTooLarge: mapped = .payloadTooLarge(limit: maxBodyBytes)
            case let status where status.code < 500:
                mapped = APIError(status, code: "bad_request", message: error.body ?? status.reasonPhrase)
            default:
                context.logger.error("request failed: \(error)")
                mapped = .internal("The server failed: \(error.status.reasonPhrase)")
            }
            return try mapped.response(from: request, context: context)
        } catch {
            context.logger.error("request failed: \(String(reflecting: error))")
            return try APIError.internal("The server failed: \(error)").response(from: request, context: context)
        }
    }
}

/// Gives each request an id (answered in `X-Request-Id`, carried by its log lines) and logs one
/// line per request with its status and duration.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = VaultRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        // Hummingbird's id, already on the logger as hb.request.id (absent under a no-op log handler).
        context.requestID = context.logger[metadataKey: "hb.request.id"]?.description ?? RequestID().description
        let started = ContinuousClock.now
        var response = try await next(request, context)
        response.headers[.init("X-Request-Id")!] = context.requestID
        let elapsed = ContinuousClock.now - started
        context.logger.info("\(request.method.rawValue) \(request.uri.path) \(response.status.code)", metadata: [
            "ms": "\(Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000)",
        ])
        return response
    }
}
