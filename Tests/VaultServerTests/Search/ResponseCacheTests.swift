import Foundation
import GRDB
import Testing
import VaultIngest
@testable import VaultServer

/// The response cache (``ResponseCache``) answers a repeated search only for the same snapshot and
/// the same visibility: an owner's token and the public see different answers to the same body, in
/// any order, each equal to SQL over the store; a committed ingest batch makes the next answer
/// fresh; `trending.seed` is never cached; the counters count hits and misses.
@Suite struct ResponseCacheTests {
    @Test func repeatsAreServedOnlyForTheSameSnapshotAndScope() async throws {
        let fixture = try AuthFixture()
        let minting = try fixture.state.keys.create(.init(actions: ["search"], indexes: ["*"], owner: "*"))
        let alicesToken = TokenMaker.token(claims: TokenMaker.claims(uid: minting.uid, rules: #"{"*":{"owner":"alice"}}"#), key: minting.key)
        let master = AuthFixture.masterKey
        let alicesHidden = try fixture.ids(where: "NOT \(AuthFixture.publicCondition) AND u.username = 'alice'")
        #expect(!alicesHidden.isEmpty)
        let body = #"{"q": "\#(AuthFixture.secretWord)", "limit": 100, "attributesToRetrieve": ["id"]}"#
        let cache = fixture.state.responses
        try await fixture.withClient { api async throws in
            for round in 0..<2 {
                for (name, key, expected) in [("public", master, Set<String>()), ("alice", alicesToken, alicesHidden), ("public again", master, Set<String>())] {
                    let answer = try await api.post("/indexes/prompts/search", key: key, body)
                    #expect(answer.status == .ok, Comment(rawValue: answer.text))
                    #expect(Self.ids(answer) == expected, Comment(rawValue: "round \(round) \(name): \(answer.text.prefix(300))"))
                }
            }
            // Two distinct (request, scope) pairs: the first answer of each was computed, the other four served.
            #expect(cache.counts.misses == 2 && cache.counts.hits == 4, Comment(rawValue: "\(cache.counts)"))

            // A committed batch: the same request now sees the new title.
            let word = "zeppelinvault"
            let before = try await api.post("/indexes/prompts/search", key: master, #"{"q": "\#(word)"}"#)
            #expect(Self.ids(before).isEmpty)
            let renamed = try Self.renamePublicPrompt(fixture, to: "\(word) planner")
            let served = try fixture.state.registry.index("prompts")
            let tailer = try Tailer(storePath: fixture.storePath, index: served.index, configuration: served.configuration) { _ in }
            #expect(try tailer.catchUp() > 0)
            let after = try await api.post("/indexes/prompts/search", key: master, #"{"q": "\#(word)"}"#)
            #expect(Self.ids(after) == [renamed], Comment(rawValue: after.text))

            // Time-dependent sorts are computed every time.
            let counts = cache.counts
            for _ in 0..<2 { _ = try await api.post("/indexes/prompts/search", key: master, #"{"q": "", "sort": ["trending.seed:desc"]}"#) }
            #expect(cache.counts.hits == counts.hits && cache.counts.misses == counts.misses)
        }
        try await fixture.shutdown()
    }

    /// Renames one public prompt in the store (with the change log installed first); returns its id.
    static func renamePublicPrompt(_ fixture: AuthFixture, to title: String) throws -> String {
        let queue = try DatabaseQueue(path: fixture.storePath)
        return try queue.write { db in
            try ChangeLog.install(try SourceConfiguration.promptVault(), in: db)
            let id = try Int64.fetchOne(db, sql: "SELECT id FROM prompts WHERE visibility = 'public' AND status = 'published' ORDER BY id LIMIT 1") ?? 0
            try db.execute(sql: "UPDATE prompts SET title = ? WHERE id = ?", arguments: [title, id])
            return String(id)
        }
    }

    static func ids(_ answer: APIClient.Answer) -> Set<String> {
        Set((answer["hits"]?.arrayValue ?? []).compactMap { hit -> String? in
            switch hit["id"] {
            case .integer(let id)?: return String(id)
            case .string(let text)?: return text
            default: return nil
            }
        })
    }
}
