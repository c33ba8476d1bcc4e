import Hummingbird
import VaultIndex

/// `GET /indexes/{uid}/documents/{id}`, `GET /indexes/{uid}/documents` and
/// `POST /indexes/{uid}/documents/fetch` (which Meilisearch's clients use when a filter is given).
/// A document the grant's scope cannot see does not exist.
struct DocumentRoutes {
    let state: ServerState

    func add(to router: Router<VaultRequestContext>) {
        router.get("/indexes/:uid/documents/:id") { request, context in
            let uid = try context.parameters.require("uid")
            let id = try context.parameters.require("id")
            try context.require("documents.get", index: uid)
            let served = try state.registry.index(uid)
            var reader = ParameterReader(try request.queryObject(numbers: [], flags: ["retrieveVectors"])) { "invalid_document_" + $0.snakeCased }
            let fields = try reader.strings("fields") ?? ["*"]
            _ = try reader.bool("retrieveVectors")
            try reader.rejectUnknown(accepted: ["fields", "retrieveVectors"])
            let scope = context.grant.scope(for: uid)
            let forced = context.grant.forcedFilter(for: uid)
            let document: JSONObject? = try await state.run(on: served) { searcher in
                try Self.fetch(id: id, fields: fields, scope: scope, forced: forced, served: served)
            }
            guard let document else { throw APIError.documentNotFound(String(id.prefix(256))) }
            return Response.json(.object(document))
        }
        router.get("/indexes/:uid/documents") { request, context in
            let query = try request.queryObject(numbers: ["offset", "limit"], flags: ["retrieveVectors"])
            return try await list(uid: context.parameters.require("uid"), object: query, context: context)
        }
        router.post("/indexes/:uid/documents/fetch") { request, context in
            var request = request
            let body = try await request.jsonBody(limit: state.configuration.maxBodyBytes)
            return try await list(uid: context.parameters.require("uid"), object: ParameterReader.object(body), context: context)
        }
    }

    /// One document if the scope sees it and it passes the forced filter (a tenant token's rules
    /// apply to fetching as to searching).
    static func fetch(id: String, fields: [String], scope: SearchScope, forced: FilterExpression?, served: ServedIndex) throws(APIError) -> JSONObject? {
        do {
            let snapshot = try served.index.snapshot()
            defer { snapshot.close() }
            guard let document = try snapshot.document(id: id, scope: scope, passing: forced) else { return nil }
            return HitRenderer.fields(of: document, retrieving: fields)
        } catch {
            throw APIError(engine: error)
        }
    }

    private func list(uid: String, object: JSONObject, context: VaultRequestContext) async throws -> Response {
        try context.require("documents.get", index: uid)
        let served = try state.registry.index(uid)
        var reader = ParameterReader(object) { "invalid_document_" + $0.snakeCased }
        let offset = try reader.count("offset", maximum: Int(Int32.max)) ?? 0
        let limit = try reader.count("limit", maximum: Int(Int32.max)) ?? 20
        let fields = try reader.strings("fields") ?? ["*"]
        _ = try reader.bool("retrieveVectors")
        let filter = try SearchRequest.filter(reader.value("filter"), reader: ParameterReader(object) { "invalid_document_" + $0.snakeCased })
        var sort: [SortKey] = []
        if let keys = try reader.strings("sort") {
            do { sort = try keys.map { text throws(IndexError) in try SortKey.parse(text) } } catch { throw APIError(engine: error, codePrefix: "invalid_document_") }
        }
        try reader.rejectUnknown(accepted: ["offset", "limit", "fields", "filter", "sort", "retrieveVectors"])
        guard offset + limit <= SearchOptions.maximumWindow else {
            throw reader.fault("offset", "offset + limit is \(offset + limit); at most \(SearchOptions.maximumWindow) documents can be paged through (narrow with a filter).")
        }
        var request = SearchRequest()
        request.options.page = limit == 0 ? 1 : offset / max(limit, 1) + 1
        request.options.hitsPerPage = limit
        request.attributesToRetrieve = fields
        request.options.filter = filter
        request.options.sort = sort
        // Page mode gives an exact total; offsets that are not a multiple of limit read a wider window.
        if limit > 0, offset % limit != 0 {
            request.options.page = 1
            request.options.hitsPerPage = offset + limit
        }
        let execution = SearchExecution(served: served, request: request, grant: context.grant, now: state.clock.now())
        let (hits, total) = try await state.run(on: served) { searcher in
            let outcome = try execution.run(searcher)
            let skip = limit > 0 && offset % limit != 0 ? offset : 0
            return (Array(outcome.hits.dropFirst(skip).prefix(limit)), outcome.results.totalHits ?? 0)
        }
        return Response.json(.object(JSONObject([
            ("results", .array(hits.map { JSONValue.object($0) })), ("offset", .integer(Int64(offset))), ("limit", .integer(Int64(limit))),
            ("total", .integer(Int64(total))),
        ])))
    }
}
