import Foundation
import Hummingbird
import VaultIndex
import VaultTrending

/// `GET /indexes`, `GET /indexes/{uid}`, `GET /indexes/{uid}/settings`, `GET /stats` and
/// `GET /indexes/{uid}/stats`. Document counts are those the grant's scope can see: a private
/// prompt is not even counted.
struct IndexRoutes {
    let state: ServerState

    func add(to router: Router<VaultRequestContext>) {
        router.get("/indexes") { request, context in
            try context.require("indexes.get")
            let query = try request.queryObject(numbers: ["offset", "limit"], flags: [])
            var reader = ParameterReader(query) { "invalid_index_" + $0.snakeCased }
            let offset = try reader.count("offset", maximum: Int(Int32.max)) ?? 0
            let limit = try reader.count("limit", maximum: Int(Int32.max)) ?? 20
            try reader.rejectUnknown(accepted: ["offset", "limit"])
            let visible = state.registry.all.filter { context.grant.allows("indexes.get", index: $0.uid) }
            let page = visible.dropFirst(offset).prefix(limit)
            return Response.json(.object(JSONObject([
                ("results", .array(page.map { .object(describe($0)) })), ("offset", .integer(Int64(offset))),
                ("limit", .integer(Int64(limit))), ("total", .integer(Int64(visible.count))),
            ])))
        }
        router.get("/indexes/:uid") { _, context in
            let uid = try context.parameters.require("uid")
            try context.require("indexes.get", index: uid)
            return Response.json(.object(describe(try state.registry.index(uid))))
        }
        router.get("/indexes/:uid/settings") { _, context in
            let uid = try context.parameters.require("uid")
            try context.require("settings.get", index: uid)
            let served = try state.registry.index(uid)
            let settings = try readSettings(served)
            return Response.json(.object(Self.settingsObject(settings, computedSortable: served.trending == nil ? [] : TrendingSortSource.fieldNames)))
        }
        router.get("/indexes/:uid/stats") { _, context in
            let uid = try context.parameters.require("uid")
            try context.require("stats.get", index: uid)
            let served = try state.registry.index(uid)
            return Response.json(.object(try await stats(served, grant: context.grant)))
        }
        router.get("/stats") { _, context in
            try context.require("stats.get")
            var indexes = JSONObject()
            var size: Int64 = 0
            for served in state.registry.all where context.grant.allows("stats.get", index: served.uid) {
                indexes[served.uid] = .object(try await stats(served, grant: context.grant))
                size += Self.fileSize(served.definition.path + "/data.mdb")
            }
            return Response.json(.object(JSONObject([("databaseSize", .integer(size)), ("indexes", .object(indexes))])))
        }
    }

    private func describe(_ served: ServedIndex) -> JSONObject {
        let opened = ISO8601DateFormatter().string(from: served.openedAt)
        return JSONObject([
            ("uid", .string(served.uid)), ("primaryKey", .string("id")), ("createdAt", .string(opened)), ("updatedAt", .string(opened)),
        ])
    }

    private func readSettings(_ served: ServedIndex) throws(APIError) -> IndexSettings {
        do {
            let snapshot = try served.index.snapshot()
            defer { snapshot.close() }
            return snapshot.settings
        } catch {
            throw APIError(engine: error)
        }
    }

    /// The documents the grant's scope sees (an exact placeholder count), tailer state, and lag.
    private func stats(_ served: ServedIndex, grant: AccessGrant) async throws -> JSONObject {
        var request = SearchRequest()
        request.options.page = 1
        request.options.hitsPerPage = 0
        let execution = SearchExecution(served: served, request: request, grant: grant, now: state.clock.now())
        let total = try await state.run(on: served) { searcher in try execution.run(searcher).results.totalHits ?? 0 }
        return JSONObject([
            ("numberOfDocuments", .integer(Int64(total))),
            ("isIndexing", .bool(served.progress.lagChanges > 0)),
            ("ingestCursor", .integer(served.progress.cursor)),
            ("ingestLagChanges", .integer(served.progress.lagChanges)),
            ("ingestLagSeconds", .number(served.progress.lagSeconds)),
        ])
    }

    static func fileSize(_ path: String) -> Int64 {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.int64Value ?? 0
    }

    /// The settings in Meilisearch's shape (what a dashboard or client reads from them);
    /// `computedSortable` (trending's fields) join the sortable attributes.
    static func settingsObject(_ settings: IndexSettings, computedSortable: [String] = []) -> JSONObject {
        func names(_ keep: (AttributeSettings) -> Bool) -> JSONValue {
            .array(settings.attributes.filter(keep).map(\.name).sorted().map(JSONValue.string))
        }
        let typo = settings.typoTolerance
        return JSONObject([
            ("displayedAttributes", .array([.string("*")])),
            ("searchableAttributes", .array(settings.searchableFields.map { .string($0.name) })),
            ("filterableAttributes", names(\.filterable)),
            ("sortableAttributes", .array((settings.attributes.filter(\.sortable).map(\.name) + computedSortable).sorted().map(JSONValue.string))),
            ("facetableAttributes", names(\.facetable)),
            ("distinctAttribute", settings.attributes.first(where: \.distinct).map { .string($0.name) } ?? .null),
            ("rankingRules", .array(settings.rankingRules.map { .string($0.rawValue) })),
            ("stopWords", .array(settings.stopWords.sorted().map(JSONValue.string))),
            ("synonyms", .object(JSONObject(settings.synonyms.sorted { $0.key < $1.key }.map { ($0.key, JSONValue.array($0.value.map(JSONValue.string))) }))),
            ("typoTolerance", .object(JSONObject([
                ("enabled", .bool(typo.enabled)),
                ("minWordSizeForTypos", .object(JSONObject([
                    ("oneTypo", .integer(Int64(typo.minWordSizeForOneTypo))), ("twoTypos", .integer(Int64(typo.minWordSizeForTwoTypos))),
                ]))),
                ("disableOnNumbers", .bool(typo.disableOnNumbers)),
            ]))),
            ("prefixSearch", .string(settings.prefixSearch ? "indexingTime" : "disabled")),
            ("faceting", .object(JSONObject([("maxValuesPerFacet", .integer(100)), ("sortFacetValuesBy", .object(JSONObject([("*", .string("count"))])))]))),
            ("pagination", .object(JSONObject([("maxTotalHits", .integer(Int64(SearchOptions.maximumWindow)))]))),
        ])
    }
}
