import Synchronization

/// Serialized search responses by request, for the index snapshot they were computed on. A key names the index,
/// the grant's scope and effective filter, the whole request as sent, and the snapshot's LMDB
/// transaction id — so an entry can only be served for the very snapshot that produced it, to a
/// request with the same visibility: a committed ingest batch makes every older entry unreachable
/// (they age out), and no answer crosses scopes. Time-dependent sorts (`trending.seed`) are not
/// cached. Oldest entries are evicted first once `capacity` is reached; capacity 0 disables it.
public final class ResponseCache: Sendable {
    /// The most entries kept.
    public let capacity: Int
    private struct State {
        var entries: [String: [UInt8]] = [:]
        /// Keys in insertion order (a ring: `next` is the oldest once full).
        var order: [String] = []
        var next = 0
        var hits = 0
        var misses = 0
    }
    private let state = Mutex(State())

    /// A cache of at most `capacity` responses.
    public init(capacity: Int) { self.capacity = max(0, capacity) }

    /// Whether it stores anything.
    public var isEnabled: Bool { capacity > 0 }

    /// The response stored under `key`, counting a hit or a miss.
    func response(_ key: String) -> [UInt8]? {
        state.withLock { state in
            let found = state.entries[key]
            if found == nil { state.misses += 1 } else { state.hits += 1 }
            return found
        }
    }

    /// Stores `response` under `key`, evicting the oldest entry when full.
    func store(_ response: [UInt8], _ key: String) {
        guard capacity > 0 else { return }
        state.withLock { state in
            guard state.entries.updateValue(response, forKey: key) == nil else { return }
            if state.order.count < capacity {
                state.order.append(key)
            } else {
                state.entries[state.order[state.next]] = nil
                state.order[state.next] = key
                state.next = (state.next + 1) % capacity
            }
        }
    }

    /// Lookups answered from the cache and not, since start (`/metrics`).
    public var counts: (hits: Int, misses: Int) { state.withLock { ($0.hits, $0.misses) } }
}
