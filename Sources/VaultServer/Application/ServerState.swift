import Logging
import VaultTrending

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
    /// `vaultsearch_rate_limited_requests_total`: ``RateLimiter/rejectedCount`` of ``rateLimiter``.
    public var rateLimitedRequests: @Sendable () -> Int = { 0 }
    /// The API keys (`<dataDirectory>/keys.json`; empty and disabled without a master key).
    public let keys: KeyStore
    /// The per-key request limits (its counters feed `/metrics`).
    public let rateLimiter: RateLimiter
    /// Search responses for repeats on an unchanged snapshot (`search.cache.entries`).
    public let responses: ResponseCache
    /// Where trending and leaderboard requests read "now" from (Unix seconds): the wall clock; tests
    /// set a `ManualClock` on a copy of the state to compare the lists with SQL at a fixed instant.
    public var clock: any TrendingClock = SystemClock()

    /// The state of a daemon: opens the key store of `configuration` (creating the default keys
    /// on a first start with a master key).
    public init(configuration: ServerConfiguration, registry: IndexRegistry, pool: SearcherPool, logger: Logger) throws {
        self.configuration = configuration
        self.registry = registry
        self.pool = pool
        self.logger = logger
        keys = try KeyStore(dataDirectory: configuration.dataDirectory, masterKey: configuration.masterKey)
        let limiter = RateLimiter()
        rateLimiter = limiter
        rateLimitedRequests = { limiter.rejectedCount }
        responses = ResponseCache(capacity: configuration.searchCacheEntries)
    }
}
