import Hummingbird
import VaultIndex

/// `POST /multi-search`: several searches in one request, each answered on its own (`results`),
/// or, with `federation`, merged into one list ranked by each hit's `_rankingScore` times its
/// query's `federationOptions.weight` (Meilisearch's federated search).
struct MultiSearchRoutes {
    let state: ServerState

    /// The most queries one request may carry.
    static let maximumQueries = 100

    func add(to router: Router<VaultRequestContext>) {
        router.post("/multi-search") { request, context in
            var request = request
            let body = try ParameterReader.object(try await request.jsonBody(limit: state.configuration.maxBodyBytes))
            var reader = ParameterReader(body) { "invalid_multi_search_" + $0.snakeCased }
            guard let queriesValue = reader.value("queries") else {
                throw APIError(.badRequest, code: "missing_multi_search_queries", message: "Missing field `queries`")
            }
            guard case .array(let queries) = queriesValue else { throw reader.fault("queries", expected: "an array", found: queriesValue) }
            guard queries.count <= Self.maximumQueries else {
                throw reader.fault("queries", "\(queries.count) queries; at most \(Self.maximumQueries) are accepted.")
            }
            let federation = reader.value("federation")
            try reader.rejectUnknown(accepted: ["queries", "federation"])
            var executions: [(execution: SearchExecution, weight: Double)] = []
            for (position, query) in queries.enumerated() {
                executions.append(try prepare(query, position: position, federated: federation != nil, context: context))
            }
            if let federation {
                return try await federated(executions, federation: federation)
            }
            var results: [JSONValue] = []
            for entry in executions {
                let execution = entry.execution
                var object = try await state.run(on: execution.served) { searcher in try execution.run(searcher).object }
                object = JSONObject([("indexUid", .string(execution.served.uid))] + object.members)
                results.append(.object(object))
            }
            return Response.json(.object(JSONObject([("results", .array(results))])))
        }
    }

    private func prepare(_ query: JSONValue, position: Int, federated: Bool, context: VaultRequestContext) throws(APIError) -> (SearchExecution, Double) {
        guard case .object(let object) = query else {
            throw APIError(.badRequest, code: "invalid_multi_search_queries", message: "Invalid value at `.queries[\(position)]`: expected an object, but found \(query.kindDescription)")
        }
        var reader = ParameterReader(object) { "invalid_search_" + $0.snakeCased }
        guard case .string(let uid)? = reader.value("indexUid") else {
            throw APIError(.badRequest, code: "missing_index_uid", message: "Missing field `indexUid` inside `.queries[\(position)]`")
        }
        var weight = 1.0
        if let options = reader.value("federationOptions") {
            guard federated else {
                throw APIError(.badRequest, code: "invalid_multi_search_federation_options", message: "`.queries[\(position)].federationOptions` is only accepted with `federation`.")
            }
            guard case .object(let members) = options, members.keys.allSatisfy({ ["weight", "remote", "queryPosition"].contains($0) }) else {
                throw APIError(.badRequest, code: "invalid_multi_search_federation_options", message: "`.queries[\(position)].federationOptions` must be an object with `weight`.")
            }
            switch members["weight"] {
            case .integer(let number)?: weight = Double(number)
            case .number(let number)?: weight = number
            case nil: break
            default: throw APIError(.badRequest, code: "invalid_multi_search_weight", message: "`.queries[\(position)].federationOptions.weight` must be a number.")
            }
            guard weight >= 0, weight.isFinite else {
                throw APIError(.badRequest, code: "invalid_multi_search_weight", message: "`.queries[\(position)].federationOptions.weight` must be a positive number.")
            }
        }
        try context.require("search", index: uid)
        let served = try state.registry.index(uid)
        let request: SearchRequest
        do {
            request = try SearchRequest(object, maxQueryBytes: state.configuration.maxQueryBytes, extra: ["indexUid", "federationOptions"])
        } catch {
            throw APIError(error.status, code: error.code, type: error.type, message: "Inside `.queries[\(position)]`: \(error.message)")
        }
        if federated, request.options.isPageMode || request.options.offset != 0 || request.options.limit != 20 || !request.options.facets.isEmpty {
            throw APIError(.badRequest, code: "invalid_multi_search_query_pagination",
                           message: "Inside `.queries[\(position)]`: with `federation`, `limit`, `offset`, `page`, `hitsPerPage` and `facets` belong to the federation, not to a query.")
        }
        return (SearchExecution(served: served, request: request, grant: context.grant, now: state.clock.now()), weight)
    }

    private func federated(_ executions: [(execution: SearchExecution, weight: Double)], federation: JSONValue) async throws -> Response {
        guard case .object(let object) = federation else {
            throw APIError(.badRequest, code: "invalid_multi_search_federation", message: "`.federation` must be an object.")
        }
        var reader = ParameterReader(object) { "invalid_multi_search_federation_" + $0.snakeCased }
        let offset = try reader.count("offset", maximum: SearchOptions.maximumWindow) ?? 0
        let limit = try reader.count("limit", maximum: SearchOptions.maximumWindow) ?? 20
        try reader.rejectUnknown(accepted: ["offset", "limit"])
        guard offset + limit <= SearchOptions.maximumWindow else { throw reader.fault("limit", "offset + limit must be at most \(SearchOptions.maximumWindow).") }
        let started = ContinuousClock.now
        var merged: [(score: Double, hit: JSONObject)] = []
        var total = 0
        for (position, entry) in executions.enumerated() {
            var execution = entry.execution
            execution.request.options.offset = 0
            execution.request.options.limit = offset + limit
            let run = execution
            let (hits, scores, estimated) = try await state.run(on: run.served) { searcher in
                let outcome = try run.run(searcher)
                return (outcome.hits, outcome.results.hits.map(\.rankingScore), outcome.results.estimatedTotalHits)
            }
            total += estimated
            for (hit, score) in zip(hits, scores) {
                var hit = hit
                let weighted = score * entry.weight
                hit["_federation"] = .object(JSONObject([
                    ("indexUid", .string(run.served.uid)), ("queriesPosition", .integer(Int64(position))), ("weightedRankingScore", .number(weighted)),
                ]))
                if !run.request.showRankingScore { hit["_rankingScore"] = nil }
                merged.append((weighted, hit))
            }
        }
        // Stable: equal scores keep query order, then rank order.
        let ordered = merged.enumerated().sorted { $0.element.score != $1.element.score ? $0.element.score > $1.element.score : $0.offset < $1.offset }
        let page = ordered.dropFirst(offset).prefix(limit).map { JSONValue.object($0.element.hit) }
        let elapsed = ContinuousClock.now - started
        return Response.json(.object(JSONObject([
            ("hits", .array(Array(page))),
            ("processingTimeMs", .integer(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)),
            ("limit", .integer(Int64(limit))), ("offset", .integer(Int64(offset))), ("estimatedTotalHits", .integer(Int64(total))),
        ])))
    }
}
