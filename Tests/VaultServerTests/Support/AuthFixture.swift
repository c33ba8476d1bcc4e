import Crypto
import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import Logging
import VaultCorpus
import VaultIngest
@testable import VaultServer

/// A temporary PromptVault store, two indexes over it (`prompts` and `archive`, the same mapping),
/// a data directory for `keys.json`, and a ``ServerState`` over them — what the key, token and
/// visibility tests run the router against, in process.
///
/// The store is small and hand-made so that each test can reason about it, and every check of
/// who sees what is made against SQL over it, not against the index:
/// users alice, bob and carol; each of them authors one prompt for every (visibility, status)
/// pair, twice (so 54 prompts). Only public + published prompts are visible without an owner.
/// Every prompt that is not public + published carries the word `marzipan` in its title and
/// content, the tag `secret-stash` and the category `hidden-drafts`, which no visible prompt has,
/// so any leak shows as that word, tag or category.
final class AuthFixture: Sendable {
    static let masterKey = "test-master-key-0123456789abcdef"
    static let users = ["alice", "bob", "carol"]
    static let visibilities = ["public", "private", "unlisted"]
    static let statuses = ["published", "draft", "archived"]
    static let secretWord = "marzipan"
    static let secretTag = "secret-stash"
    static let secretCategory = "hidden-drafts"

    let directory: String
    var storePath: String { directory + "/store.sqlite" }
    var dataDirectory: String { directory + "/data" }
    let state: ServerState

    /// A fixture; `masterKey` nil runs the daemon without authentication.
    init(masterKey: String? = AuthFixture.masterKey) throws {
        directory = NSTemporaryDirectory() + "vaultauth-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let queue = try StoreConnection.create(directory + "/store.sqlite")
        try PromptVaultSchema.migrate(queue)
        _ = try StoreLoader().load(Self.contents(), into: queue)
        state = try Self.state(directory: directory, masterKey: masterKey)
    }

    /// A second state over the same store and data directory (a restarted daemon). Its indexes
    /// are built afresh in other folders: LMDB allows one open handle of an environment per
    /// process, and this fixture's state still holds its own.
    func restarted(masterKey: String? = AuthFixture.masterKey) throws -> ServerState {
        try Self.state(directory: directory, masterKey: masterKey, indexSuffix: "-" + UUID().uuidString.prefix(8))
    }

