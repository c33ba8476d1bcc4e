import Foundation
import Hummingbird
import Testing
@testable import VaultServer

/// The security promise of the daemon, over every route and the parameters that could reveal a
/// document: a private, unlisted, draft or archived prompt never reaches a request without its
/// owner's scope — not its title, id, count, facet value, highlight, suggestion, similar hit,
/// document fetch or stats — whether the request uses the master key, an API key, or a tenant
/// token; and an owner's scope shows that owner's prompts and nobody else's.
///
/// Every expectation is SQL over the fixture's store. Every hidden prompt carries the word
/// `marzipan`, the tag `secret-stash` and the category `hidden-drafts`, which no visible prompt
/// has, so a leak of any kind shows as one of them somewhere in a response.
@Suite struct VisibilityTests {
    static let secrets = [AuthFixture.secretWord, AuthFixture.secretTag, AuthFixture.secretCategory]

    /// The strings of `value` containing a secret, outside `query`/`facetQuery` (which echo the request).
    static func leaks(_ value: JSONValue?) -> [String] {
        switch value {
        case .string(let text)?: return secrets.contains { text.lowercased().contains($0) } ? [text] : []
        case .array(let elements)?: return elements.flatMap { leaks($0) }
        case .object(let object)?:
            return object.members.flatMap { member in
                (member.key == "query" || member.key == "facetQuery" ? [] : leaks(member.value))
                    + (secrets.contains { member.key.lowercased().contains($0) } ? [member.key] : [])
            }
        default: return []
        }
    }

