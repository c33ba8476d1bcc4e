import Crypto
import Foundation
import Hummingbird
import Testing
@testable import VaultServer

/// `/keys` in Meilisearch's format: create, read, list, update, delete, validation, persistence,
/// and the key derivation.
@Suite struct KeyRoutesTests {
    static let master = AuthFixture.masterKey

    /// hex(HMAC-SHA256(master, uid)), computed here with swift-crypto.
    static func expectedKey(uid: String, master: String) -> String {
        HMAC<SHA256>.authenticationCode(for: Array(uid.utf8), using: SymmetricKey(data: Array(master.utf8)))
            .map { String(format: "%02x", $0) }.joined()
    }

    @Test func derivationIsMeilisearchs() {
        // A fixed vector, computed independently (Python: hmac.new(b"masterKey", uid.encode(), sha256).hexdigest()).
        #expect(APIKey.derive(uid: "01b4bc42-eb33-4041-b481-254d00cce834", masterKey: "masterKey")
            == "c0536fb6af5da53e82e0265d9bbcf9a2b32029bc7d837e049eaf7299608a688e")
        for _ in 0..<20 {
            let uid = UUID().uuidString.lowercased()
            #expect(APIKey.derive(uid: uid, masterKey: Self.master) == Self.expectedKey(uid: uid, master: Self.master))
        }
    }

    @Test func roundTripAndPersistence() async throws {
        let fixture = try AuthFixture()
        let uid = "d0552b41-536b-4c1a-a8d4-8d3b7d1c3a05"
        let created = try await fixture.withClient { api async throws in
            let body = #"{"uid":"\#(uid)","name":"Site backend","description":"Mints tenant tokens","actions":["search","documents.get"],"indexes":["prompts","arch*"],"expiresAt":"2099-01-02T03:04:05Z","rateLimit":500,"owner":"*"}"#
            let answer = try await api.post("/keys", key: Self.master, body)
            #expect(answer.status == .created, Comment(rawValue: answer.text))
            let object = try #require(answer.json?.objectValue)
            #expect(object.keys == ["name", "description", "key", "uid", "actions", "indexes", "expiresAt", "createdAt", "updatedAt", "rateLimit", "owner"])
            #expect(object["uid"] == .string(uid))
            #expect(object["key"] == .string(Self.expectedKey(uid: uid, master: Self.master)))
            #expect(object["name"] == .string("Site backend"))
            #expect(object["actions"] == .array([.string("search"), .string("documents.get")]))
            #expect(object["indexes"] == .array([.string("prompts"), .string("arch*")]))
            #expect(object["expiresAt"] == .string("2099-01-02T03:04:05.000Z"))
            #expect(object["rateLimit"] == .integer(500))
            #expect(object["owner"] == .string("*"))

            // Read back by uid and by key value.
            let byUID = try await api.get("/keys/\(uid)", key: Self.master)
            let byKey = try await api.get("/keys/\(Self.expectedKey(uid: uid, master: Self.master))", key: Self.master)
            #expect(byUID.json == answer.json)
            #expect(byKey.json == answer.json)

            // Listed first (newest first), after the two default keys were created.
            let list = try await api.get("/keys?offset=0&limit=2", key: Self.master)
            #expect(list["total"] == .integer(3))
            #expect(list["limit"] == .integer(2) && list["offset"] == .integer(0))
            #expect(list["results"]?.arrayValue?.first == answer.json)
            let rest = try await api.get("/keys?offset=2", key: Self.master)
            #expect(rest["results"]?.arrayValue?.count == 1)

            // PATCH: name and description only.
            let patched = try await api.call(.patch, "/keys/\(uid)", key: Self.master, body: #"{"name":"Renamed","description":null}"#)
            #expect(patched.status == .ok, Comment(rawValue: patched.text))
            #expect(patched["name"] == .string("Renamed"))
            #expect(patched["description"] == .null)
            #expect(patched["actions"] == object["actions"])
            for (field, value) in [("actions", #"["*"]"#), ("indexes", #"["*"]"#), ("expiresAt", "null"), ("uid", #""x""#), ("key", #""x""#),
                                   ("createdAt", #""2020-01-01""#), ("updatedAt", #""2020-01-01""#), ("owner", #""bob""#)] {
                let refused = try await api.call(.patch, "/keys/\(uid)", key: Self.master, body: "{\"\(field)\":\(value)}")
                #expect(refused.status == .badRequest, Comment(rawValue: field))
                #expect(refused.code == "immutable_api_key_" + field.snakeCased, Comment(rawValue: field))
            }
            // The rate limit may change (and be lifted); nothing else did.
            let limited = try await api.call(.patch, "/keys/\(uid)", key: Self.master, body: #"{"rateLimit":50}"#)
            #expect(limited["rateLimit"] == .integer(50))
            #expect(try await api.call(.patch, "/keys/\(uid)", key: Self.master, body: #"{"rateLimit":0}"#).code == "invalid_api_key_rate_limit")
            let restored = try await api.call(.patch, "/keys/\(uid)", key: Self.master, body: #"{"rateLimit":500}"#)
            #expect(restored["rateLimit"] == .integer(500) && restored["name"] == .string("Renamed"))
            #expect(try await api.call(.patch, "/keys/nope", key: Self.master, body: #"{"name":"x"}"#).code == "api_key_not_found")
            #expect(try await api.call(.patch, "/keys/\(uid)", key: Self.master, body: #"{"colour":"red"}"#).code == "bad_request")
            #expect(try await api.call(.patch, "/keys/\(uid)", key: Self.master, body: #"{"name":5}"#).code == "invalid_api_key_name")
            return try #require(restored.json)
        }

        // The file: mode 0600, no secret in it.
        let path = fixture.dataDirectory + "/keys.json"
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(!text.contains(Self.expectedKey(uid: uid, master: Self.master)))
        #expect(text.contains(uid))
        #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.dataDirectory) == ["keys.json"])

        // A new state over the same data directory serves the same keys.
        let restarted = try fixture.restarted()
        try await fixture.withClient(restarted) { api async throws in
            let again = try await api.get("/keys/\(uid)", key: Self.master)
            #expect(again.json == created)
            #expect(again["key"] == .string(Self.expectedKey(uid: uid, master: Self.master)))
            #expect(try await api.get("/keys", key: Self.master)["total"] == .integer(3))
            // The key works as a bearer value there.
            #expect(try await api.get("/indexes/prompts/search?q=guide", key: Self.expectedKey(uid: uid, master: Self.master)).status == .ok)
            // Delete: 204, then gone, and no longer a key.
            let deleted = try await api.call(.delete, "/keys/\(uid)", key: Self.master)
            #expect(deleted.status == .noContent)
            #expect(deleted.text.isEmpty)
            #expect(try await api.get("/keys/\(uid)", key: Self.master).code == "api_key_not_found")
            #expect(try await api.call(.delete, "/keys/\(uid)", key: Self.master).status == .notFound)
            #expect(try await api.get("/indexes/prompts/search?q=guide", key: Self.expectedKey(uid: uid, master: Self.master)).status == .forbidden)
        }
        // Deleted for good.
        let third = try fixture.restarted()
        #expect(third.keys.key(uid) == nil)
        #expect(third.keys.all().count == 2)
        // Another master key derives other values for the same uids.
        let rekeyed = try fixture.restarted(masterKey: "another-master-key-9876543210")
        #expect(Set(rekeyed.keys.all().map(\.uid)) == Set(third.keys.all().map(\.uid)))
        #expect(Set(rekeyed.keys.all().map(\.key)).isDisjoint(with: Set(third.keys.all().map(\.key))))
        try await fixture.shutdown(restarted, third, rekeyed)
    }

    @Test func createValidation() async throws {
        let fixture = try AuthFixture()
        try await fixture.withClient { api async throws in
            let cases: [(String, HTTPResponse.Status, String)] = [
                (#"{"indexes":["*"],"expiresAt":null}"#, .badRequest, "missing_api_key_actions"),
                (#"{"actions":["search"],"expiresAt":null}"#, .badRequest, "missing_api_key_indexes"),
                (#"{"actions":["search"],"indexes":["*"]}"#, .badRequest, "missing_api_key_expires_at"),
                (#"{"actions":["searchh"],"indexes":["*"],"expiresAt":null}"#, .badRequest, "invalid_api_key_actions"),
                (#"{"actions":"search","indexes":["*"],"expiresAt":null}"#, .badRequest, "invalid_api_key_actions"),
                (#"{"actions":[1],"indexes":["*"],"expiresAt":null}"#, .badRequest, "invalid_api_key_actions"),
                (#"{"actions":["search"],"indexes":[],"expiresAt":null}"#, .badRequest, "invalid_api_key_indexes"),
                (#"{"actions":["search"],"indexes":["bad uid"],"expiresAt":null}"#, .badRequest, "invalid_api_key_indexes"),
                (#"{"actions":["search"],"indexes":"*","expiresAt":null}"#, .badRequest, "invalid_api_key_indexes"),
                (#"{"actions":["search"],"indexes":["*"],"expiresAt":"2001-01-01T00:00:00Z"}"#, .badRequest, "invalid_api_key_expires_at"),
                (#"{"actions":["search"],"indexes":["*"],"expiresAt":"tomorrow"}"#, .badRequest, "invalid_api_key_expires_at"),
                (#"{"actions":["search"],"indexes":["*"],"expiresAt":5}"#, .badRequest, "invalid_api_key_expires_at"),
                (#"{"actions":["search"],"indexes":["*"],"expiresAt":null,"name":7}"#, .badRequest, "invalid_api_key_name"),
                (#"{"actions":["search"],"indexes":["*"],"expiresAt":null,"description":[]}"#, .badRequest, "invalid_api_key_description"),
                (#"{"actions":["search"],"indexes":["*"],"expiresAt":null,"uid":"not-a-uuid"}"#, .badRequest, "invalid_api_key_uid"),
                (#"{"actions":["search"],"indexes":["*"],"expiresAt":null,"uid":"d0552b41-536b-1c1a-a8d4-8d3b7d1c3a05"}"#, .badRequest, "invalid_api_key_uid"),
                (#"{"actions":["search"],"indexes":["*"],"expiresAt":null,"rateLimit":0}"#, .badRequest, "invalid_api_key_rate_limit"),
                (#"{"actions":["search"],"indexes":["*"],"expiresAt":null,"rateLimit":"many"}"#, .badRequest, "invalid_api_key_rate_limit"),
                (#"{"actions":["search"],"indexes":["*"],"expiresAt":null,"owner":""}"#, .badRequest, "invalid_api_key_owner"),
                (#"{"actions":["search"],"indexes":["*"],"expiresAt":null,"colour":"red"}"#, .badRequest, "bad_request"),
                ("[]", .badRequest, "bad_request"),
                ("", .badRequest, "missing_payload"),
                ("{", .badRequest, "malformed_payload"),
            ]
            for (body, status, code) in cases {
                let answer = try await api.post("/keys", key: Self.master, body)
                #expect(answer.status == status, Comment(rawValue: "\(body): \(answer.text)"))
                #expect(answer.code == code, Comment(rawValue: "\(body): \(answer.text)"))
            }
            // The short date forms Meilisearch takes, and a duplicate uid.
            for date in ["2099-05-06", "2099-05-06 07:08:09", "2099-05-06T07:08:09", "2099-05-06T07:08:09.5+02:00"] {
                let answer = try await api.post("/keys", key: Self.master, #"{"actions":["search"],"indexes":["*"],"expiresAt":"\#(date)"}"#)
                #expect(answer.status == .created, Comment(rawValue: "\(date): \(answer.text)"))
            }
            let body = #"{"uid":"3b3bb6a3-6b0e-4b7b-9d36-2b6a8f9d7e11","actions":["search"],"indexes":["*"],"expiresAt":null}"#
            #expect(try await api.post("/keys", key: Self.master, body).status == .created)
            let duplicate = try await api.post("/keys", key: Self.master, body)
            #expect(duplicate.status == .conflict)
            #expect(duplicate.code == "api_key_already_exists")
            // Listing parameters.
            #expect(try await api.get("/keys?limit=-1", key: Self.master).code == "invalid_api_key_limit")
            #expect(try await api.get("/keys?colour=red", key: Self.master).code == "bad_request")
        }
        // Nothing refused was saved.
        #expect(fixture.state.keys.all().count == 2 + 4 + 1)
        try await fixture.shutdown()
    }

    @Test func keysActionsGovernTheKeyRoutes() async throws {
        let fixture = try AuthFixture()
        let reader = try fixture.state.keys.create(.init(actions: ["keys.get"], indexes: ["*"]))
        let manager = try fixture.state.keys.create(.init(actions: ["keys.*"], indexes: ["*"]))
        try await fixture.withClient { api async throws in
            #expect(try await api.get("/keys", key: reader.key).status == .ok)
            #expect(try await api.post("/keys", key: reader.key, #"{"actions":["search"],"indexes":["*"],"expiresAt":null}"#).status == .forbidden)
            #expect(try await api.call(.delete, "/keys/\(manager.uid)", key: reader.key).status == .forbidden)
            #expect(try await api.get("/indexes/prompts/search", key: reader.key).status == .forbidden)
            let created = try await api.post("/keys", key: manager.key, #"{"actions":["search"],"indexes":["*"],"expiresAt":null}"#)
            #expect(created.status == .created)
            #expect(try await api.call(.delete, "/keys/\(reader.uid)", key: manager.key).status == .noContent)
            // The deleted key stops working at once.
            #expect(try await api.get("/keys", key: reader.key).status == .forbidden)
        }
        try await fixture.shutdown()
    }
}
