import Logging

/// What every route shares: the configuration, the open indexes, the searcher pool, the metrics
/// and the key store. Built once by ``buildApplication(_:logger:)``.
public struct ServerState: Sendable {
    /// The configuration the daemon runs with.
    public let configuration: ServerConfiguration
    /// The served indexes.
    public let registry: IndexRegistry
    /// The threads searches run on.
    public let pool: SearcherPool
    /// The daemon's logger.
    public let logger: Logger
    /// When the daemon started.
    public let startedAt = ContinuousClock.now
    /// The Prometheus registry and request instruments of this daemon (`GET /metrics`).
    public let metrics = ServerMetrics()
    /// Requests refused with 429 so far, read at each scrape as
    /// `vaultsearch_rate_limited_requests_total`. The hook for the rate limiter: set it to
    /// `{ limiter.rejectedCount }` where the limiter is built. Until then nothing is rate limited.
    public var rateLimitedRequests: @Sendable () -> Int = { 0 }
}