    private static func state(directory: String, masterKey: String?, indexSuffix: String = "") throws -> ServerState {
        var configuration = ServerConfiguration()
        configuration.masterKey = masterKey
        configuration.dataDirectory = directory + "/data"
        configuration.http = nil
        configuration.socket = nil
        configuration.tail = false
        configuration.searchThreads = 2
        configuration.indexes = ["prompts", "archive"].map {
            IndexDefinition(uid: $0, mapping: "promptvault", store: directory + "/store.sqlite", path: directory + "/\($0)\(indexSuffix).index")
        }
        let logger = Logger(label: "auth-tests") { _ in SwiftLogNoOpLogHandler() }
        let registry = try IndexRegistry(configuration.indexes) { _ in }
        return try ServerState(configuration: configuration, registry: registry, pool: SearcherPool(threadCount: 2), logger: logger)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// Runs `body` against the router of `state` (default: this fixture's), then shuts its pool down.
    func withClient<Value: Sendable>(_ state: ServerState? = nil, _ body: @escaping @Sendable (APIClient) async throws -> Value) async throws -> Value {
        let state = state ?? self.state
        // A real handler at `critical`, not SwiftLogNoOpLogHandler: the request-id middleware reads
        // Hummingbird's id back from the logger's metadata, which a no-op handler does not keep.
        var logger = Logger(label: "auth-tests")
        logger.logLevel = .critical
        let application = Application(router: buildRouter(state), logger: logger)
        let value = try await application.test(.router) { client in try await body(APIClient(client: client)) }
        return value
    }

    func shutdown(_ states: ServerState...) async throws {
        for state in [self.state] + states { try await state.pool.shutdown() }
    }

    // MARK: The store

    static func contents() -> StoreContents {
        let users = Self.users.enumerated().map { StoreUser(id: Int64($0.offset + 1), username: $0.element, displayName: $0.element.capitalized, bio: nil, reputation: 10, createdAt: 1_700_000_000) }
        let categories = [
            StoreCategory(id: 1, slug: "coding", name: "Coding", description: nil, parentID: nil),
            StoreCategory(id: 2, slug: "writing", name: "Writing", description: nil, parentID: nil),
            StoreCategory(id: 3, slug: secretCategory, name: "Hidden drafts", description: nil, parentID: 1),
        ]
        let models = [StoreModel(id: 1, name: "GPT-4o", slug: "gpt-4o", provider: "OpenAI")]
        let tags = [
            StoreTag(id: 1, name: "python", slug: "python"), StoreTag(id: 2, name: "sql", slug: "sql"),
            StoreTag(id: 3, name: "poem", slug: "poem"), StoreTag(id: 4, name: secretTag, slug: secretTag),
        ]
        var prompts: [StorePrompt] = []
        var id: Int64 = 0
        for copy in 0..<2 {
            for (author, _) in Self.users.enumerated() {
                for visibility in visibilities {
                    for status in statuses {
                        id += 1
                        let visible = visibility == "public" && status == "published"
                        let topicNumber = (author + copy + Int(id)) % 3
                        let topic = ["python", "sql", "poem"][topicNumber]
                        var tagIDs: [Int64] = [Int64(topicNumber + 1)]
                        if id % 4 == 0 { tagIDs.append(1) }  // some sql and poem prompts are python too
                        let title = visible ? "\(topic) helper guide \(copy)" : "\(topic) \(secretWord) guide \(copy)"
                        let content = visible
                            ? "A public \(topic) prompt that explains the guide step by step."
                            : "A \(visibility) \(status) \(topic) prompt about \(secretWord) kept out of sight."
                        if !visible { tagIDs.append(4) }
                        prompts.append(StorePrompt(
                            id: id, slug: "prompt-\(id)", title: title, description: nil, content: content, instructions: nil,
                            variables: [], categoryID: visible ? Int64(1 + Int(id) % 2) : 3, modelID: 1, authorID: Int64(author + 1),
                            visibility: visibility, status: status, featured: false, staffPick: false,
                            createdAt: 1_700_000_000 + id, updatedAt: 1_700_000_000 + id, publishedAt: 1_700_000_000 + id,
                            forkedFromID: nil, tagIDs: Array(Set(tagIDs)).sorted()))
                    }
                }
            }
        }
        return StoreContents(users: users, categories: categories, models: models, tags: tags,
                             prompts: AnySequence(prompts), events: AnySequence([]), promptCount: prompts.count)
    }

    /// Prompt ids from SQL over the store: `condition` over `p` (prompts) and `u` (its author).
    func ids(where condition: String, arguments: StatementArguments = []) throws -> Set<String> {
        let queue = try DatabaseQueue(path: storePath)
        return try queue.read { db in
            Set(try Int64.fetchAll(db, sql: "SELECT p.id FROM prompts p JOIN users u ON u.id = p.author_id WHERE \(condition)", arguments: arguments).map(String.init))
        }
    }

    /// The prompts everyone may see.
    static let publicCondition = "(p.visibility = 'public' AND p.status = 'published')"

    /// Those tagged `tag`.
    static func tagged(_ tag: String) -> String {
        "p.id IN (SELECT pt.prompt_id FROM prompt_tags pt JOIN tags t ON t.id = pt.tag_id WHERE t.name = '\(tag)')"
    }
}

/// A thin client over HummingbirdTesting's: a bearer value, a JSON body, a parsed JSON answer.
struct APIClient: Sendable {
    let client: any TestClientProtocol

