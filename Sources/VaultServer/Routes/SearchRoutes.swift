import Hummingbird
import VaultIndex

/// `POST|GET /indexes/{uid}/search`: Meilisearch's search, over the grant's scope.
struct SearchRoutes {
    let state: ServerState

    /// Query-string parameters read as integers and as booleans in the GET form.
    static let numericParameters: Set<String> = ["offset", "limit", "page", "hitsPerPage", "cropLength", "maxValuesPerFacet"]
    static let flagParameters: Set<String> = ["showMatchesPosition", "showRankingScore", "showRankingScoreDetails", "retrieveVectors"]

    func add(to router: Router<VaultRequestContext>) {
        router.post("/indexes/:uid/search") { request, context in
            var request = request
            let body = try await request.jsonBody(limit: state.configuration.maxBodyBytes)
            return try await search(uid: context.parameters.require("uid"), object: ParameterReader.object(body), context: context)
        }
        router.get("/indexes/:uid/search") { request, context in
            let object = try request.queryObject(numbers: Self.numericParameters, flags: Self.flagParameters)
            return try await search(uid: context.parameters.require("uid"), object: object, context: context)
        }
    }

    private func search(uid: String, object: JSONObject, context: VaultRequestContext) async throws -> Response {
        try context.require("search", index: uid)
        let served = try state.registry.index(uid)
        let request = try SearchRequest(object, maxQueryBytes: state.configuration.maxQueryBytes)
        let execution = SearchExecution(served: served, request: request, grant: context.grant, now: state.clock.now())
        let cache = state.responses
        let bytes = try await state.run(on: served) { searcher in
            try execution.responseBytes(searcher, cache: cache, request: object)
        }
        return .json(bytes)
    }
}

extension ServerState {
    /// Runs `work` on the searcher pool within the search time budget.
    func run<Result: Sendable>(on served: ServedIndex, _ work: @escaping @Sendable (Searcher) throws -> Result) async throws -> Result {
        let budget = configuration.searchTimeBudgetMs
        return try await pool.run(on: served, deadline: .now + .milliseconds(budget), budgetMs: budget, work)
    }
}
