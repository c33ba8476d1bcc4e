import Foundation
import VaultIndex

/// Turns engine results into the JSON of a Meilisearch search response: each hit's stored fields
/// (as `attributesToRetrieve` selects), `_formatted`, `_matchesPosition`, `_rankingScore`,
/// `_rankingScoreDetails`, then the totals, facets and `didYouMean`.
struct HitRenderer {
    let request: SearchRequest
    let snapshot: IndexSnapshot
    let scope: SearchScope

    /// The response object of one search.
    func response(_ results: SearchResults, elapsedMs: Int) throws(IndexError) -> JSONObject {
        var object = JSONObject()
        object["hits"] = .array(try results.hits.map { hit throws(IndexError) in .object(try self.hit(hit)) })
        object["query"] = .string(request.q)
        object["processingTimeMs"] = .integer(Int64(elapsedMs))
        let options = request.options
        if let totalHits = results.totalHits {
            object["hitsPerPage"] = .integer(Int64(options.hitsPerPage ?? 20))
            object["page"] = .integer(Int64(options.page ?? 1))
            object["totalPages"] = .integer(Int64(results.totalPages ?? 0))
            object["totalHits"] = .integer(Int64(totalHits))
        } else {
            object["limit"] = .integer(Int64(options.limit))
            object["offset"] = .integer(Int64(options.offset))
            object["estimatedTotalHits"] = .integer(Int64(results.estimatedTotalHits))
        }
        if !options.facets.isEmpty {
            var distribution = JSONObject()
            for (facet, values) in results.facetDistribution.sorted(by: { $0.key < $1.key }) {
                distribution[facet] = .object(JSONObject(values.map { ($0.value, JSONValue.integer(Int64($0.count))) }))
            }
            object["facetDistribution"] = .object(distribution)
            var stats = JSONObject()
            for (facet, value) in results.facetStats.sorted(by: { $0.key < $1.key }) {
                stats[facet] = .object(JSONObject([("min", .number(value.min)), ("max", .number(value.max))]))
            }
            object["facetStats"] = .object(stats)
        }
        if let suggestion = results.didYouMean { object["didYouMean"] = .string(suggestion) }
        if !results.droppedWords.isEmpty { object["droppedWords"] = .array(results.droppedWords.map(JSONValue.string)) }
        return object
    }

    /// One hit: the document's retrieved fields and the underscore members asked for.
    func hit(_ hit: SearchHit) throws(IndexError) -> JSONObject {
        let document = try snapshot.document(number: hit.documentNumber, scope: scope)
        var object = document.map { Self.fields(of: $0, retrieving: request.attributesToRetrieve) } ?? JSONObject([("id", Self.idValue(hit.id))])
        if !hit.formatted.isEmpty {
            var formatted = object
            for (field, value) in hit.formatted.sorted(by: { $0.key < $1.key }) {
                switch value {
                case .text(let text): formatted[field] = .string(text.text)
                case .list(let texts): formatted[field] = .array(texts.map { .string($0.text) })
                }
            }
            object["_formatted"] = .object(formatted)
        }
        if let positions = hit.matchesPosition {
            object["_matchesPosition"] = .object(JSONObject(positions.sorted { $0.key < $1.key }.map { field, spans in
                (field, JSONValue.array(spans.map { .object(JSONObject([("start", .integer(Int64($0.start))), ("length", .integer(Int64($0.length)))])) }))
            }))
        }
        if request.showRankingScore { object["_rankingScore"] = .number(hit.rankingScore) }
        if request.showRankingScoreDetails, let explanation = hit.explanation, let value = Self.encode(explanation) {
            object["_rankingScoreDetails"] = value
        }
        return object
    }

    /// A document as JSON: `id` first, then its fields (only `retrieving`, unless it holds `*`).
    static func fields(of document: Document, retrieving: [String]) -> JSONObject {
        let all = retrieving.contains("*")
        var object = JSONObject()
        if all || retrieving.contains("id") { object["id"] = idValue(document.id) }
        for (name, value) in document.fields.sorted(by: { $0.key < $1.key }) where all || retrieving.contains(name) {
            object[name] = json(value)
        }
        return object
    }

    /// An id as the store has it: a number when it is a canonical integer, else a string.
    static func idValue(_ id: String) -> JSONValue {
        if let number = Int64(id), String(number) == id { return .integer(number) }
        return .string(id)
    }

    static func json(_ value: FieldValue) -> JSONValue {
        switch value {
        case .string(let text): return .string(text)
        case .strings(let texts): return .array(texts.map(JSONValue.string))
        case .number(let number): return number == number.rounded() && abs(number) < 9e15 ? .integer(Int64(number)) : .number(number)
        case .bool(let flag): return .bool(flag)
        }
    }

    /// An `Encodable` value as a JSON tree (through Foundation's encoder: explanations are rare).
    static func encode(_ value: some Encodable) -> JSONValue? {
        guard let data = try? JSONEncoder().encode(value) else { return nil }
        return try? JSONValue.parse(data)
    }
}
