import Logging

/// What every route shares: the configuration, the open indexes, the searcher pool, and the key
/// store. Built once by ``buildApplication(_:logger:)``.
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
}