    /// The requests a search-capable bearer sends; each answer must leak nothing and list only visible ids.
    static let searches: [(HTTPRequest.Method, String, String?)] = [
        (.get, "/indexes/prompts/search?q=marzipan&limit=1000", nil),
        (.get, "/indexes/prompts/search?q=marzipam", nil),  // did-you-mean
        (.get, "/indexes/prompts/search?q=marzip", nil),  // prefix
        (.post, "/indexes/prompts/search", #"{"q":"marzipan guide","matchingStrategy":"last","limit":1000,"attributesToHighlight":["*"],"attributesToCrop":["content"],"showMatchesPosition":true}"#),
        (.post, "/indexes/prompts/search", #"{"q":"guide","limit":1000,"attributesToHighlight":["*"],"showRankingScore":true}"#),
        (.post, "/indexes/prompts/search", #"{"page":1,"hitsPerPage":1000,"facets":["*"]}"#),
        (.post, "/indexes/prompts/search", #"{"limit":1000,"facets":["tags","category","category.lvl0","category.lvl1","visibility","status","author"]}"#),
        (.post, "/indexes/prompts/search", #"{"limit":1000,"filter":"visibility = private OR visibility = unlisted OR status = draft OR status = archived"}"#),
        (.post, "/indexes/prompts/search", #"{"limit":1000,"filter":"tags = \"secret-stash\" OR category = \"hidden-drafts\""}"#),
        (.post, "/indexes/prompts/search", #"{"limit":1000,"filter":"NOT (visibility = public AND status = published)"}"#),
        (.post, "/indexes/prompts/search", #"{"limit":1000,"sort":["views:desc"],"distinct":"family"}"#),
        (.post, "/indexes/prompts/facet-search", #"{"facetName":"tags","facetQuery":"secret"}"#),
        (.post, "/indexes/prompts/facet-search", #"{"facetName":"tags","facetQuery":"sec","q":"marzipan"}"#),
        (.post, "/indexes/prompts/facet-search", #"{"facetName":"category","facetQuery":"hidden"}"#),
        (.post, "/indexes/prompts/facet-search", #"{"facetName":"visibility"}"#),
        (.post, "/indexes/prompts/facet-search", #"{"facetName":"status"}"#),
        (.post, "/multi-search", #"{"queries":[{"indexUid":"prompts","q":"marzipan","limit":1000},{"indexUid":"archive","q":"marzipan","facets":["tags"],"limit":1000}]}"#),
        (.post, "/multi-search", #"{"federation":{"limit":1000},"queries":[{"indexUid":"prompts","q":"marzipan"},{"indexUid":"archive","q":"marzipan"}]}"#),
        (.get, "/indexes/prompts/similar/1?limit=1000", nil),
        (.post, "/indexes/prompts/similar", #"{"id":"1","limit":1000,"filter":"tags = \"secret-stash\" OR tags = python"}"#),
    ]

    /// The requests only a bearer with `documents.get` and `stats.get` sends.
    static let reads: [(HTTPRequest.Method, String, String?)] = [
        (.get, "/indexes/prompts/documents?limit=1000", nil),
        (.get, "/indexes/prompts/documents?limit=1000&filter=visibility%20%3D%20private", nil),
        (.post, "/indexes/prompts/documents/fetch", #"{"limit":1000,"filter":"tags = \"secret-stash\""}"#),
        (.get, "/stats", nil),
        (.get, "/indexes/prompts/stats", nil),
        (.get, "/indexes/archive/stats", nil),
    ]

    /// All ids in the hits or results of an answer (multi-search included).
    static func ids(_ answer: APIClient.Answer) -> Set<String> {
        var out = Set(answer.hitIDs)
        for result in answer["results"]?.arrayValue ?? [] {
            out.formUnion(APIClient.Answer(status: .ok, headers: [:], json: result, text: "").hitIDs)
        }
        return out
    }

    @Test func nothingHiddenReachesARequestWithoutItsOwner() async throws {
        let fixture = try AuthFixture()
        let searchKey = try #require(fixture.state.keys.all().first { $0.name == KeyStore.defaultSearchKeyName })
        let adminKey = try #require(fixture.state.keys.all().first { $0.name == KeyStore.defaultAdminKeyName })
        let minting = try fixture.state.keys.create(.init(actions: ["search"], indexes: ["*"], owner: "*"))
        let plainToken = TokenMaker.token(claims: TokenMaker.claims(uid: minting.uid, rules: #"["*"]"#), key: minting.key)
        let visible = try fixture.ids(where: AuthFixture.publicCondition)
        let hidden = try fixture.ids(where: "NOT \(AuthFixture.publicCondition)")
        #expect(visible.count == 6 && hidden.count == 48)

        try await fixture.withClient { api async throws in
            for (name, bearer, reads) in [("master key", AuthFixture.masterKey, true), ("admin key", adminKey.key, true),
                                          ("search key", searchKey.key, false), ("tenant token", plainToken, false)] {
                for (method, uri, body) in Self.searches + (reads ? Self.reads : []) {
                    let answer = try await api.call(method, uri, key: bearer, body: body)
                    let label = Comment(rawValue: "\(name): \(method) \(uri) \(body ?? ""): \(answer.text.prefix(300))")
                    #expect(answer.status == .ok, label)
                    #expect(Self.leaks(answer.json).isEmpty, label)
                    #expect(Self.ids(answer).isSubset(of: visible), label)
                }
                // Counts are of visible prompts only.
                let paged = try await api.post("/indexes/prompts/search", key: bearer, #"{"page":1,"hitsPerPage":1000,"facets":["visibility","status"]}"#)
                #expect(paged["totalHits"] == .integer(Int64(visible.count)))
                #expect(paged["facetDistribution"]?.objectValue?["visibility"] == .object(JSONObject([("public", .integer(Int64(visible.count)))])))
                #expect(paged["facetDistribution"]?.objectValue?["status"] == .object(JSONObject([("published", .integer(Int64(visible.count)))])))
                #expect(Set(paged.hitIDs) == visible)
                // A hidden prompt does not exist, by id, as a document or as the subject of a similar search.
                for id in hidden.sorted() {
                    let similar = try await api.get("/indexes/prompts/similar/\(id)", key: bearer)
                    #expect(similar.status == .notFound && similar.code == "document_not_found", Comment(rawValue: "\(name): similar \(id)"))
                    if reads {
                        let document = try await api.get("/indexes/prompts/documents/\(id)", key: bearer)
                        #expect(document.status == .notFound && document.code == "document_not_found", Comment(rawValue: "\(name): document \(id)"))
                    }
                }
                if reads {
                    let documents = try await api.get("/indexes/prompts/documents?limit=1000", key: bearer)
                    #expect(Set(documents.hitIDs) == visible)
                    #expect(documents["total"] == .integer(Int64(visible.count)))
                    let stats = try await api.get("/stats", key: bearer)
                    for uid in ["prompts", "archive"] {
                        #expect(stats["indexes"]?.objectValue?[uid]?.objectValue?["numberOfDocuments"] == .integer(Int64(visible.count)))
                    }
                }
            }
        }
        try await fixture.shutdown()
    }

    @Test func anOwnersScopeShowsTheirsAndNobodyElses() async throws {
        let fixture = try AuthFixture()
        let minting = try fixture.state.keys.create(.init(actions: ["search"], indexes: ["*"], owner: "*"))
        let bobsKey = try fixture.state.keys.create(.init(actions: ["*"], indexes: ["*"], owner: "bob"))
        let bobsToken = TokenMaker.token(claims: TokenMaker.claims(uid: minting.uid, rules: #"{"*":{"owner":"bob"}}"#), key: minting.key)
        let bobsView = try fixture.ids(where: "\(AuthFixture.publicCondition) OR u.username = 'bob'")
        let bobsHidden = try fixture.ids(where: "NOT \(AuthFixture.publicCondition) AND u.username = 'bob'")
        let othersHidden = try fixture.ids(where: "NOT \(AuthFixture.publicCondition) AND u.username != 'bob'")
        let bobsSecretTagged = try fixture.ids(where: "(\(AuthFixture.publicCondition) OR u.username = 'bob') AND \(AuthFixture.tagged(AuthFixture.secretTag))")
        #expect(bobsSecretTagged == bobsHidden)

        try await fixture.withClient { api async throws in
            for (name, bearer, reads) in [("bob's key", bobsKey.key, true), ("bob's token", bobsToken, false)] {
                for (method, uri, body) in Self.searches + (reads ? Self.reads : []) {
                    let answer = try await api.call(method, uri, key: bearer, body: body)
                    let label = Comment(rawValue: "\(name): \(method) \(uri) \(body ?? ""): \(answer.text.prefix(300))")
                    #expect(answer.status == .ok, label)
                    #expect(Self.ids(answer).isSubset(of: bobsView), label)
                }
                let all = try await api.post("/indexes/prompts/search", key: bearer, #"{"page":1,"hitsPerPage":1000,"facets":["tags","author"]}"#)
                #expect(Set(all.hitIDs) == bobsView)
                #expect(all["totalHits"] == .integer(Int64(bobsView.count)))
                let tags = all["facetDistribution"]?.objectValue?["tags"]?.objectValue
                #expect(tags?[AuthFixture.secretTag] == .integer(Int64(bobsHidden.count)))
                let authors = all["facetDistribution"]?.objectValue?["author"]?.objectValue
                let visibleByAuthor = try fixture.ids(where: "\(AuthFixture.publicCondition) AND u.username = 'alice'")
                #expect(authors?["alice"] == .integer(Int64(visibleByAuthor.count)))
                let secret = try await api.get("/indexes/prompts/search?q=marzipan&limit=1000", key: bearer)
                #expect(Set(secret.hitIDs) == bobsHidden)
                let facetSearch = try await api.post("/indexes/prompts/facet-search", key: bearer, #"{"facetName":"tags","facetQuery":"secret"}"#)
                #expect(facetSearch["facetHits"] == .array([.object(JSONObject([("value", .string(AuthFixture.secretTag)), ("count", .integer(Int64(bobsHidden.count)))]))]))
                for id in othersHidden.sorted() {
                    #expect(try await api.get("/indexes/prompts/similar/\(id)", key: bearer).status == .notFound, Comment(rawValue: "\(name): similar \(id)"))
                    if reads { #expect(try await api.get("/indexes/prompts/documents/\(id)", key: bearer).status == .notFound) }
                }
                for id in bobsHidden.sorted().prefix(4) {
                    let similar = try await api.get("/indexes/prompts/similar/\(id)?limit=1000", key: bearer)
                    #expect(similar.status == .ok)
                    #expect(Set(similar.hitIDs).isSubset(of: bobsView))
                    if reads { #expect(try await api.get("/indexes/prompts/documents/\(id)", key: bearer).status == .ok) }
                }
                if reads {
                    let stats = try await api.get("/indexes/prompts/stats", key: bearer)
                    #expect(stats["numberOfDocuments"] == .integer(Int64(bobsView.count)))
                }
            }
        }
        try await fixture.shutdown()
    }
}
