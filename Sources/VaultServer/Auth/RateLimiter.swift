import Synchronization

/// Per-key request limits, in requests per hour: a token bucket per key uid holding at most
/// `limit` requests and refilling at `limit` per 3,600 s. A fresh key may spend its whole hour at
/// once; after that it gets one request every 3,600 / `limit` seconds. Tenant tokens are counted
/// against their parent key's uid (the grant's ``AccessGrant/keyUID``).
///
/// The metrics route reads ``rejectedCount`` (and ``rejectedCountsByKey`` for a per-key series).
public final class RateLimiter: Sendable {
    /// The outcome for one request.
    public enum Decision: Sendable, Equatable {
        /// Go ahead.
        case allowed
        /// Spent: retry after this many whole seconds (at least 1).
        case limited(retryAfterSeconds: Int)
    }

    private struct Bucket {
        var tokens: Double
        var updated: ContinuousClock.Instant
        var limit: Int
        var rejected = 0
    }

    private static let slack = 1e-9

    private let buckets = Mutex<[String: Bucket]>([:])
    private let rejected = Atomic<Int>(0)
    private let admitted = Atomic<Int>(0)

    /// A limiter with no history.
    public init() {}

    /// Requests refused with 429 since the daemon started.
    public var rejectedCount: Int { rejected.load(ordering: .relaxed) }

    /// Requests of rate-limited keys let through since the daemon started.
    public var admittedCount: Int { admitted.load(ordering: .relaxed) }

    /// Requests refused with 429 since the daemon started, by key uid (keys still known to the limiter).
    public var rejectedCountsByKey: [String: Int] {
        buckets.withLock { buckets in buckets.filter { $0.value.rejected > 0 }.mapValues(\.rejected) }
    }

    /// Takes one request from the bucket of `uid`, which allows `limit` requests per hour.
    public func admit(uid: String, perHour limit: Int, now: ContinuousClock.Instant = .now) -> Decision {
        let limit = max(1, limit)
        let perSecond = Double(limit) / 3_600
        let decision: Decision = buckets.withLock { buckets in
            var bucket = buckets[uid] ?? Bucket(tokens: Double(limit), updated: now, limit: limit)
            if bucket.limit != limit {
                // A changed limit (PATCH /keys) keeps what was spent: raising it by n gives n more now.
                bucket.tokens = max(0, min(Double(limit), bucket.tokens + Double(limit - bucket.limit)))
                bucket.limit = limit
            }
            let elapsed = now - bucket.updated
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            if seconds > 0 {
                bucket.tokens = min(Double(limit), bucket.tokens + seconds * perSecond)
                bucket.updated = now
            }
            let outcome: Decision
            // The slack absorbs floating-point error: a refill of exactly one request's worth counts as one.
            if bucket.tokens >= 1 - Self.slack {
                bucket.tokens = max(0, bucket.tokens - 1)
                outcome = .allowed
            } else {
                bucket.rejected += 1
                let wait = (1 - bucket.tokens) / perSecond
                outcome = .limited(retryAfterSeconds: max(1, Int((wait - Self.slack / perSecond).rounded(.up))))
            }
            buckets[uid] = bucket
            return outcome
        }
        switch decision {
        case .allowed: admitted.add(1, ordering: .relaxed)
        case .limited: rejected.add(1, ordering: .relaxed)
        }
        return decision
    }

    /// Forgets a key (deleted).
    public func forget(uid: String) {
        _ = buckets.withLock { $0.removeValue(forKey: uid) }
    }
}
