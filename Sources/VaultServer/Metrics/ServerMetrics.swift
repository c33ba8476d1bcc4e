import Foundation
import Prometheus
import Synchronization
import VaultIndex

/// The daemon's Prometheus metrics, in a ``PrometheusCollectorRegistry`` this object owns (no
/// global `MetricsSystem.bootstrap`: tests build many states, each with its own registry).
///
/// Two kinds of metric:
/// - recorded as requests finish (``MetricsMiddleware``): `vaultsearch_http_requests_total` and
///   `vaultsearch_http_request_duration_seconds`, labelled by route *pattern* (`/indexes/{uid}/search`,
///   never the raw path: one series per route, not per uid or id), method and status;
/// - read at scrape time (``render(_:)``): documents, index bytes, ingest lag and sequence, the
///   searcher pool's in-flight searches, and the rate limiter's rejections.
///
/// Names and labels are listed in ``Name``; the README's Operations section quotes them.
public final class ServerMetrics: Sendable {
    /// The metric names (each with its `vaultsearch_` prefix).
    public enum Name {
        public static let requests = "vaultsearch_http_requests_total"
        public static let requestDuration = "vaultsearch_http_request_duration_seconds"
        public static let documents = "vaultsearch_index_documents"
        public static let indexBytes = "vaultsearch_index_size_bytes"
        public static let ingestLagSeconds = "vaultsearch_ingest_lag_seconds"
        public static let ingestLagChanges = "vaultsearch_ingest_lag_changes"
        public static let ingestSequence = "vaultsearch_ingest_sequence"
        public static let ingestApplied = "vaultsearch_ingest_applied_changes_total"
        public static let ingestFailed = "vaultsearch_ingest_tailer_failed"
        public static let searchesInFlight = "vaultsearch_searches_in_flight"
        public static let searchThreads = "vaultsearch_search_threads"
        public static let rateLimited = "vaultsearch_rate_limited_requests_total"
        public static let cacheHits = "vaultsearch_search_cache_hits_total"
        public static let cacheMisses = "vaultsearch_search_cache_misses_total"
        public static let uptime = "vaultsearch_uptime_seconds"
    }

    /// Latency buckets: 1 ms to 10 s (the search budget's default is 2 s).
    static let buckets: [Duration] = [1, 2.5, 5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000].map { .microseconds(Int64($0 * 1_000)) }

    /// The registry every metric of this daemon lives in.
    public let registry = PrometheusCollectorRegistry()

    private struct RequestKey: Hashable {
        var route: String
        var method: String
        var status: Int
    }

    private struct RequestInstruments: Sendable {
        let count: Counter
        let duration: DurationHistogram
    }

    /// One pair of instruments per (route, method, status), made once: the registry's own lookup
    /// validates names and labels on every call, which is wasted work per request.
    private let instruments = Mutex<[RequestKey: RequestInstruments]>([:])
    /// Serializes scrapes: scrape-time values are written into the registry, then emitted.
    private let scrape = Mutex(())

    /// An empty set of metrics.
    public init() {}

    /// Records one finished request. `route` is the matched pattern, or nil when no route matched.
    public func recordRequest(route: String?, method: String, status: Int, duration: Duration) {
        let key = RequestKey(route: Self.routeLabel(route), method: Self.methodLabel(method), status: status)
        let pair = instruments.withLock { cache in
            if let pair = cache[key] { return pair }
            let labels = [("route", key.route), ("method", key.method), ("status", String(key.status))]
            let pair = RequestInstruments(
                count: counter(Name.requests, "HTTP requests answered, by route pattern, method and status.", labels),
                duration: registry.makeDurationHistogram(
                    descriptor: Self.descriptor(Name.requestDuration, "Time to answer an HTTP request, by route pattern, method and status."),
                    labels: labels, buckets: Self.buckets))
            cache[key] = pair
            return pair
        }
        pair.count.increment()
        pair.duration.record(duration)
    }

