import HTTPTypes
import VaultCorpus

/// Generates bad (and some good) requests for every route from a seed: malformed JSON, wrong
/// types for every parameter, huge limits and offsets, broken and deeply nested filters, invalid
/// UTF-8 in bodies and in percent-encoded query strings, over-long queries, unknown routes,
/// methods and fields, wrong content types, and bad `Authorization` headers.
struct RequestFuzzer {
    var random: SeededRandom
    /// Ids of real documents (so some fetches and similar-lists reach the engine).
    let documentIDs: [String]

    init(seed: UInt64, documentIDs: [String]) {
        random = SeededRandom(seed: seed)
        self.documentIDs = documentIDs.isEmpty ? ["1"] : documentIDs
    }

    /// The parameters of each body route, as its handler names them.
    static let searchParameters = [
        "q", "offset", "limit", "page", "hitsPerPage", "attributesToRetrieve", "attributesToCrop", "cropLength", "cropMarker",
        "attributesToHighlight", "highlightPreTag", "highlightPostTag", "showMatchesPosition", "showRankingScore",
        "showRankingScoreDetails", "filter", "sort", "distinct", "facets", "matchingStrategy", "retrieveVectors",
        "maxValuesPerFacet", "sortFacetValuesBy",
    ]
    static let facetSearchParameters = ["facetName", "facetQuery", "q", "filter", "matchingStrategy", "limit", "exhaustiveFacetCount"]
    static let similarParameters = ["id", "offset", "limit", "filter", "attributesToRetrieve", "showRankingScore", "retrieveVectors", "embedder"]
    static let trendingParameters = ["formula", "limit", "offset", "category", "tag", "model", "filter", "fields", "seed", "decay"]
    static let leaderboardParameters = ["by", "period", "limit", "offset", "category", "tag", "model", "filter", "fields", "rating", "week"]
    static let fetchParameters = ["offset", "limit", "fields", "filter", "sort", "retrieveVectors"]
    static let fields = ["title", "tags", "category", "category.lvl0", "category.lvl1", "model", "provider", "author", "visibility", "status",
                         "featured", "views", "copies", "ratingAvg", "createdAt", "family", "content", "nope", "_geo", "id", "*", ""]

    mutating func next() -> SampleRequest {
        switch random.below(100) {
        case 0..<30: return bodyRequest(route: "/indexes/\(uid())/search", parameters: Self.searchParameters)
        case 30..<42: return getRequest()
        case 42..<52: return multiSearch()
        case 52..<60: return bodyRequest(route: "/indexes/\(uid())/facet-search", parameters: Self.facetSearchParameters)
        case 60..<66: return bodyRequest(route: "/indexes/\(uid())/similar", parameters: Self.similarParameters)
        case 66..<72: return bodyRequest(route: "/indexes/\(uid())/documents/fetch", parameters: Self.fetchParameters)
        case 72..<80: return rawBody()
        case 80..<88: return oddRoute()
        case 88..<94: return filterRequest()
        default: return limitsRequest()
        }
    }

    // MARK: Routes and parts

    mutating func uid() -> String {
        random.chance(85) ? "prompts" : random.pick(["missing", "PROMPTS", "prompts%00", "%FF", "a b", String(repeating: "x", count: 500), "..", "prompts*", "*"])
    }

    mutating func documentID() -> String {
        random.chance(70) ? random.pick(documentIDs) : random.pick(["0", "-1", "999999999999", "abc", "%FF%FE", String(repeating: "9", count: 300), String(repeating: "x", count: 600), "%2F", "id%20x"])
    }

    mutating func headers(json: Bool) -> HTTPFields {
        var fields = HTTPFields()
        if json || random.chance(20) {
            fields[.contentType] = random.chance(80) ? "application/json" : random.pick([
                "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "", "application/json; charset=utf-8",
                "application/jsonx", "APPLICATION/JSON", "application/ndjson", "*/*",
            ])
        }
        if random.chance(15) {
            fields[.authorization] = random.pick([
                "Bearer", "Bearer ", "Basic dXNlcjpwYXNz", "Bearer not-a-key", "Bearer eyJhbGciOiJIUzI1NiJ9.eyJleHAiOjF9.sig",
                "Bearer eyJhbGciOiJub25lIn0.e30.", "Bearer " + String(repeating: "k", count: 5_000), "bearer x\u{7f}",
            ])
        }
        return fields
    }