    struct Answer: Sendable {
        let status: HTTPResponse.Status
        let headers: HTTPFields
        let json: JSONValue?
        let text: String

        subscript(_ member: String) -> JSONValue? {
            guard case .object(let object)? = json else { return nil }
            return object[member]
        }

        var code: String? {
            guard case .string(let code)? = self["code"] else { return nil }
            return code
        }

        var message: String {
            guard case .string(let message)? = self["message"] else { return "" }
            return message
        }

        /// The `id` of each hit in `hits` (or `results`).
        var hitIDs: [String] {
            guard case .array(let hits)? = self["hits"] ?? self["results"] else { return [] }
            return hits.compactMap { hit in
                guard case .object(let object) = hit else { return nil }
                switch object["id"] {
                case .string(let id)?: return id
                case .integer(let id)?: return String(id)
                default: return nil
                }
            }
        }
    }

    @discardableResult
    func call(_ method: HTTPRequest.Method, _ uri: String, key: String? = nil, body: String? = nil, headers extra: HTTPFields = [:]) async throws -> Answer {
        var headers = extra
        if let key { headers[.authorization] = "Bearer \(key)" }
        if body != nil { headers[.contentType] = "application/json" }
        let response = try await client.executeRequest(uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
        let text = String(buffer: response.body)
        let json = text.isEmpty ? nil : try? JSONValue.parse(Array(text.utf8))
        return Answer(status: response.status, headers: response.headers, json: json, text: text)
    }

    func get(_ uri: String, key: String? = nil) async throws -> Answer { try await call(.get, uri, key: key) }
    func post(_ uri: String, key: String? = nil, _ body: String) async throws -> Answer { try await call(.post, uri, key: key, body: body) }
}

/// Tenant tokens built here by hand (base64url JSON and HMAC from swift-crypto), independently of
/// the JWT library the server verifies them with.
enum TokenMaker {
    static func base64URL(_ bytes: some Sequence<UInt8>) -> String {
        Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// A JWT of `claims` (JSON text) signed with `key` by `algorithm` (HS256, HS384, HS512).
    static func token(claims: String, key: String, algorithm: String = "HS256") -> String {
        let input = base64URL(Array(#"{"alg":"\#(algorithm)","typ":"JWT"}"#.utf8)) + "." + base64URL(Array(claims.utf8))
        let secret = SymmetricKey(data: Array(key.utf8))
        let signature: [UInt8]
        switch algorithm {
        case "HS384": signature = Array(HMAC<SHA384>.authenticationCode(for: Array(input.utf8), using: secret))
        case "HS512": signature = Array(HMAC<SHA512>.authenticationCode(for: Array(input.utf8), using: secret))
        default: signature = Array(HMAC<SHA256>.authenticationCode(for: Array(input.utf8), using: secret))
        }
        return input + "." + base64URL(signature)
    }

    /// A JWT with `alg: none` and no signature.
    static func unsigned(claims: String) -> String {
        base64URL(Array(#"{"alg":"none","typ":"JWT"}"#.utf8)) + "." + base64URL(Array(claims.utf8)) + "."
    }

    /// Claims for `uid` with `rules` (JSON text) and an optional expiry.
    static func claims(uid: String, rules: String, exp: Int? = nil) -> String {
        "{\"apiKeyUid\":\"\(uid)\",\"searchRules\":\(rules)" + (exp.map { ",\"exp\":\($0)" } ?? "") + "}"
    }
}

/// The JSON text of a string (for building bodies).
func jsonString(_ text: String) -> String {
    var writer = JSONWriter()
    writer.write(.string(text))
    return writer.text
}

extension JSONValue {
    var arrayValue: [JSONValue]? { if case .array(let elements) = self { elements } else { nil } }
    var objectValue: JSONObject? { if case .object(let object) = self { object } else { nil } }
}
