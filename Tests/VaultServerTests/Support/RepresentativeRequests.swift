import HTTPTypes
@testable import VaultServer

/// One request of the OpenAPI test, with the status it must answer.
struct SampleRequest {
    var method: HTTPRequest.Method
    var uri: String
    var body: [UInt8]?
    var headers: HTTPFields = [:]
    var status: Int

    init(_ method: HTTPRequest.Method, _ uri: String, json: String? = nil, headers: HTTPFields = [:], _ status: Int) {
        self.method = method
        self.uri = uri
        self.body = json.map { Array($0.utf8) }
        self.headers = headers
        if json != nil, self.headers[.contentType] == nil { self.headers[.contentType] = "application/json" }
        self.status = status
    }
}

/// Successes of every routed operation and each kind of error the document lists, over the test
/// daemon's `prompts` index (the sample PromptVault store).
enum RepresentativeRequests {
    static func all(documentID id: String) -> [SampleRequest] {
        let search = "/indexes/prompts/search"
        return [
            .init(.get, "/health", 200),
            .init(.get, "/", 200),
            .init(.get, "/assets/page.js", 200),
            .init(.get, "/assets/page.css", 200),
            .init(.get, "/assets/nothing.js", 404),
            .init(.get, "/version", 200),
            .init(.get, "/stats", 200),
            .init(.get, "/metrics", 200),
            .init(.get, "/openapi.json", 200),
            .init(.get, "/indexes", 200),
            .init(.get, "/indexes?limit=1&offset=0", 200),
            .init(.get, "/indexes?limit=x", 400),
            .init(.get, "/indexes?colour=red", 400),
            .init(.get, "/indexes/prompts", 200),
            .init(.get, "/indexes/missing", 404),
            .init(.get, "/indexes/prompts/settings", 200),
            .init(.get, "/indexes/prompts/stats", 200),
            .init(.post, search, json: "{}", 200),
            .init(.post, search, json: #"{"q":"python debug","facets":["tags","model","featured"],"attributesToHighlight":["title"],"attributesToCrop":["content:5"],"showMatchesPosition":true,"showRankingScore":true}"#, 200),
            .init(.post, search, json: #"{"q":"email","page":1,"hitsPerPage":5,"sort":["views:desc"],"filter":["visibility = public",["featured = true","featured = false"]]}"#, 200),
            .init(.post, search, json: #"{"q":"pyhton","showRankingScoreDetails":true,"matchingStrategy":"all","distinct":"family"}"#, 200),
            .init(.post, search, json: #"{"filter":"views >"}"#, 400),
            .init(.post, search, json: #"{"filter":"colour = red"}"#, 400),
            .init(.post, search, json: #"{"limit":"x"}"#, 400),
            .init(.post, search, json: #"{"limit":20000}"#, 400),
            .init(.post, search, json: #"{"colour":"red"}"#, 400),
            .init(.post, search, json: #"{"q": "#, 400),
            .init(.post, search, json: #"[1,2]"#, 400),
            .init(.post, search, json: #"{"sort":["nope:asc"]}"#, 400),
            .init(.post, search, json: "{}", headers: [.contentType: "text/plain"], 415),
            .init(.post, search, json: "{\"q\":\"" + String(repeating: "a", count: 1_100_000) + "\"}", 413),
            .init(.post, "/indexes/missing/search", json: "{}", 404),
            .init(.get, search + "?q=python&limit=3&facets=tags,model&showRankingScore=true", 200),
            .init(.get, search + "?limit=-1", 400),
            .init(.get, search + "?" + String(repeating: "q=a&", count: 5_000), 414),
            .init(.post, "/multi-search", json: #"{"queries":[{"indexUid":"prompts","q":"python"},{"indexUid":"prompts","q":"email","limit":2}]}"#, 200),
            .init(.post, "/multi-search", json: #"{"federation":{"limit":5},"queries":[{"indexUid":"prompts","q":"python"},{"indexUid":"prompts","q":"email","federationOptions":{"weight":0.5}}]}"#, 200),
            .init(.post, "/multi-search", json: "{}", 400),
            .init(.post, "/multi-search", json: #"{"queries":[{"indexUid":"missing"}]}"#, 404),
            .init(.post, "/indexes/prompts/facet-search", json: #"{"facetName":"tags"}"#, 200),
            .init(.post, "/indexes/prompts/facet-search", json: #"{"facetName":"model","facetQuery":"gp","q":"python"}"#, 200),
            .init(.post, "/indexes/prompts/facet-search", json: "{}", 400),
            .init(.get, "/indexes/prompts/similar/\(id)?limit=3", 200),
            .init(.post, "/indexes/prompts/similar", json: "{\"id\":\"\(id)\",\"limit\":3,\"showRankingScore\":true}", 200),
            .init(.post, "/indexes/prompts/similar", json: #"{"id":"no-such-document"}"#, 404),
            .init(.post, "/indexes/prompts/similar", json: #"{"id":""}"#, 404),
            .init(.get, "/indexes/prompts/documents/" + String(repeating: "x", count: 600), 404),
            .init(.get, "/indexes/prompts/documents/\(id)", 200),
            .init(.get, "/indexes/prompts/documents/\(id)?fields=title,tags", 200),
            .init(.get, "/indexes/prompts/documents/no-such-document", 404),
            .init(.get, "/indexes/prompts/documents?limit=2&offset=1&fields=id,title", 200),
            .init(.get, "/indexes/prompts/documents?filter=views%20%3E%3D%200&sort=views:desc", 200),
            .init(.post, "/indexes/prompts/documents/fetch", json: #"{"limit":2,"filter":"featured = true OR featured = false"}"#, 200),
            .init(.post, "/indexes/prompts/documents/fetch", json: #"{"filter":"(((views"}"#, 400),
            .init(.get, "/indexes/prompts/trending", 200),
            .init(.get, "/indexes/prompts/trending?formula=seed&limit=5&offset=1&category=coding&fields=title,tags", 200),
            .init(.get, "/indexes/prompts/trending?formula=decay&tag=Python&model=gpt-4o&filter=views%20%3E%3D%200", 200),
            .init(.get, "/indexes/prompts/trending?formula=hot", 400),
            .init(.get, "/indexes/prompts/trending?limit=-1", 400),
            .init(.get, "/indexes/prompts/trending?limit=5000", 400),
            .init(.get, "/indexes/prompts/trending?offset=9999&limit=20", 400),
            .init(.get, "/indexes/prompts/trending?filter=views%20%3E", 400),
            .init(.get, "/indexes/prompts/trending?filter=colour%20%3D%20red", 400),
            .init(.get, "/indexes/prompts/trending?colour=red", 400),
            .init(.get, "/indexes/prompts/trending?category=", 400),
            .init(.get, "/indexes/folders/trending", 400),
            .init(.get, "/indexes/missing/trending", 404),
            .init(.get, "/indexes/prompts/leaderboards/prompts", 200),
            .init(.get, "/indexes/prompts/leaderboards/prompts?by=copies&period=month&category=coding&limit=3", 200),
            .init(.get, "/indexes/prompts/leaderboards/prompts?by=rating&period=all&fields=title", 200),
            .init(.get, "/indexes/prompts/leaderboards/prompts?by=stars", 400),
            .init(.get, "/indexes/prompts/leaderboards/prompts?period=year", 400),
            .init(.get, "/indexes/folders/leaderboards/prompts", 400),
            .init(.get, "/indexes/prompts/leaderboards/authors", 200),
            .init(.get, "/indexes/prompts/leaderboards/authors?by=engagement&period=all&limit=5", 200),
            .init(.get, "/indexes/prompts/leaderboards/authors?category=coding", 400),
            .init(.get, "/trending", 200),
            .init(.get, "/trending?index=prompts&formula=seed&limit=3", 200),
            .init(.get, "/trending?index=missing", 404),
            .init(.get, "/trending?formula=x", 400),
            .init(.get, "/leaderboards/prompts?by=views&period=day", 200),
            .init(.get, "/leaderboards/prompts?index=folders", 400),
            .init(.get, "/leaderboards/authors?by=engagement&period=week", 200),
            .init(.get, "/leaderboards/authors?period=x", 400),
            .init(.post, "/trending", 405),
            .init(.delete, "/indexes/prompts", 405),
            .init(.put, search, 405),
            .init(.get, "/no/such/route", 404),
            .init(.get, "/indexes", headers: HTTPFields((0..<120).map { HTTPField(name: HTTPField.Name("X-Filler-\($0)")!, value: "x") }), 431),
        ]
    }

    /// The key routes and the authentication errors, in order, over a daemon started with `master`
    /// (``AuthFixture``: indexes `prompts` and `archive`).
    static func keys(master: String) -> [SampleRequest] {
        let uid = "6f1c2b9e-3d4a-4e5f-8a7b-0c1d2e3f4a5b"
        let value = APIKey.derive(uid: uid, masterKey: master)
        let admin: HTTPFields = [.authorization: "Bearer \(master)"]
        let limited: HTTPFields = [.authorization: "Bearer \(value)"]
        let search = "/indexes/prompts/search"
        return [
            .init(.get, "/keys", headers: admin, 200),
            .init(.get, "/keys?limit=1&offset=1", headers: admin, 200),
            .init(.get, "/keys?limit=x", headers: admin, 400),
            .init(.get, "/keys", 401),
            .init(.get, "/keys", headers: [.authorization: "Bearer wrong"], 403),
            .init(.get, search, 401),
            .init(.get, search, headers: [.authorization: "Bearer wrong"], 403),
            .init(.get, "/health", 200),
            .init(.post, "/keys", json: #"{"uid":"\#(uid)","name":"limited","actions":["search"],"indexes":["prompts"],"expiresAt":null,"rateLimit":1}"#, headers: admin, 201),
            .init(.post, "/keys", json: #"{"uid":"\#(uid)","actions":["search"],"indexes":["prompts"],"expiresAt":null}"#, headers: admin, 409),
            .init(.post, "/keys", json: #"{"actions":["fly"],"indexes":["prompts"],"expiresAt":null}"#, headers: admin, 400),
            .init(.post, "/keys", json: #"{"actions":["search"],"indexes":["prompts"]}"#, headers: admin, 400),
            .init(.post, "/keys", json: #"{"actions":["search"],"indexes":["*"],"expiresAt":"2099-12-31","description":"search, soon expired","owner":"*"}"#, headers: admin, 201),
            .init(.get, "/keys/\(uid)", headers: admin, 200),
            .init(.get, "/keys/\(value)", headers: admin, 200),
            .init(.get, "/keys/6f1c2b9e-3d4a-4e5f-8a7b-000000000000", headers: admin, 404),
            .init(.patch, "/keys/\(uid)", json: #"{"name":"renamed","description":null,"rateLimit":2}"#, headers: admin, 200),
            .init(.patch, "/keys/\(uid)", json: #"{"actions":["*"]}"#, headers: admin, 400),
            .init(.patch, "/keys/no-such-key", json: #"{"name":"x"}"#, headers: admin, 404),
            .init(.get, "/keys", headers: limited, 403),  // spends one of the key's two requests
            .init(.get, search, headers: limited, 200),
            .init(.get, search, headers: limited, 429),
            .init(.delete, "/keys/\(uid)", headers: admin, 204),
            .init(.delete, "/keys/\(uid)", headers: admin, 404),
            .init(.get, search, headers: limited, 403),
            .init(.put, "/keys", headers: admin, 405),
        ]
    }
}