    // MARK: Values

    /// A JSON value of a random kind, often the wrong one for the parameter it is given to.
    mutating func value(depth: Int = 0) -> String {
        switch random.below(depth > 2 ? 10 : 14) {
        case 0: return "null"
        case 1: return random.chance(50) ? "true" : "false"
        case 2: return String(random.pick([0, 1, -1, 20, 10_000, 10_001, Int(Int32.max), -Int(Int32.max), Int.max, Int.min]))
        case 3: return random.pick(["1.5", "-0.0", "1e308", "1e-308", "9007199254740993", "123456789012345678901234567890", "2.0", "1E2"])
        case 4: return "\"\(text())\""
        case 5: return "\"\(random.pick(Self.fields))\""
        case 6: return "\"\(filterText())\""
        case 7: return "\"\(random.pick(Self.fields)):\(random.pick(["asc", "desc", "up", "", "asc:desc"]))\""
        case 8: return "\"\(random.pick(["last", "all", "frequency", "none", "LAST", ""]))\""
        case 9: return "\"" + String(repeating: random.pick(["a ", "python ", "é", "😀", "\\u0000", "\\\\"]), count: random.pick([1, 100, 3_000, 5_000])) + "\""
        case 10: return "[" + (0..<random.below(4)).map { _ in value(depth: depth + 1) }.joined(separator: ",") + "]"
        case 11: return "[" + (0..<random.below(4)).map { _ in "\"\(random.pick(Self.fields))\"" }.joined(separator: ",") + "]"
        case 12: return "{" + (0..<random.below(3)).map { _ in "\"\(random.pick(Self.fields))\":\(value(depth: depth + 1))" }.joined(separator: ",") + "}"
        default: return "[[" + (0..<random.below(3)).map { _ in "\"\(filterText())\"" }.joined(separator: ",") + "]," + value(depth: depth + 1) + "]"
        }
    }

    /// JSON string content: words, escapes (some invalid), odd characters.
    mutating func text() -> String {
        random.pick([
            "python", "pyhton debug", "", " ", "\\n\\t", "\\ud83d\\ude00", "\\ud800", "\\x41", "\\u00e9t\\u00e9", "a\\\"b", "<em>", "%", "%FF",
            "select * from", "*", "\\/", "OR", "AND NOT", "日本語", "🙂🙃", "\\u0000",
        ])
    }

