import Hummingbird

/// Records every request in ``ServerMetrics``: a count and a latency observation labelled by the
/// matched route's pattern (Hummingbird's `endpointPath`, e.g. `/indexes/{uid}/search`), the method
/// and the status. It runs outside ``ErrorMiddleware``, so it sees the status the client gets.
///
/// Hummingbird's own `MetricsMiddleware` records through the global `MetricsSystem`, which a
/// process bootstraps once; this one writes to the registry of its ``ServerState``.
struct MetricsMiddleware: RouterMiddleware {
    typealias Context = VaultRequestContext
    let metrics: ServerMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        do {
            let response = try await next(request, context)
            metrics.recordRequest(route: context.endpointPath, method: request.method.rawValue, status: response.status.code, duration: .now - started)
            return response
        } catch {
            // Only reached if a middleware inside threw past the error middleware.
            let status = (error as? any HTTPResponseError)?.status.code ?? 500
            metrics.recordRequest(route: context.endpointPath, method: request.method.rawValue, status: status, duration: .now - started)
            throw error
        }
    }
}
