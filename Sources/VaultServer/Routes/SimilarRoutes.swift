import Hummingbird
import VaultIndex

/// `GET /indexes/{uid}/similar/{id}` (VaultSearch's own form) and `POST /indexes/{uid}/similar`
/// (Meilisearch's, `{id, ...}`): documents like one the grant's scope can see, under a filter.
struct SimilarRoutes {
    let state: ServerState

    static let parameters = ["id", "offset", "limit", "filter", "attributesToRetrieve", "showRankingScore", "retrieveVectors", "embedder"]

    func add(to router: Router<VaultRequestContext>) {
        router.get("/indexes/:uid/similar/:id") { request, context in
            var query = try request.queryObject(numbers: ["offset", "limit"], flags: ["showRankingScore", "retrieveVectors"])
            query["id"] = .string(try context.parameters.require("id"))
            return try await similar(uid: context.parameters.require("uid"), object: query, context: context)
        }
        router.post("/indexes/:uid/similar") { request, context in
            var request = request
            let body = try await request.jsonBody(limit: state.configuration.maxBodyBytes)
            return try await similar(uid: context.parameters.require("uid"), object: ParameterReader.object(body), context: context)
        }
    }

    private func similar(uid: String, object: JSONObject, context: VaultRequestContext) async throws -> Response {
        try context.require("search", index: uid)
        let served = try state.registry.index(uid)
        var reader = ParameterReader(object) { "invalid_similar_" + $0.snakeCased }
        let id: String
        switch reader.value("id") {
        case .string(let text)?: id = text
        case .integer(let number)?: id = String(number)
        case let other?: throw reader.fault("id", expected: "a string or an integer", found: other)
        case nil: throw APIError(.badRequest, code: "invalid_similar_id", message: "Missing field `id`")
        }
        var request = SearchRequest()
        if let offset = try reader.count("offset", maximum: SearchOptions.maximumWindow) { request.options.offset = offset }
        if let limit = try reader.count("limit", maximum: SearchOptions.maximumWindow) { request.options.limit = limit }
        if request.options.offset + request.options.limit > SearchOptions.maximumWindow {
            throw reader.fault("limit", "offset + limit must be at most \(SearchOptions.maximumWindow).")
        }
        request.options.filter = try SearchRequest.filter(reader.value("filter"), reader: reader)
        if let fields = try reader.strings("attributesToRetrieve") { request.attributesToRetrieve = fields }
        request.showRankingScore = try reader.bool("showRankingScore") ?? false
        _ = try reader.bool("retrieveVectors")
        _ = try reader.string("embedder")
        try reader.rejectUnknown(accepted: Self.parameters)
        let execution = SearchExecution(served: served, request: request, grant: context.grant, now: state.clock.now())
        let bytes = try await state.run(on: served) { searcher in
            let started = ContinuousClock.now
            do {
                let snapshot = try served.index.snapshot()
                defer { snapshot.close() }
                guard let results = try searcher.similar(to: id, scope: execution.scope, options: execution.request.options, in: snapshot) else {
                    throw APIError.documentNotFound(String(id.prefix(256)))
                }
                let renderer = HitRenderer(request: execution.request, snapshot: snapshot, scope: execution.scope)
                let elapsed = ContinuousClock.now - started
                var object = try renderer.response(results, elapsedMs: Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000))
                object["query"] = nil
                object["id"] = HitRenderer.idValue(id)
                var writer = JSONWriter()
                writer.write(.object(object))
                return writer.bytes
            } catch let error as IndexError {
                throw APIError(engine: error, codePrefix: "invalid_similar_")
            }
        }
        return Response.json(bytes)
    }
}