    /// A filter: valid, broken, deep or long.
    mutating func filterText() -> String {
        let field = random.pick(Self.fields.filter { !$0.isEmpty && $0 != "*" })
        let base: String
        switch random.below(12) {
        case 0: base = "\(field) = \(random.pick(["public", "1", "'x y'", "true", "\\\"quoted\\\""]))"
        case 1: base = "\(field) \(random.pick([">", ">=", "<", "<=", "!="])) \(random.pick(["0", "-1.5", "1e3", "abc", "", "NaN"]))"
        case 2: base = "\(field) \(random.pick(["0 TO 10", "TO 10", "10 TO", "IN [a, b]", "IN []", "IN [", "NOT IN [x]", "EXISTS", "NOT EXISTS", "IS NULL", "IS NOT EMPTY", "STARTS WITH py", "CONTAINS x", "_geoRadius(1,2,3)"]))"
        case 3: base = String(repeating: "(", count: random.pick([1, 10, 63, 64, 65, 200, 2_000])) + "views > 1" + String(repeating: ")", count: random.pick([0, 1, 10, 64, 200]))
        case 4: base = String(repeating: "NOT ", count: random.pick([1, 63, 65, 500])) + "featured = true"
        case 5: base = (0..<random.pick([2, 50, 500])).map { "views = \($0)" }.joined(separator: random.pick([" AND ", " OR "]))
        case 6: base = "tags IN [" + (0..<random.pick([3, 10_001])).map { "t\($0)" }.joined(separator: ",") + "]"
        case 7: base = random.pick(["AND", "OR", "NOT", "(", ")", "=", "'unterminated", "\\\"", "views > 1 AND", "a = b c = d", "\\u0000 = 1", "é = ü"])
        case 8: base = String(repeating: "a", count: random.pick([65_537, 70_000]))
        default: base = "\(field) = x \(random.pick(["AND", "OR"])) \(random.pick(Self.fields)) \(random.pick(["=", "EXISTS", ">"])) 1"
        }
        guard random.chance(30), !base.isEmpty else { return base }
        // Mutate: drop, duplicate or replace one byte (kept ASCII-safe for the JSON string).
        var bytes = Array(base.utf8)
        let position = random.below(bytes.count)
        switch random.below(3) {
        case 0: bytes.remove(at: position)
        case 1: bytes.insert(bytes[position], at: position)
        default: bytes[position] = random.pick(Array("()[]'=<>!, ".utf8))
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    // MARK: Requests

    /// A JSON object of some of `parameters` with random values, sometimes an unknown member.
    mutating func bodyRequest(route: String, parameters: [String]) -> SampleRequest {
        var members: [String] = []
        for _ in 0..<random.below(5) { members.append("\"\(random.pick(parameters))\":\(value())") }
        if random.chance(10) { members.append("\"\(random.pick(["colour", "Q", "LIMIT", "", "q ", "indexUid"]))\":\(value())") }
        if route.hasSuffix("facet-search"), random.chance(70) { members.append("\"facetName\":\"\(random.pick(Self.fields))\"") }
        if route.hasSuffix("similar"), random.chance(70) { members.append("\"id\":\"\(random.chance(10) ? "" : documentID())\"") }
        let body = "{" + members.joined(separator: ",") + "}"
        return SampleRequest(random.chance(95) ? .post : random.pick([.get, .put, .patch, .delete]), route, json: body, headers: headers(json: true), 0)
    }

    /// A GET route with random query parameters, percent-encoded (sometimes invalid UTF-8).
    mutating func getRequest() -> SampleRequest {
        let route: String
        let parameters: [String]
        switch random.below(7) {
        case 0: (route, parameters) = ("/indexes/\(uid())/search", Self.searchParameters)
        case 5:
            (route, parameters) = random.pick([
                ("/indexes/\(uid())/trending", Self.trendingParameters), ("/trending", Self.trendingParameters + ["index"]),
                ("/indexes/\(uid())/leaderboards/prompts", Self.leaderboardParameters), ("/leaderboards/prompts", Self.leaderboardParameters + ["index"]),
                ("/indexes/\(uid())/leaderboards/authors", ["by", "period", "limit", "offset"]), ("/leaderboards/authors", ["by", "period", "limit", "offset", "index"]),
            ])
        case 1: (route, parameters) = ("/indexes/\(uid())/documents", ["offset", "limit", "fields", "filter", "sort", "retrieveVectors"])
        case 2: (route, parameters) = ("/indexes/\(uid())/documents/\(documentID())", ["fields", "retrieveVectors"])
        case 3: (route, parameters) = ("/indexes/\(uid())/similar/\(documentID())", Self.similarParameters)
        case 4: (route, parameters) = ("/indexes", ["offset", "limit"])
        default: (route, parameters) = (random.pick(["/indexes/\(uid())", "/indexes/\(uid())/settings", "/indexes/\(uid())/stats", "/stats", "/version", "/health", "/metrics", "/openapi.json"]), ["x"])
        }
        var pairs: [String] = []
        for _ in 0..<random.below(5) { pairs.append("\(random.pick(parameters))=\(queryValue())") }
        if random.chance(10) { pairs.append(random.pick(["limit=1&limit=2", "=x", "&&", "q", "%ZZ=1", "a%00b=1", "unknown=1"])) }
        let uri = pairs.isEmpty ? route : route + "?" + pairs.joined(separator: "&")
        return SampleRequest(.get, uri, headers: headers(json: false), 0)
    }

    mutating func queryValue() -> String {
        random.pick([
            "1", "0", "-5", "99999999999999999999", "10001", "abc", "true", "TRUE", "", "%FF%FE", "%C3%28", "%ED%A0%80", "%", "%4", "%G1",
            "views%20%3E%201", "(((", "tags%20IN%20%5Ba%2Cb%5D", "title,tags", "views:desc", "python+debug", String(repeating: "a", count: 5_000),
            String(repeating: "%28", count: 100), "%00", "last", "seed", "decay", "rating", "copies", "views", "reputation", "engagement",
            "day", "week", "month", "all", "coding", "prompts", "folders",
        ])
    }

    mutating func multiSearch() -> SampleRequest {
        var queries: [String] = []
        for _ in 0..<random.pick([0, 1, 2, 3, 101]) {
            var members = random.chance(85) ? ["\"indexUid\":\"\(random.chance(90) ? "prompts" : "missing")\""] : []
            for _ in 0..<random.below(3) { members.append("\"\(random.pick(Self.searchParameters + ["federationOptions", "indexUid"]))\":\(value())") }
            if random.chance(20) { members.append("\"federationOptions\":{\"weight\":\(random.pick(["1", "-1", "0.5", "\"x\"", "1e308"]))}") }
            queries.append(random.chance(95) ? "{" + members.joined(separator: ",") + "}" : value())
        }
        var members = random.chance(90) ? ["\"queries\":[" + queries.joined(separator: ",") + "]"] : ["\"queries\":\(value())"]
        if random.chance(30) { members.append("\"federation\":\(random.chance(70) ? "{\"limit\":\(value()),\"offset\":\(value())}" : value())") }
        if random.chance(5) { members.append("\"extra\":1") }
        return SampleRequest(.post, "/multi-search", json: "{" + members.joined(separator: ",") + "}", headers: headers(json: true), 0)
    }

    /// Bodies that are not JSON objects: truncated, garbage, invalid UTF-8, deep, empty.
    mutating func rawBody() -> SampleRequest {
        let route = random.pick(["/indexes/prompts/search", "/multi-search", "/indexes/prompts/facet-search", "/indexes/prompts/similar", "/indexes/prompts/documents/fetch"])
        let body: [UInt8]
        switch random.below(10) {
        case 0: body = Array("{\"q\":\"python\",\"limit\":5}".utf8.prefix(random.below(25)))
        case 1: body = (0..<random.below(64)).map { _ in UInt8(random.below(256)) }
        case 2: body = Array("{\"q\":\"".utf8) + random.pick([[0xFF], [0xC3, 0x28], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0xAF], [0xE2, 0x82]]) + Array("\"}".utf8)
        case 3: body = Array((String(repeating: "[", count: random.pick([100, 129, 5_000])) + String(repeating: "]", count: random.pick([0, 100, 129]))).utf8)
        case 4: body = Array((String(repeating: "{\"a\":", count: random.pick([127, 129, 2_000])) + "1" + String(repeating: "}", count: 129)).utf8)
        case 5: body = Array(random.pick(["", " ", "null", "[]", "\"x\"", "1", "true", "{}{}", "{\"q\":1,}", "{'q':'x'}", "{\"q\":\"a\"} x", "\u{FEFF}{}"]).utf8)
        case 6: body = Array("{\"q\":\"a\",\"q\":\"b\"}".utf8)
        case 7: body = Array("{\"limit\":1e999}".utf8)
        case 8: body = Array(("{\"q\":\"" + String(repeating: "x", count: random.pick([4_096, 4_097, 100_000, 1_048_576])) + "\"}").utf8)
        default: body = Array("{\"filter\":\"\\ud800\"}".utf8)
        }
        var request = SampleRequest(.post, route, headers: headers(json: true), 0)
        request.body = body
        return request
    }

    /// Unknown routes, unknown methods on known routes, odd paths.
    mutating func oddRoute() -> SampleRequest {
        let method: HTTPRequest.Method = random.pick([.get, .post, .put, .patch, .delete, .head, .options, HTTPRequest.Method("FOO")!, HTTPRequest.Method("PROPFIND")!])
        let path = random.pick([
            "/", "/indexes/", "//indexes", "/indexes/prompts/", "/indexes/prompts/search/extra", "/keys", "/keys/abc", "/tasks", "/dumps",
            "/indexes/prompts/documents/1/2", "/%", "/%FF", "/indexes/%ZZ", "/indexes/prompts/similar", "/metrics/", "/health?x=1",
            "/" + String(repeating: "a/", count: 300), "/indexes/prompts/settings/filterable-attributes", "/trending", "/leaderboards/authors", "/assets/page.js", "/assets/", "/assets/..%2Fopenapi.json", "/assets/%FF",
            "/indexes/prompts/search", "/multi-search", "/stats", "/version", "/openapi.json",
        ])
        var request = SampleRequest(method, path, headers: headers(json: random.chance(30)), 0)
        if random.chance(30) { request.body = Array("{}".utf8) }
        return request
    }

    /// A search whose filter is the point: broken, deep, long, in either form.
    mutating func filterRequest() -> SampleRequest {
        let filter = random.chance(70) ? "\"\(filterText())\"" : "[\"\(filterText())\",[\"\(filterText())\",\"\(filterText())\"]]"
        let route = random.pick(["/indexes/prompts/search", "/indexes/prompts/documents/fetch", "/indexes/prompts/facet-search", "/indexes/prompts/similar"])
        var members = ["\"filter\":\(filter)"]
        if route.hasSuffix("facet-search") { members.append("\"facetName\":\"tags\"") }
        if route.hasSuffix("similar") { members.append("\"id\":\"\(random.pick(documentIDs))\"") }
        return SampleRequest(.post, route, json: "{" + members.joined(separator: ",") + "}", headers: headers(json: true), 0)
    }

    /// Huge limits and offsets, over-long queries and URLs, many headers, big bodies.
    mutating func limitsRequest() -> SampleRequest {
        switch random.below(6) {
        case 0:
            let offset = random.pick(["0", "9999", "10000", "2147483647", "2147483648", "-1", "1e20"])
            let limit = random.pick(["0", "1", "10000", "10001", "2147483647", "9223372036854775807", "-9223372036854775808"])
            return SampleRequest(.post, "/indexes/prompts/search", json: "{\"offset\":\(offset),\"limit\":\(limit)}", headers: headers(json: true), 0)
        case 1:
            let page = random.pick(["0", "1", "2147483647", "-1"])
            let size = random.pick(["0", "1", "10000", "10001", "2147483647"])
            return SampleRequest(.post, "/indexes/prompts/search", json: "{\"page\":\(page),\"hitsPerPage\":\(size)}", headers: headers(json: true), 0)
        case 2:
            let q = String(repeating: random.pick(["pyth ", "x", "é", "a b c "]), count: random.pick([800, 1_000, 4_000, 20_000]))
            return SampleRequest(.post, "/indexes/prompts/search", json: "{\"q\":\"\(q)\"}", headers: headers(json: true), 0)
        case 3:
            return SampleRequest(.get, "/indexes/prompts/search?q=" + String(repeating: "a", count: random.pick([4_000, 16_000, 17_000, 100_000])), headers: headers(json: false), 0)
        case 4:
            var fields = headers(json: false)
            for index in 0..<random.pick([50, 99, 101, 500]) { fields.append(HTTPField(name: HTTPField.Name("X-H\(index)")!, value: "v")) }
            return SampleRequest(.get, "/indexes", headers: fields, 0)
        default:
            let facets = (0..<random.pick([10, 100, 101, 1_001])).map { _ in "\"\(random.pick(Self.fields))\"" }.joined(separator: ",")
            let key = random.pick(["facets", "sort", "attributesToRetrieve", "attributesToHighlight", "attributesToCrop"])
            return SampleRequest(.post, "/indexes/prompts/search", json: "{\"\(key)\":[\(facets)],\"maxValuesPerFacet\":\(random.pick(["10000", "10001", "0"]))}", headers: headers(json: true), 0)
        }
    }
}
