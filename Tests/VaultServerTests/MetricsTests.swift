import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import VaultServer

/// `GET /metrics`:
/// 1. requests are counted and timed by route *pattern* (no uid, id or query in a label) and status;
/// 2. the scrape-time gauges are there: documents, index bytes, ingest lag and sequence, in-flight searches;
/// 3. the rate limiter's hook is read at each scrape;
/// 4. two states have separate registries (no global bootstrap).
@Suite struct MetricsTests {
    @Test func requestsAreCountedByRoutePatternAndStatus() async throws {
        var state = try await TestDaemon.state()
        state.rateLimitedRequests = { 7 }
        let text = try await TestDaemon.application(state).test(.router) { client in
            _ = try await client.execute(uri: "/indexes/prompts/search?q=python", method: .get)
            _ = try await client.execute(uri: "/indexes/missing/search?q=python", method: .get)
            _ = try await client.execute(uri: "/indexes/prompts/documents/12345678", method: .get)
            _ = try await client.execute(uri: "/no/such/route", method: .get)
            let response = try await client.execute(uri: "/metrics", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType]?.hasPrefix("text/plain; version=0.0.4") == true)
            return String(decoding: response.bytes, as: UTF8.self)
        }
        #expect(text.contains(#"vaultsearch_http_requests_total{route="/indexes/{uid}/search",method="GET",status="200"}"#))
        #expect(text.contains(#"vaultsearch_http_requests_total{route="/indexes/{uid}/search",method="GET",status="404"}"#))
        #expect(text.contains(#"vaultsearch_http_requests_total{route="/indexes/{uid}/documents/{id}",method="GET",status="404"}"#))
        #expect(text.contains(#"vaultsearch_http_requests_total{route="unmatched",method="GET",status="404"}"#))
        #expect(text.contains(#"vaultsearch_http_request_duration_seconds_bucket{route="/indexes/{uid}/search",method="GET",status="200",le="0.001"}"#))
        #expect(!text.contains("missing") && !text.contains("12345678") && !text.contains("python"), Comment(rawValue: "a raw path or query leaked into a label"))
        let served = try #require(state.registry.all.first)
        #expect(Self.value(#"vaultsearch_index_documents{index="prompts"}"#, in: text) == Double(ServerMetrics.documentCount(served)))
        #expect(ServerMetrics.documentCount(served) > 0)
        for name in [ServerMetrics.Name.indexBytes, ServerMetrics.Name.ingestLagSeconds, ServerMetrics.Name.ingestLagChanges,
                     ServerMetrics.Name.ingestSequence, ServerMetrics.Name.ingestApplied, ServerMetrics.Name.ingestFailed] {
            #expect(text.contains("\(name){index=\"prompts\"}"), Comment(rawValue: name))
        }
        // Other suites share the test daemon and may be searching right now: only presence is checked.
        #expect(Self.value("vaultsearch_searches_in_flight", in: text) != nil)
        #expect(Self.value("vaultsearch_search_threads", in: text) == 2)
        #expect(Self.value("vaultsearch_rate_limited_requests_total", in: text) == 7)
        #expect((Self.value(#"vaultsearch_index_size_bytes{index="prompts"}"#, in: text) ?? 0) > 0)
        #expect(text.contains("# TYPE vaultsearch_http_request_duration_seconds histogram"))
    }

    /// The value of the sample named exactly `series` (name and labels) in an exposition.
    static func value(_ series: String, in text: String) -> Double? {
        for line in text.split(separator: "\n") where line.hasPrefix(series + " ") {
            return Double(line.dropFirst(series.count + 1))
        }
        return nil
    }

    @Test func methodsOutsideTheStandardSetShareOneLabel() {
        #expect(ServerMetrics.methodLabel("PROPFIND") == "other")
        #expect(ServerMetrics.methodLabel("GET") == "GET")
        #expect(ServerMetrics.routeLabel(nil) == "unmatched")
        #expect(ServerMetrics.routeLabel("NotFound") == "unmatched")
    }

    @Test func eachStateHasItsOwnRegistry() {
        let one = ServerMetrics()
        let two = ServerMetrics()
        one.recordRequest(route: "/health", method: "GET", status: 200, duration: .milliseconds(1))
        #expect(String(decoding: one.registry.emitToBuffer(), as: UTF8.self).contains("vaultsearch_http_requests_total"))
        #expect(!String(decoding: two.registry.emitToBuffer(), as: UTF8.self).contains("vaultsearch_http_requests_total"))
    }
}