    /// A route label of bounded cardinality: the pattern, or `unmatched`.
    static func routeLabel(_ route: String?) -> String {
        guard let route, route != "NotFound", !route.isEmpty else { return "unmatched" }
        return route
    }

    /// Methods outside the standard set are one label, `other` (a client can send any token).
    static func methodLabel(_ method: String) -> String {
        ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"].contains(method) ? method : "other"
    }

    /// Reads the scrape-time values from `state` into the registry and returns the Prometheus
    /// text exposition (format 0.0.4) of every metric.
    public func render(_ state: ServerState) -> [UInt8] {
        scrape.withLock { _ in
            for served in state.registry.all {
                let labels = [("index", served.uid)]
                gauge(Name.documents, "Live documents in the index (all visibilities: operators' view).", labels).set(Double(Self.documentCount(served)))
                gauge(Name.indexBytes, "Size of the index's LMDB data file (data.mdb), in bytes.", labels)
                    .set(Double(IndexRoutes.fileSize(served.definition.path + "/data.mdb")))
                let progress = served.progress
                gauge(Name.ingestLagSeconds, "Seconds the oldest change not yet applied has waited (0 when caught up).", labels).set(progress.lagSeconds)
                gauge(Name.ingestLagChanges, "Changes in the store's change log not yet applied.", labels).set(Double(progress.lagChanges))
                gauge(Name.ingestSequence, "The last change-log sequence number applied to the index.", labels).set(Double(progress.cursor))
                gauge(Name.ingestFailed, "1 when the index's tailer stopped on an error (see /health), else 0.", labels).set(progress.failure == nil ? 0.0 : 1.0)
                set(counter(Name.ingestApplied, "Changes the tailer applied since the daemon started.", labels), to: Int64(progress.appliedChanges))
            }
            gauge(Name.searchesInFlight, "Searches waiting for or running on the searcher pool.", []).set(Double(state.pool.inFlight))
            gauge(Name.searchThreads, "Threads of the searcher pool (searches that can run at once).", []).set(Double(state.configuration.searchThreads))
            set(counter(Name.rateLimited, "Requests refused with 429 because their key's rate limit was spent.", []), to: Int64(state.rateLimitedRequests()))
            let cache = state.responses.counts
            set(counter(Name.cacheHits, "Searches answered from the response cache (same request, same visibility, same snapshot).", []), to: Int64(cache.hits))
            set(counter(Name.cacheMisses, "Searches the response cache could not answer (computed, then stored).", []), to: Int64(cache.misses))
            let uptime = ContinuousClock.now - state.startedAt
            gauge(Name.uptime, "Seconds since the daemon started.", []).set(Double(uptime.components.seconds) + Double(uptime.components.attoseconds) / 1e18)
            return registry.emitToBuffer()
        }
    }

    /// Live documents, from the index's statistics (0 when the index cannot be read: the failure
    /// shows in the logs and in the search routes' 500s, and a scrape must still answer).
    static func documentCount(_ served: ServedIndex) -> Int {
        guard let snapshot = try? served.index.snapshot() else { return 0 }
        defer { snapshot.close() }
        return Int(snapshot.statistics.documentCount)
    }

    private func gauge(_ name: String, _ help: String, _ labels: [(String, String)]) -> Gauge {
        registry.makeGauge(descriptor: Self.descriptor(name, help), labels: labels)
    }

    private func counter(_ name: String, _ help: String, _ labels: [(String, String)]) -> Counter {
        registry.makeCounter(descriptor: Self.descriptor(name, help), labels: labels)
    }

    /// Sets a counter to a total kept elsewhere (scrapes are serialized, so no one sees the reset).
    private func set(_ counter: Counter, to total: Int64) {
        counter.reset()
        counter.increment(by: max(0, total))
    }

    /// A descriptor whose `name` is exactly `name` (the registry joins its parts with `_`).
    private static func descriptor(_ name: String, _ help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(metricName: name, unitName: "", helpText: help)
    }
}
