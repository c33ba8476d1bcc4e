import Foundation
import Hummingbird
import Testing
@testable import VaultServer

/// Per-key requests per hour: a token bucket per key uid, shared with the key's tenant tokens.
@Suite struct RateLimitTests {
    @Test func theBucketRefillsAtTheHourlyRate() {
        let limiter = RateLimiter()
        let start = ContinuousClock.now
        for _ in 0..<3 { #expect(limiter.admit(uid: "k", perHour: 3, now: start) == .allowed) }
        // Empty: one request comes back every 3600 / 3 = 1200 s.
        #expect(limiter.admit(uid: "k", perHour: 3, now: start) == .limited(retryAfterSeconds: 1_200))
        #expect(limiter.admit(uid: "k", perHour: 3, now: start + .seconds(200)) == .limited(retryAfterSeconds: 1_000))
        #expect(limiter.admit(uid: "k", perHour: 3, now: start + .seconds(1_200)) == .allowed)
        #expect(limiter.admit(uid: "k", perHour: 3, now: start + .seconds(1_200)) == .limited(retryAfterSeconds: 1_200))
        // Never more than the hour's worth banked.
        let later = start + .seconds(100_000)
        for _ in 0..<3 { #expect(limiter.admit(uid: "k", perHour: 3, now: later) == .allowed) }
        #expect(limiter.admit(uid: "k", perHour: 3, now: later) != .allowed)
        // Other keys have their own buckets.
        #expect(limiter.admit(uid: "other", perHour: 1, now: start) == .allowed)
        #expect(limiter.rejectedCount == 4)
        #expect(limiter.admittedCount == 8)
        #expect(limiter.rejectedCountsByKey == ["k": 4])
        limiter.forget(uid: "k")
        #expect(limiter.admit(uid: "k", perHour: 3, now: later) == .allowed)
        // A raised limit gives the difference at once; a lowered one keeps what was spent.
        #expect(limiter.admit(uid: "k", perHour: 3, now: later) == .allowed)
        #expect(limiter.admit(uid: "k", perHour: 3, now: later) == .allowed)
        #expect(limiter.admit(uid: "k", perHour: 3, now: later) != .allowed)
        #expect(limiter.admit(uid: "k", perHour: 5, now: later) == .allowed)
        #expect(limiter.admit(uid: "k", perHour: 5, now: later) == .allowed)
        #expect(limiter.admit(uid: "k", perHour: 5, now: later) != .allowed)
        #expect(limiter.admit(uid: "k", perHour: 1, now: later) != .allowed)
    }

    @Test func aSpentKeyGets429WithRetryAfter() async throws {
        let fixture = try AuthFixture()
        let limited = try fixture.state.keys.create(.init(actions: ["search"], indexes: ["*"], rateLimit: 5))
        let unlimited = try fixture.state.keys.create(.init(actions: ["search"], indexes: ["*"]))
        try await fixture.withClient { api async throws in
            let started = ContinuousClock.now
            for _ in 0..<5 {
                #expect(try await api.get("/indexes/prompts/search?q=guide", key: limited.key).status == .ok)
            }
            let refused = try await api.get("/indexes/prompts/search?q=guide", key: limited.key)
            #expect(refused.status == .tooManyRequests)
            #expect(refused.code == "too_many_requests")
            #expect(refused["type"]?.stringValue == "auth")
            #expect(refused["link"]?.stringValue == "https://docs.meilisearch.com/errors#too_many_requests")
            let retryAfter = try #require(refused.headers[.init("Retry-After")!].flatMap { Int($0) })
            // One request per 720 s comes back, less the time since the first (long on a loaded machine).
            let spent = Int((ContinuousClock.now - started).components.seconds) + 1
            #expect(retryAfter >= 720 - spent && retryAfter <= 720, Comment(rawValue: "Retry-After: \(retryAfter) after \(spent) s"))
            // Every route counts, and tenant tokens spend their parent's bucket.
            let token = TokenMaker.token(claims: TokenMaker.claims(uid: limited.uid, rules: #"["*"]"#), key: limited.key)
            #expect(try await api.get("/indexes/prompts/search", key: token).status == .tooManyRequests)
            #expect(try await api.get("/version", key: limited.key).status == .tooManyRequests)
            // Keys without a limit, and the master key, are never limited.
            for _ in 0..<20 {
                #expect(try await api.get("/indexes/prompts/search?q=guide", key: unlimited.key).status == .ok)
                #expect(try await api.get("/version", key: AuthFixture.masterKey).status == .ok)
            }
        }
        #expect(fixture.state.rateLimiter.rejectedCount == 3)
        #expect(fixture.state.rateLimiter.rejectedCountsByKey == [limited.uid: 3])
        #expect(fixture.state.rateLimitedRequests() == 3)  // what /metrics reports
        try await fixture.shutdown()
    }

    @Test func tokensShareTheirParentsBucket() async throws {
        let fixture = try AuthFixture()
        let parent = try fixture.state.keys.create(.init(actions: ["search"], indexes: ["*"], rateLimit: 4))
        let token = TokenMaker.token(claims: TokenMaker.claims(uid: parent.uid, rules: #"["prompts"]"#), key: parent.key)
        try await fixture.withClient { api async throws in
            #expect(try await api.get("/indexes/prompts/search", key: token).status == .ok)
            #expect(try await api.get("/indexes/prompts/search", key: parent.key).status == .ok)
            #expect(try await api.get("/indexes/prompts/search", key: token).status == .ok)
            #expect(try await api.get("/indexes/prompts/search", key: parent.key).status == .ok)
            #expect(try await api.get("/indexes/prompts/search", key: token).status == .tooManyRequests)
            #expect(try await api.get("/indexes/prompts/search", key: parent.key).status == .tooManyRequests)
        }
        try await fixture.shutdown()
    }
}
