import Foundation
import Hummingbird
import Testing
@testable import VaultServer

/// The master key, API keys as bearer values, open paths, and a daemon without a master key.
@Suite struct AuthenticationTests {
    @Test func everyGuardedRouteWantsAKey() async throws {
        let fixture = try AuthFixture()
        try await fixture.withClient { api async throws in
            let guarded: [(HTTPRequest.Method, String, String?)] = [
                (.get, "/indexes", nil), (.get, "/indexes/prompts", nil), (.get, "/indexes/prompts/settings", nil),
                (.get, "/indexes/prompts/stats", nil), (.get, "/stats", nil), (.get, "/version", nil),
                (.get, "/indexes/prompts/search?q=guide", nil), (.post, "/indexes/prompts/search", "{}"),
                (.post, "/multi-search", #"{"queries":[]}"#), (.post, "/indexes/prompts/facet-search", #"{"facetName":"tags"}"#),
                (.get, "/indexes/prompts/documents", nil), (.get, "/indexes/prompts/documents/1", nil),
                (.post, "/indexes/prompts/documents/fetch", "{}"), (.get, "/indexes/prompts/similar/1", nil),
                (.get, "/keys", nil), (.post, "/keys", "{}"), (.delete, "/keys/x", nil),
                (.get, "/no-such-route", nil),
            ]
            for (method, uri, body) in guarded {
                let missing = try await api.call(method, uri, body: body)
                #expect(missing.status == .unauthorized, Comment(rawValue: "\(method) \(uri)"))
                #expect(missing.code == "missing_authorization_header", Comment(rawValue: "\(method) \(uri)"))
                #expect(missing["type"]?.stringValue == "auth")
                #expect(missing["link"]?.stringValue == "https://docs.meilisearch.com/errors#missing_authorization_header")
                let wrong = try await api.call(method, uri, key: "not-the-master-key", body: body)
                #expect(wrong.status == .forbidden, Comment(rawValue: "\(method) \(uri)"))
                #expect(wrong.code == "invalid_api_key", Comment(rawValue: "\(method) \(uri)"))
            }
            // Another scheme is no bearer token.
            let basic = try await api.call(.get, "/indexes", headers: [.authorization: "Basic \(AuthFixture.masterKey)"])
            #expect(basic.status == .unauthorized)
            // The master key opens every route.
            for uri in ["/indexes", "/stats", "/version", "/keys", "/indexes/prompts/search?q=guide"] {
                let answer = try await api.get(uri, key: AuthFixture.masterKey)
                #expect(answer.status == .ok, Comment(rawValue: "\(uri): \(answer.text)"))
            }
            // A prefix or an extension of the master key is not it.
            #expect(try await api.get("/indexes", key: String(AuthFixture.masterKey.dropLast())).status == .forbidden)
            #expect(try await api.get("/indexes", key: AuthFixture.masterKey + "x").status == .forbidden)
        }
        try await fixture.shutdown()
    }

    @Test func healthAndThePageStayOpen() async throws {
        let fixture = try AuthFixture()
        try await fixture.withClient { api async throws in
            let health = try await api.get("/health")
            #expect(health.status == .ok)
            #expect(health["status"]?.stringValue == "available")
            // The search page and its assets need no key (the page asks for one when the API refuses).
            let page = try await api.get("/")
            #expect(page.status == .ok)
            #expect(page.text.contains("<html"))
            #expect(try await api.get("/assets/page.js").status == .ok)
            #expect(try await api.get("/assets/page.css").status == .ok)
            #expect(try await api.get("/assets/nothing.js").status == .notFound)
            // No spelling of an API route passes as an asset.
            for uri in ["/assets/../keys", "/assets/%2e%2e/keys", "/assets//keys", "/assets/./keys", "/assets/", "/assets", "//keys", "/health/../keys"] {
                let answer = try await api.get(uri)
                #expect(answer.status == .unauthorized || answer.status == .notFound, Comment(rawValue: uri))
                #expect(answer["results"] == nil, Comment(rawValue: uri))
            }
        }
        #expect(AuthenticationMiddleware.isOpen("/health"))
        #expect(AuthenticationMiddleware.isOpen("/assets/css/site.css"))
        for path in ["/assets/../keys", "/assets/%2e%2e/keys", "/assets//x", "/assets/.", "/assets/", "/keys", "/healthz", "/health/x"] {
            #expect(!AuthenticationMiddleware.isOpen(path), Comment(rawValue: path))
        }
        try await fixture.shutdown()
    }

    @Test func withoutAMasterKeyEverythingIsOpenButKeys() async throws {
        let fixture = try AuthFixture(masterKey: nil)
        try await fixture.withClient { api async throws in
            #expect(try await api.get("/indexes").status == .ok)
            #expect(try await api.get("/indexes/prompts/search?q=guide", key: "anything").status == .ok)
            let keys = try await api.get("/keys")
            #expect(keys.status == .unauthorized)
            #expect(keys.code == "missing_master_key")
        }
        #expect(!FileManager.default.fileExists(atPath: fixture.dataDirectory + "/keys.json"))
        try await fixture.shutdown()
    }

    @Test func defaultKeysAreMeilisearchs() async throws {
        let fixture = try AuthFixture()
        let keys = fixture.state.keys.all()
        let search = try #require(keys.first { $0.name == KeyStore.defaultSearchKeyName })
        let admin = try #require(keys.first { $0.name == KeyStore.defaultAdminKeyName })
        #expect(keys.count == 2)
        #expect(search.actions == ["search"] && search.indexes == ["*"] && search.expiresAt == nil)
        #expect(admin.actions == ["*"] && admin.indexes == ["*"] && admin.expiresAt == nil)
        try await fixture.withClient { api async throws in
            // The search key searches every index and nothing else.
            #expect(try await api.get("/indexes/prompts/search?q=guide", key: search.key).status == .ok)
            #expect(try await api.post("/multi-search", key: search.key, #"{"queries":[{"indexUid":"archive","q":"guide"}]}"#).status == .ok)
            #expect(try await api.post("/indexes/prompts/facet-search", key: search.key, #"{"facetName":"tags"}"#).status == .ok)
            #expect(try await api.get("/indexes/prompts/similar/1", key: search.key).status == .ok)
            for uri in ["/indexes", "/indexes/prompts/documents", "/indexes/prompts/documents/1", "/stats", "/version", "/indexes/prompts/settings"] {
                let answer = try await api.get(uri, key: search.key)
                #expect(answer.status == .forbidden, Comment(rawValue: uri))
                #expect(answer.code == "invalid_api_key", Comment(rawValue: uri))
            }
            // ...and never reaches /keys.
            #expect(try await api.get("/keys", key: search.key).status == .forbidden)
            #expect(try await api.get("/keys/\(search.uid)", key: search.key).status == .forbidden)
            #expect(try await api.post("/keys", key: search.key, #"{"actions":["*"],"indexes":["*"],"expiresAt":null}"#).status == .forbidden)
            #expect(try await api.call(.patch, "/keys/\(search.uid)", key: search.key, body: #"{"name":"x"}"#).status == .forbidden)
            #expect(try await api.call(.delete, "/keys/\(admin.uid)", key: search.key).status == .forbidden)
            #expect(fixture.state.keys.all().count == 2)
            // The admin key ("*", as in Meilisearch) reaches everything, /keys included.
            for uri in ["/indexes", "/indexes/prompts/documents", "/stats", "/version", "/keys"] {
                #expect(try await api.get(uri, key: admin.key).status == .ok, Comment(rawValue: uri))
            }
        }
        try await fixture.shutdown()
    }

    @Test func keysAreScopedToTheirActionsAndIndexes() async throws {
        let fixture = try AuthFixture()
        let archiveReader = try fixture.state.keys.create(.init(actions: ["documents.get", "indexes.*"], indexes: ["arch*"]))
        let expired = try fixture.state.keys.create(.init(actions: ["*"], indexes: ["*"], expiresAt: Date().addingTimeInterval(-1)))
        try await fixture.withClient { api async throws in
            #expect(try await api.get("/indexes/archive/documents", key: archiveReader.key).status == .ok)
            #expect(try await api.get("/indexes/archive", key: archiveReader.key).status == .ok)
            #expect(try await api.get("/indexes/prompts/documents", key: archiveReader.key).status == .forbidden)
            #expect(try await api.get("/indexes/archive/search", key: archiveReader.key).status == .forbidden)
            // GET /indexes lists only the indexes the key may see.
            let listed = try await api.get("/indexes", key: archiveReader.key)
            #expect(listed["results"]?.arrayValue?.compactMap { $0.objectValue?["uid"]?.stringValue } == ["archive"])
            let refused = try await api.get("/indexes", key: expired.key)
            #expect(refused.status == .forbidden)
            #expect(refused.code == "invalid_api_key")
            #expect(refused.message.contains("expired"))
        }
        try await fixture.shutdown()
    }
}
