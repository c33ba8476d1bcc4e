import VaultIndex

/// A search as a client asked for it (the body of `POST /indexes/{uid}/search`, the query string
/// of `GET`, or one query of `POST /multi-search`), checked and turned into the engine's options.
struct SearchRequest: Sendable {
    /// The query text.
    var q = ""
    /// The engine's options (limit and offset, filter, facets, sort, highlighting, ...).
    var options = SearchOptions(limit: 20)
    /// The fields each hit returns (`*` for all).
    var attributesToRetrieve = ["*"]
    /// Whether hits carry `_rankingScore`.
    var showRankingScore = false
    /// Whether hits carry `_rankingScoreDetails` (the engine's explanation).
    var showRankingScoreDetails = false

    /// Search parameters accepted, as Meilisearch names them; the last two are VaultSearch's own
    /// (Meilisearch keeps them in the index's faceting settings).
    static let parameters = [
        "q", "offset", "limit", "page", "hitsPerPage", "attributesToRetrieve", "attributesToCrop", "cropLength", "cropMarker",
        "attributesToHighlight", "highlightPreTag", "highlightPostTag", "showMatchesPosition", "showRankingScore",
        "showRankingScoreDetails", "filter", "sort", "distinct", "facets", "matchingStrategy", "retrieveVectors",
        "maxValuesPerFacet", "sortFacetValuesBy",
    ]

    /// The most sort keys a search may give (each is one more comparison per candidate hit).
    static let maximumSortKeys = 32

    /// The error code of a fault in parameter `name` (`invalid_search_hits_per_page`).
    static func code(_ name: String) -> String { "invalid_search_" + name.snakeCased }

    /// The defaults (a placeholder search of 20 hits).
    init() {}

    /// Reads a request object. `extra` names members the caller reads itself (`indexUid`, ...);
    /// `limits` bounds `q`.
    init(_ object: JSONObject, maxQueryBytes: Int, extra: [String] = [], reader existing: ParameterReader? = nil) throws(APIError) {
        var reader = existing ?? ParameterReader(object, code: Self.code)
        for name in extra { _ = reader.value(name) }
        if let q = try reader.string("q") {
            guard q.utf8.count <= maxQueryBytes else {
                throw reader.fault("q", "the query is \(q.utf8.count) bytes long; at most \(maxQueryBytes) are accepted.")
            }
            self.q = q
        }
        let window = SearchOptions.maximumWindow
        if let offset = try reader.count("offset", maximum: Int(Int32.max)) { options.offset = offset }
        if let limit = try reader.count("limit", maximum: Int(Int32.max)) { options.limit = limit }
        options.page = try reader.count("page", maximum: Int(Int32.max))
        options.hitsPerPage = try reader.count("hitsPerPage", maximum: Int(Int32.max))
        if !options.isPageMode, options.offset + options.limit > window {
            let name = options.limit > window ? "limit" : "offset"
            throw reader.fault(name, "offset + limit is \(options.offset + options.limit); at most \(window) hits can be paged through (use a filter or sort to narrow).")
        }
        if let fields = try reader.strings("attributesToRetrieve") { attributesToRetrieve = fields }
        if let crop = try reader.strings("attributesToCrop") {
            for spec in crop {
                let parts = spec.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
                guard parts.count <= 2, !parts[0].isEmpty, parts.count == 1 || Int(parts[1]).map({ $0 >= 0 && $0 <= 1_000 }) == true else {
                    throw reader.fault("attributesToCrop", "`\(spec.prefix(100))` is not FIELD or FIELD:WORDS (0 to 1000 words).")
                }
                options.formatting.crop[parts[0]] = parts.count == 2 ? Int(parts[1]) : .some(nil)
            }
        }
        if let length = try reader.count("cropLength", maximum: 1_000) { options.formatting.cropLength = length }
        if let marker = try reader.string("cropMarker") { options.formatting.cropMarker = marker }
        if let fields = try reader.strings("attributesToHighlight") { options.formatting.highlight = fields }
        if let tag = try reader.string("highlightPreTag") { options.formatting.preTag = tag }
        if let tag = try reader.string("highlightPostTag") { options.formatting.postTag = tag }
        if let flag = try reader.bool("showMatchesPosition") { options.formatting.showMatchesPosition = flag }
        if let flag = try reader.bool("showRankingScore") { showRankingScore = flag }
        if let flag = try reader.bool("showRankingScoreDetails") {
            showRankingScoreDetails = flag
            options.explain = flag
        }
        if let vectors = try reader.bool("retrieveVectors"), vectors {
            throw reader.fault("retrieveVectors", "VaultSearch has no vectors; only `false` is accepted.")
        }
        options.filter = try Self.filter(reader.value("filter"), reader: reader)
        if let sort = try reader.strings("sort", maximum: Self.maximumSortKeys) {
            do {
                options.sort = try sort.map { text throws(IndexError) in try SortKey.parse(text) }
            } catch {
                throw APIError(engine: error, parameter: "sort")
            }
        }
        if let distinct = try reader.string("distinct") { options.distinct = distinct }
        if let facets = try reader.strings("facets", maximum: SearchOptions.maximumFacets) { options.facets = facets }
        if let strategy = try reader.string("matchingStrategy") {
            guard let mode = MatchingMode(rawValue: strategy) else {
                throw reader.fault("matchingStrategy", "`\(strategy.prefix(50))` is not one of \(MatchingMode.allCases.map { "`\($0.rawValue)`" }.joined(separator: ", ")).")
            }
            options.matching = mode
        }
        if let most = try reader.count("maxValuesPerFacet", maximum: 10_000) { options.maxValuesPerFacet = most }
        if let orders = reader.value("sortFacetValuesBy") {
            guard case .object(let object) = orders else { throw reader.fault("sortFacetValuesBy", expected: "an object", found: orders) }
            for (facet, order) in object.members {
                guard case .string(let name) = order, let value = FacetValueOrder(rawValue: name) else {
                    throw reader.fault("sortFacetValuesBy", "the order of `\(facet.prefix(100))` must be `count` or `alpha`.")
                }
                options.sortFacetValuesBy[facet] = value
            }
        }
        if existing == nil { try reader.rejectUnknown(accepted: Self.parameters + extra) }
    }

    /// Parses `filter`: a string, or Meilisearch's array form (strings and arrays of strings).
    static func filter(_ value: JSONValue?, reader: ParameterReader, parameter: String = "filter") throws(APIError) -> FilterExpression? {
        guard let value else { return nil }
        let input: FilterInput
        switch value {
        case .string(let text): input = .expression(text)
        case .array(let elements):
            var parts: [FilterInputElement] = []
            for element in elements {
                switch element {
                case .string(let text): parts.append(.expression(text))
                case .array(let inner):
                    var strings: [String] = []
                    for item in inner {
                        guard case .string(let text) = item else {
                            throw reader.fault(parameter, expected: "a string or an array of strings and arrays of strings", found: value)
                        }
                        strings.append(text)
                    }
                    parts.append(.any(strings))
                default: throw reader.fault(parameter, expected: "a string or an array of strings and arrays of strings", found: value)
                }
            }
            input = .all(parts)
        default: throw reader.fault(parameter, expected: "a string or an array", found: value)
        }
        do {
            return try FilterParser.parse(input)
        } catch {
            throw APIError(filterSyntax: error, code: code(parameter))
        }
    }
}
