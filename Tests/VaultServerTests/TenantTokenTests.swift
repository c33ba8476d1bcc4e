import Foundation
import Hummingbird
import Testing
@testable import VaultServer

/// Tenant tokens: signature, expiry, parent key, search rules (forced filters, indexes, owners).
@Suite struct TenantTokenTests {
    /// A parent key allowed to sign tokens for any owner, and the default search key (which may not).
    struct Keys {
        let minting: APIKey
        let search: APIKey
    }

    static func keys(_ fixture: AuthFixture) throws -> Keys {
        let minting = try fixture.state.keys.create(.init(name: "backend", actions: ["search"], indexes: ["*"], owner: "*"))
        let search = try #require(fixture.state.keys.all().first { $0.name == KeyStore.defaultSearchKeyName })
        return Keys(minting: minting, search: search)
    }

    static func everything(_ uid: String) -> String {
        "/indexes/\(uid)/search?limit=1000"
    }

    @Test func aForcedFilterCannotBeWidened() async throws {
        let fixture = try AuthFixture()
        let keys = try Self.keys(fixture)
        let python = try fixture.ids(where: "\(AuthFixture.publicCondition) AND \(AuthFixture.tagged("python"))")
        #expect(python.count >= 3)
        for algorithm in ["HS256", "HS384", "HS512"] {
            let token = TokenMaker.token(
                claims: TokenMaker.claims(uid: keys.search.uid, rules: #"{"prompts":{"filter":"tags = python"}}"#), key: keys.search.key, algorithm: algorithm)
            try await fixture.withClient { api async throws in
                let plain = try await api.get(Self.everything("prompts"), key: token)
                #expect(plain.status == .ok, Comment(rawValue: plain.text))
                #expect(Set(plain.hitIDs) == python, Comment(rawValue: algorithm))
                for filter in ["tags != python OR tags = python", "NOT tags = python", "tags != python"] {
                    let widened = try await api.post("/indexes/prompts/search", key: token, #"{"limit":1000,"filter":\#(jsonString(filter))}"#)
                    #expect(widened.status == .ok, Comment(rawValue: widened.text))
                    #expect(Set(widened.hitIDs).isSubset(of: python), Comment(rawValue: filter))
                }
                let either = try await api.post("/indexes/prompts/search", key: token, #"{"limit":1000,"filter":["tags != python OR tags = python"]}"#)
                #expect(Set(either.hitIDs) == python)
                // The same in multi-search, federated search, facet counts, facet search and similar.
                let multi = try await api.post("/multi-search", key: token, #"{"queries":[{"indexUid":"prompts","limit":1000,"filter":"tags != python OR tags = python"}]}"#)
                let first = multi["results"]?.arrayValue?.first
                #expect(Set(APIClient.Answer(status: .ok, headers: [:], json: first, text: "").hitIDs) == python)
                let federated = try await api.post("/multi-search", key: token, #"{"federation":{"limit":1000},"queries":[{"indexUid":"prompts","filter":"tags != python OR tags = python"}]}"#)
                #expect(Set(federated.hitIDs) == python)
                let facets = try await api.post("/indexes/prompts/search", key: token, #"{"limit":0,"facets":["tags"]}"#)
                #expect(facets["facetDistribution"]?.objectValue?["tags"]?.objectValue?["python"] == .integer(Int64(python.count)))
                let facetSearch = try await api.post("/indexes/prompts/facet-search", key: token, #"{"facetName":"tags","facetQuery":"py"}"#)
                let hits = facetSearch["facetHits"]?.arrayValue?.compactMap { $0.objectValue } ?? []
                #expect(hits.first { $0["value"] == .string("python") }?["count"] == .integer(Int64(python.count)), Comment(rawValue: facetSearch.text))
                let similar = try await api.get("/indexes/prompts/similar/\(python.sorted().first!)?limit=1000", key: token)
                #expect(similar.status == .ok, Comment(rawValue: similar.text))
                #expect(Set(similar.hitIDs).isSubset(of: python))
            }
        }
        try await fixture.shutdown()
    }

    @Test func badTokensAreRefused() async throws {
        let fixture = try AuthFixture()
        let keys = try Self.keys(fixture)
        let now = Int(Date().timeIntervalSince1970)
        let rules = #"["*"]"#
        let good = TokenMaker.token(claims: TokenMaker.claims(uid: keys.search.uid, rules: rules, exp: now + 600), key: keys.search.key)
        let noSearch = try fixture.state.keys.create(.init(actions: ["documents.get"], indexes: ["*"]))
        let expiredParent = try fixture.state.keys.create(.init(actions: ["search"], indexes: ["*"], expiresAt: Date().addingTimeInterval(-5)))
        let refused: [(String, String, String?)] = [
            ("expired", TokenMaker.token(claims: TokenMaker.claims(uid: keys.search.uid, rules: rules, exp: now - 10), key: keys.search.key), "expired"),
            ("wrong key", TokenMaker.token(claims: TokenMaker.claims(uid: keys.search.uid, rules: rules), key: keys.minting.key), nil),
            ("signed with the master key", TokenMaker.token(claims: TokenMaker.claims(uid: keys.search.uid, rules: rules), key: AuthFixture.masterKey), nil),
            ("unsigned", TokenMaker.unsigned(claims: TokenMaker.claims(uid: keys.search.uid, rules: rules)), "algorithm"),
            ("tampered", String(good.dropLast(2)) + (good.hasSuffix("AA") ? "BB" : "AA"), nil),
            ("unknown parent", TokenMaker.token(claims: TokenMaker.claims(uid: "7c7b1e5c-1f83-4c5e-9f52-6f8b8c1d2e3f", rules: rules), key: keys.search.key), nil),
            ("no apiKeyUid", TokenMaker.token(claims: #"{"searchRules":["*"]}"#, key: keys.search.key), "apiKeyUid"),
            ("no searchRules", TokenMaker.token(claims: #"{"apiKeyUid":"\#(keys.search.uid)"}"#, key: keys.search.key), "searchRules"),
            ("bad searchRules", TokenMaker.token(claims: TokenMaker.claims(uid: keys.search.uid, rules: "5"), key: keys.search.key), "searchRules"),
            ("bad filter", TokenMaker.token(claims: TokenMaker.claims(uid: keys.search.uid, rules: #"{"*":{"filter":"tags = "}}"#), key: keys.search.key), "filter"),
            ("unknown rule member", TokenMaker.token(claims: TokenMaker.claims(uid: keys.search.uid, rules: #"{"*":{"filtr":"tags = python"}}"#), key: keys.search.key), "filtr"),
            ("string exp", TokenMaker.token(claims: TokenMaker.claims(uid: keys.search.uid, rules: rules) .replacingOccurrences(of: "}", with: #","exp":"soon"}"#), key: keys.search.key), "exp"),
            ("parent without search", TokenMaker.token(claims: TokenMaker.claims(uid: noSearch.uid, rules: rules), key: noSearch.key), "search"),
            ("expired parent", TokenMaker.token(claims: TokenMaker.claims(uid: expiredParent.uid, rules: rules), key: expiredParent.key), "expired"),
            // The default search key may not grant an owner's scope (it is meant for browsers).
            ("owner from a search key", TokenMaker.token(claims: TokenMaker.claims(uid: keys.search.uid, rules: #"{"prompts":{"owner":"alice"}}"#), key: keys.search.key), "owner"),
            ("not a JWT", "a.b.c", "well-formed"),
        ]
        try await fixture.withClient { api async throws in
            #expect(try await api.get(Self.everything("prompts"), key: good).status == .ok)
            for (name, token, words) in refused {
                let answer = try await api.get(Self.everything("prompts"), key: token)
                #expect(answer.status == .forbidden, Comment(rawValue: "\(name): \(answer.text)"))
                #expect(answer.code == "invalid_api_key", Comment(rawValue: name))
                if let words { #expect(answer.message.contains(words), Comment(rawValue: "\(name): \(answer.message)")) }
            }
            // Deleting the parent kills its tokens.
            #expect(try await api.call(.delete, "/keys/\(keys.search.uid)", key: AuthFixture.masterKey).status == .noContent)
            #expect(try await api.get(Self.everything("prompts"), key: good).status == .forbidden)
        }
        try await fixture.shutdown()
    }

    @Test func tokensOnlySearch() async throws {
        let fixture = try AuthFixture()
        let admin = try #require(fixture.state.keys.all().first { $0.name == KeyStore.defaultAdminKeyName })
        let token = TokenMaker.token(claims: TokenMaker.claims(uid: admin.uid, rules: #"["*"]"#), key: admin.key)
        try await fixture.withClient { api async throws in
            #expect(try await api.get("/indexes/prompts/search", key: token).status == .ok)
            #expect(try await api.post("/multi-search", key: token, #"{"queries":[{"indexUid":"prompts"}]}"#).status == .ok)
            #expect(try await api.post("/indexes/prompts/facet-search", key: token, #"{"facetName":"tags"}"#).status == .ok)
            #expect(try await api.get("/indexes/prompts/similar/1", key: token).status == .ok)
            // A token of an admin key is still only a search token.
            for uri in ["/keys", "/indexes", "/indexes/prompts", "/indexes/prompts/documents", "/indexes/prompts/documents/1", "/stats", "/version"] {
                #expect(try await api.get(uri, key: token).status == .forbidden, Comment(rawValue: uri))
            }
        }
        try await fixture.shutdown()
    }

    @Test func aTokenForOneIndexCannotSearchAnother() async throws {
        let fixture = try AuthFixture()
        let keys = try Self.keys(fixture)
        let token = TokenMaker.token(claims: TokenMaker.claims(uid: keys.minting.uid, rules: #"{"archive":null}"#), key: keys.minting.key)
        let patterned = TokenMaker.token(claims: TokenMaker.claims(uid: keys.minting.uid, rules: #"["arch*"]"#), key: keys.minting.key)
        // A parent key limited to `prompts` cannot be widened by its token's rules.
        let promptsOnly = try fixture.state.keys.create(.init(actions: ["search"], indexes: ["prompts"]))
        let greedy = TokenMaker.token(claims: TokenMaker.claims(uid: promptsOnly.uid, rules: #"["*"]"#), key: promptsOnly.key)
        let visible = try fixture.ids(where: AuthFixture.publicCondition)
        try await fixture.withClient { api async throws in
            for token in [token, patterned] {
                let archive = try await api.get(Self.everything("archive"), key: token)
                #expect(archive.status == .ok)
                #expect(Set(archive.hitIDs) == visible)
                #expect(try await api.get(Self.everything("prompts"), key: token).status == .forbidden)
                let multi = try await api.post("/multi-search", key: token, #"{"queries":[{"indexUid":"archive"},{"indexUid":"prompts"}]}"#)
                #expect(multi.status == .forbidden)
                let federated = try await api.post("/multi-search", key: token, #"{"federation":{},"queries":[{"indexUid":"archive"},{"indexUid":"prompts"}]}"#)
                #expect(federated.status == .forbidden)
                #expect(try await api.post("/indexes/prompts/facet-search", key: token, #"{"facetName":"tags"}"#).status == .forbidden)
                #expect(try await api.get("/indexes/prompts/similar/1", key: token).status == .forbidden)
            }
            #expect(try await api.get(Self.everything("prompts"), key: greedy).status == .ok)
            #expect(try await api.get(Self.everything("archive"), key: greedy).status == .forbidden)
        }
        try await fixture.shutdown()
    }

    @Test func anOwnersTokenSeesTheirOwnPromptsAndNobodyElses() async throws {
        let fixture = try AuthFixture()
        let keys = try Self.keys(fixture)
        let alicesView = try fixture.ids(where: "\(AuthFixture.publicCondition) OR u.username = 'alice'")
        let alicesHidden = try fixture.ids(where: "NOT \(AuthFixture.publicCondition) AND u.username = 'alice'")
        let othersHidden = try fixture.ids(where: "NOT \(AuthFixture.publicCondition) AND u.username != 'alice'")
        let publicView = try fixture.ids(where: AuthFixture.publicCondition)
        #expect(alicesHidden.count == 16 && othersHidden.count == 32)
        let alice = TokenMaker.token(claims: TokenMaker.claims(uid: keys.minting.uid, rules: #"{"prompts":{"owner":"alice"}}"#), key: keys.minting.key)
        let aliceFiltered = TokenMaker.token(
            claims: TokenMaker.claims(uid: keys.minting.uid, rules: #"{"prompts":{"owner":"alice","filter":"tags = python"}}"#), key: keys.minting.key)
        let bobOnArchive = TokenMaker.token(
            claims: TokenMaker.claims(uid: keys.minting.uid, rules: #"{"prompts":{"owner":"alice"},"archive":{"owner":"bob"}}"#), key: keys.minting.key)
        // A key scoped to alice: sees her prompts itself, its tokens inherit her, and may name no one else.
        let alicesKey = try fixture.state.keys.create(.init(actions: ["search", "documents.get"], indexes: ["*"], owner: "alice"))
        let inherited = TokenMaker.token(claims: TokenMaker.claims(uid: alicesKey.uid, rules: #"["prompts"]"#), key: alicesKey.key)
        let impostor = TokenMaker.token(claims: TokenMaker.claims(uid: alicesKey.uid, rules: #"{"prompts":{"owner":"bob"}}"#), key: alicesKey.key)
        try await fixture.withClient { api async throws in
            for bearer in [alice, inherited, alicesKey.key] {
                let all = try await api.get(Self.everything("prompts"), key: bearer)
                #expect(Set(all.hitIDs) == alicesView, Comment(rawValue: all.text))
                let secret = try await api.get("/indexes/prompts/search?q=\(AuthFixture.secretWord)&limit=1000", key: bearer)
                #expect(Set(secret.hitIDs) == alicesHidden)
            }
            // Documents by id: alice's key sees hers, not bob's.
            for id in alicesHidden.prefix(3) {
                #expect(try await api.get("/indexes/prompts/documents/\(id)", key: alicesKey.key).status == .ok)
            }
            for id in othersHidden.prefix(3) {
                #expect(try await api.get("/indexes/prompts/documents/\(id)", key: alicesKey.key).status == .notFound)
            }
            let python = try fixture.ids(where: "(\(AuthFixture.publicCondition) OR u.username = 'alice') AND \(AuthFixture.tagged("python"))")
            let filtered = try await api.post("/indexes/prompts/search", key: aliceFiltered, #"{"limit":1000,"filter":"tags != python OR tags = python"}"#)
            #expect(Set(filtered.hitIDs) == python)
            // Each index its own owner.
            let onArchive = try await api.get(Self.everything("archive"), key: bobOnArchive)
            #expect(Set(onArchive.hitIDs) == (try fixture.ids(where: "\(AuthFixture.publicCondition) OR u.username = 'bob'")))
            #expect(Set(try await api.get(Self.everything("prompts"), key: bobOnArchive).hitIDs) == alicesView)
            // Bob is not alice's to grant.
            let refused = try await api.get(Self.everything("prompts"), key: impostor)
            #expect(refused.status == .forbidden)
            #expect(refused.message.contains("owner"))
            // Without an owner, public prompts only.
            let plain = TokenMaker.token(claims: TokenMaker.claims(uid: keys.minting.uid, rules: #"["*"]"#), key: keys.minting.key)
            #expect(Set(try await api.get(Self.everything("prompts"), key: plain).hitIDs) == publicView)
            // The minting key itself (`owner: *`) sees public prompts only.
            #expect(Set(try await api.get(Self.everything("prompts"), key: keys.minting.key).hitIDs) == publicView)
        }
        try await fixture.shutdown()
    }

    @Test func verifiedGrantsCarryTheRules() async throws {
        let fixture = try AuthFixture()
        let keys = try Self.keys(fixture)
        let token = TokenMaker.token(
            claims: TokenMaker.claims(uid: keys.minting.uid, rules: #"{"prompts":{"filter":[["tags = sql","tags = poem"],"model = gpt-4o"],"owner":"carol"},"arch*":{}}"#),
            key: keys.minting.key)
        let (grant, parent) = try await TenantToken.verify(token, keys: fixture.state.keys)
        #expect(parent.uid == keys.minting.uid)
        #expect(grant.keyUID == keys.minting.uid)
        #expect(grant.actions == ["search"])
        #expect(grant.scope(for: "prompts") == .owner("carol"))
        #expect(grant.scope(for: "archive") == .publicOnly)
        #expect(grant.forcedFilter(for: "prompts") != nil)
        #expect(grant.forcedFilter(for: "archive") == nil)
        #expect(grant.allows("search", index: "archive") && grant.allows("search", index: "prompts"))
        #expect(!grant.allows("search", index: "listings"))
        #expect(!grant.allows("documents.get", index: "prompts"))
        try await fixture.shutdown()
    }
}
