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

    /// Searches and renders (call on a pool thread). Engine errors become API errors.
    func run(_ searcher: Searcher) throws(APIError) -> (object: JSONObject, results: SearchResults, hits: [JSONObject]) {
        let started = ContinuousClock.now
        do {
            let snapshot = try served.index.snapshot()
            defer { snapshot.close() }
            let results = try searcher.search(request.q, scope: scope, options: request.options, in: snapshot)
            let elapsed = ContinuousClock.now - started
            let renderer = HitRenderer(request: request, snapshot: snapshot, scope: scope)
            var object = try renderer.response(results, elapsedMs: Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000))
            object["indexUid"] = nil
            let hits: [JSONObject] = object["hits"].flatMap { value in
                guard case .array(let elements) = value else { return nil }
                return elements.compactMap { if case .object(let hit) = $0 { return hit } else { return nil } }
            } ?? []
            return (object, results, hits)
        } catch {
            throw APIError(engine: error)
        }
    }
}
