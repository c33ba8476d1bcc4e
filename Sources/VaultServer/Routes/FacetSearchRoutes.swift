import Hummingbird
import VaultIndex

/// `POST /indexes/{uid}/facet-search`: the values of one facet matching a typed query (prefix
/// and typos), counted over the documents matching `q` and `filter` in the grant's scope.
struct FacetSearchRoutes {
    let state: ServerState

    static let parameters = ["facetName", "facetQuery", "q", "filter", "matchingStrategy", "limit", "exhaustiveFacetCount"]

    func add(to router: Router<VaultRequestContext>) {
        router.post("/indexes/:uid/facet-search") { request, context in
            let uid = try context.parameters.require("uid")
            try context.require("search", index: uid)
            let served = try state.registry.index(uid)
            var request = request
            let object = try ParameterReader.object(try await request.jsonBody(limit: state.configuration.maxBodyBytes))
            var reader = ParameterReader(object) { "invalid_facet_search_" + $0.snakeCased }
            guard let facet = try reader.string("facetName") else {
                throw APIError(.badRequest, code: "invalid_facet_search_facet_name", message: "Missing field `facetName`")
            }
            let facetQuery = try reader.string("facetQuery") ?? ""
            let q = try reader.string("q") ?? ""
            guard q.utf8.count <= state.configuration.maxQueryBytes, facetQuery.utf8.count <= state.configuration.maxQueryBytes else {
                throw reader.fault("q", "at most \(state.configuration.maxQueryBytes) bytes are accepted.")
            }
            var options = SearchOptions()
            options.filter = try SearchRequest.filter(reader.value("filter"), reader: reader)
            if let strategy = try reader.string("matchingStrategy") {
                guard let mode = MatchingMode(rawValue: strategy) else { throw reader.fault("matchingStrategy", "`\(strategy.prefix(50))` is not a matching strategy.") }
                options.matching = mode
            }
            let limit = try reader.count("limit", maximum: 1_000, minimum: 1) ?? 100
            _ = try reader.bool("exhaustiveFacetCount")
            try reader.rejectUnknown(accepted: Self.parameters)
            options.filter = .narrowing(options.filter, by: context.grant.forcedFilter(for: uid))
            let scope = context.grant.scope(for: uid)
            let options2 = options
            let bytes = try await state.run(on: served) { searcher in
                let started = ContinuousClock.now
                let values: [FacetValueCount]
                do {
                    let snapshot = try served.index.snapshot()
                    defer { snapshot.close() }
                    values = try searcher.facetSearch(facet: facet, facetQuery: facetQuery, query: q, scope: scope, options: options2, limit: limit, in: snapshot)
                } catch let error as IndexError {
                    throw APIError(engine: error, codePrefix: "invalid_facet_search_")
                }
                let elapsed = ContinuousClock.now - started
                var writer = JSONWriter()
                writer.write(.object(JSONObject([
                    ("facetHits", .array(values.map { .object(JSONObject([("value", .string($0.value)), ("count", .integer(Int64($0.count)))])) })),
                    ("facetQuery", facetQuery.isEmpty ? .null : .string(facetQuery)),
                    ("processingTimeMs", .integer(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)),
                ])))
                return writer.bytes
            }
            return Response.json(bytes)
        }
    }
}
