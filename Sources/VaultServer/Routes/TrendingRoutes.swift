import Hummingbird
import VaultTrending

/// The trending list and the leaderboards (VaultSearch's own routes; action `search`):
/// `GET /indexes/{uid}/trending`, `GET /indexes/{uid}/leaderboards/prompts`,
/// `GET /indexes/{uid}/leaderboards/authors`, and the short forms `GET /trending`,
/// `GET /leaderboards/prompts`, `GET /leaderboards/authors` over the index named by `?index=`
/// (default `prompts`). Parameters: ``TrendingQuery``. Scores are computed at the state's clock.
///
/// Only public, published prompts appear or count. A tenant token's forced filter is ANDed into
/// the prompt lists' selection; the author leaderboard, which cannot apply one, refuses such a token.
struct TrendingRoutes {
    let state: ServerState

    /// The index the short forms read without `?index=`.
    static let defaultIndex = "prompts"

    func add(to router: Router<VaultRequestContext>) {
        let routes: [(String, TrendingQuery.Kind)] = [
            ("trending", .trending), ("leaderboards/prompts", .prompts), ("leaderboards/authors", .authors),
        ]
        for (path, kind) in routes {
            router.get("/indexes/:uid/\(path)") { request, context in
                let object = try request.queryObject(numbers: ["limit", "offset"], flags: [])
                return try await list(kind, uid: context.parameters.require("uid"), object: object, extra: [], context: context)
            }
            router.get("/\(path)") { request, context in
                let object = try request.queryObject(numbers: ["limit", "offset"], flags: [])
                var reader = ParameterReader(object) { kind.codePrefix + $0.snakeCased }
                let uid = try reader.string("index") ?? Self.defaultIndex
                return try await list(kind, uid: uid, object: object, extra: ["index"], context: context)
            }
        }
    }

    private func list(_ kind: TrendingQuery.Kind, uid: String, object: JSONObject, extra: [String], context: VaultRequestContext) async throws -> Response {
        try context.require("search", index: uid)
        let served = try state.registry.index(uid)
        let forced = context.grant.forcedFilter(for: uid)
        if kind == .authors, forced != nil { throw APIError.authorsUnderForcedFilter(uid: uid) }
        let query = try TrendingQuery(kind, object, extra: extra).narrowed(by: forced)
        guard let store = served.trending else {
            throw APIError.noTrending(uid: uid, reason: served.trendingUnavailable ?? "none is open", codePrefix: kind.codePrefix)
        }
        let execution = TrendingExecution(served: served, store: store, query: query, now: state.clock.now(), codePrefix: kind.codePrefix)
        let bytes = try await state.run(on: served) { _ in try execution.run() }
        return .json(bytes)
    }
}
