import VaultIndex
import VaultTrending

/// One search run on a pool thread: scope and forced filter from the grant, the engine's search,
/// the response written. Shared by the search route and multi-search.
struct SearchExecution: Sendable {
    let served: ServedIndex
    var request: SearchRequest
    let scope: SearchScope

    /// Applies the grant: its scope, and its forced filter ANDed to the request's own. With trending
    /// state, `trending`, `trending.decay`, `trending.seed` (at `now`) and `ratingBayes` become
    /// sortable (``TrendingSortSource``).
    init(served: ServedIndex, request: SearchRequest, grant: AccessGrant, now: Int64) {
        self.served = served
        self.request = request
        self.request.options.filter = .narrowing(request.options.filter, by: grant.forcedFilter(for: served.uid))
        if let trending = served.trending, request.options.sort.contains(where: { TrendingSortSource.fieldNames.contains($0.field) }) {
            self.request.options.computedSortFields = TrendingSortSource.all(store: trending, now: now)
        }
        self.scope = grant.scope(for: served.uid)
    }

    /// The response of ``run(_:)`` as JSON bytes, from `cache` when the same request with the same
    /// visibility was answered on this very snapshot (`object` is the request as sent). The cache
    /// keeps the serialized response without `processingTimeMs`, which is appended last (this
    /// request's own time), so a hit costs no serialization. Call on a pool thread.
    func responseBytes(_ searcher: Searcher, cache: ResponseCache, request object: JSONObject) throws(APIError) -> [UInt8] {
        guard cache.isEnabled, !request.options.sort.contains(where: { $0.field == "trending.seed" }) else {
            var writer = JSONWriter(reservingCapacity: 4_096)
            writer.write(.object(try run(searcher).object))
            return writer.bytes
        }
        let started = ContinuousClock.now
        do {
            let snapshot = try served.index.snapshot()
            defer { snapshot.close() }
            var writer = JSONWriter(reservingCapacity: 256)
            writer.write(.object(object))
            let key = "\(served.uid)\u{1}\(snapshot.generation)\u{1}\(scope)\u{1}\(String(describing: request.options.filter))\u{1}"
                + String(decoding: writer.bytes, as: UTF8.self)
            if let cached = cache.response(key) { return Self.finished(cached, milliseconds: Self.milliseconds(since: started)) }
            var fresh = try run(searcher, in: snapshot, started: started).object
            let milliseconds = Self.milliseconds(since: started)
            fresh["processingTimeMs"] = nil
            var body = JSONWriter(reservingCapacity: 4_096)
            body.write(.object(fresh))
            var open = body.bytes
            open.removeLast()  // the closing brace: `processingTimeMs` goes last
            cache.store(open, key)
            return Self.finished(open, milliseconds: milliseconds)
        } catch {
            throw APIError(engine: error)
        }
    }

    /// Searches and renders (call on a pool thread). Engine errors become API errors.
    func run(_ searcher: Searcher) throws(APIError) -> (object: JSONObject, results: SearchResults, hits: [JSONObject]) {
        let started = ContinuousClock.now
        do {
            let snapshot = try served.index.snapshot()
            defer { snapshot.close() }
            return try run(searcher, in: snapshot, started: started)
        } catch {
            throw APIError(engine: error)
        }
    }

    /// Searches `snapshot` and renders.
    private func run(
        _ searcher: Searcher, in snapshot: IndexSnapshot, started: ContinuousClock.Instant
    ) throws(IndexError) -> (object: JSONObject, results: SearchResults, hits: [JSONObject]) {
        let results = try searcher.search(request.q, scope: scope, options: request.options, in: snapshot)
        let renderer = HitRenderer(request: request, snapshot: snapshot, scope: scope)
        var object = try renderer.response(results, elapsedMs: Self.milliseconds(since: started))
        object["indexUid"] = nil
        let hits: [JSONObject] = object["hits"].flatMap { value in
            guard case .array(let elements) = value else { return nil }
            return elements.compactMap { if case .object(let hit) = $0 { return hit } else { return nil } }
        } ?? []
        return (object, results, hits)
    }

    /// An open serialized object (no closing brace) completed with `processingTimeMs`.
    static func finished(_ open: [UInt8], milliseconds: Int) -> [UInt8] {
        var bytes = open
        bytes.append(contentsOf: (open.count > 1 ? #","processingTimeMs":"# : #""processingTimeMs":"#).utf8)
        bytes.append(contentsOf: "\(milliseconds)}".utf8)
        return bytes
    }

    static func milliseconds(since start: ContinuousClock.Instant) -> Int {
        let elapsed = ContinuousClock.now - start
        return Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
    }
}
