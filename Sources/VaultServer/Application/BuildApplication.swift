import Foundation
import Hummingbird
import Logging
import ServiceLifecycle

/// Builds the router every listener shares: middleware (request ids and logs, errors, metrics,
/// authentication) and every route. Tests call it directly and run it in process.
public func buildRouter(_ state: ServerState) -> Router<VaultRequestContext> {
    let router = Router(context: VaultRequestContext.self)
    let routes = RouteTable()
    router.add(middleware: RequestLogMiddleware())
    router.add(middleware: MetricsMiddleware(metrics: state.metrics))
    router.add(middleware: ErrorMiddleware(maxBodyBytes: state.configuration.maxBodyBytes, routes: routes))
    router.add(middleware: RequestLimitsMiddleware(maxURLBytes: state.configuration.maxURLBytes, maxHeaderCount: state.configuration.maxHeaderCount))
    router.add(middleware: AuthenticationMiddleware(masterKey: state.configuration.masterKey, keys: state.keys, limiter: state.rateLimiter))
    InfoRoutes(state: state).add(to: router)
    PageRoutes().add(to: router)
    SearchRoutes(state: state).add(to: router)
    MultiSearchRoutes(state: state).add(to: router)
    FacetSearchRoutes(state: state).add(to: router)
    SimilarRoutes(state: state).add(to: router)
    TrendingRoutes(state: state).add(to: router)
    DocumentRoutes(state: state).add(to: router)
    IndexRoutes(state: state).add(to: router)
    OperationsRoutes(state: state).add(to: router)
    KeyRoutes(state: state).add(to: router)
    routes.set(router.routes.map { RouteTable.Route(method: $0.method.rawValue, pattern: $0.path.description) })
    return router
}

/// Opens the indexes of `configuration` (building missing ones), and returns the daemon: both
/// listeners on one router, and a tailer per index. `vaultsearch serve` and the tests call this.
public func buildApplication(_ configuration: ServerConfiguration, logger: Logger) async throws -> VaultDaemon {
    let registry = try IndexRegistry(configuration.indexes) { line in logger.info("\(line)") }
    let state = try ServerState(configuration: configuration, registry: registry, pool: SearcherPool(threadCount: configuration.searchThreads), logger: logger)
    if state.keys.isEnabled {
        logger.info("master key set: \(state.keys.all().count) API keys in \(state.keys.path) (GET /keys with the master key lists them)")
    }
    return try VaultDaemon(state: state)
}
