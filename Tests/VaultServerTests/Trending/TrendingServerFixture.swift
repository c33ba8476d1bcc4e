import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import Logging
import VaultCorpus
import VaultIngest
import VaultTrending
@testable import VaultServer

/// A daemon state (master key, index `prompts`) over a PromptVault store with engagement, for the
/// trending route tests, and SQL over the same store as the oracle (``TrendingReferenceSQL``).
///
/// The store: the sample corpus with its generated events, then 4,000 seeded random writes
/// (``EngagementWrites``) before the index is built, then 2,000 more, a private prompt with heavy
/// engagement by an author who has nothing public, and a tailer catch-up into the served index
/// (so the lists read what the tailer wrote). The clock stands at ``now``; events are at most
/// 40 days older. Built once per test process (``shared``).
final class TrendingServerFixture: Sendable {
    static let masterKey = "trending-test-master-key-0123456789"
    /// The instant every list is computed at.
    static let now: Int64 = 1_760_003_600
    /// The private prompt's marker word (in its title and content) and its author's username.
    static let secretWord = "zqxtrendmagnet"
    static let secretAuthor = "trend_hidden_author"
    /// The seed of the random writes.
    static let seed: UInt64 = 20_261_210

    let directory: String
    var storePath: String { directory + "/store.sqlite" }
    /// The state, its clock set to ``now``.
    let state: ServerState
    /// The private prompt and its author.
    let privatePromptID: Int64
    let privateAuthorID: Int64
    /// How many writes of each kind the random streams made.
    let writes: [String: Int]

    private static let shared = Task<TrendingServerFixture, any Error> { try TrendingServerFixture() }

    /// The fixture of this test process.
    static func get() async throws -> TrendingServerFixture { try await shared.value }

    private init() throws {
        directory = NSTemporaryDirectory() + "vs-trendapi-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let store = directory + "/store.sqlite"
        let queue = try StoreConnection.create(store)
        try PromptVaultSchema.migrate(queue)
        let sample = try SampleStore(folder: ServerFixture.corpusFolder, now: 1_760_000_000)
        _ = try StoreLoader().load(sample.contents(seed: 42), into: queue)
        try queue.write { db in try ChangeLog.install(try SourceConfiguration.promptVault(), in: db) }
        var writes = try EngagementWrites.write(queue, seed: Self.seed, count: 4_000, now: Self.now)

        var configuration = ServerConfiguration()
        configuration.masterKey = Self.masterKey
        configuration.dataDirectory = directory + "/data"
        configuration.http = nil
        configuration.socket = nil
        configuration.tail = false
        configuration.searchThreads = 2
        configuration.indexes = [IndexDefinition(uid: "prompts", mapping: "promptvault", store: store, path: directory + "/prompts.index")]
        let logger = Logger(label: "trending-tests") { _ in SwiftLogNoOpLogHandler() }
        let registry = try IndexRegistry(configuration.indexes) { _ in }
        var state = try ServerState(configuration: configuration, registry: registry, pool: SearcherPool(threadCount: 2), logger: logger)
        state.clock = ManualClock(Self.now)
        self.state = state

        // After the build: more writes and the private prompt, applied by a tailer on the served handle.
        for (name, count) in try EngagementWrites.write(queue, seed: Self.seed + 1, count: 2_000, now: Self.now) { writes[name, default: 0] += count }
        self.writes = writes
        (privatePromptID, privateAuthorID) = try Self.addPrivatePrompt(queue)
        let served = try registry.index("prompts")
        let tailer = try Tailer(storePath: store, index: served.index, configuration: served.configuration) { _ in }
        _ = try tailer.catchUp()
    }

    /// A private, published prompt that would top every list (featured, tagged Python, in the
    /// first category, for the first model, 400 recent views, 200 copies, a 5★ rating and a bookmark
    /// from every user), by a new user who has nothing else.
    private static func addPrivatePrompt(_ queue: DatabaseQueue) throws -> (Int64, Int64) {
        try queue.write { db in
            try db.execute(sql: "INSERT INTO users(username, display_name, reputation, created_at) VALUES (?, 'Hidden', 100000, ?)",
                           arguments: [secretAuthor, now - 86_400])
            let author = db.lastInsertedRowID
            let prompt = (try Int64.fetchOne(db, sql: "SELECT max(id) FROM prompts") ?? 0) + 1
            try db.execute(sql: """
                INSERT INTO prompts(id, slug, title, content, author_id, category_id, model_id, visibility, status, featured, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, 1, 1, 'private', 'published', 1, ?, ?)
                """, arguments: [prompt, "\(secretWord)-slug", "\(secretWord) python plan", "\(secretWord) content", author, now - 3_600, now - 3_600])
            try db.execute(sql: "INSERT INTO prompt_tags(prompt_id, tag_id) SELECT ?, id FROM tags WHERE lower(name) = 'python'", arguments: [prompt])
            for i in 0..<400 {
                try db.execute(sql: "INSERT INTO prompt_views(prompt_id, viewed_at, visitor_fingerprint) VALUES (?, ?, ?)",
                               arguments: [prompt, now - Int64(i), "secret-fp-\(i)"])
            }
            for i in 0..<200 {
                try db.execute(sql: "INSERT INTO prompt_copies(prompt_id, copied_at) VALUES (?, ?)", arguments: [prompt, now - Int64(i)])
            }
            try db.execute(sql: "INSERT INTO ratings(prompt_id, user_id, value, created_at) SELECT ?, id, 5, ? FROM users", arguments: [prompt, now - 60])
            try db.execute(sql: "INSERT INTO bookmarks(user_id, prompt_id, created_at) SELECT id, ?, ? FROM users", arguments: [prompt, now - 60])
            return (prompt, author)
        }
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }

    /// The served index's trending settings (the oracle's too).
    var settings: TrendingSettings {
        get throws { try requireTrending(state) }
    }

    /// Runs `body` with a client of the router over ``state`` (or `other`).
    func withClient<Value: Sendable>(_ other: ServerState? = nil, _ body: @escaping @Sendable (APIClient) async throws -> Value) async throws -> Value {
        var logger = Logger(label: "trending-tests")
        logger.logLevel = .critical
        let application = Application(router: buildRouter(other ?? state), logger: logger)
        return try await application.test(.router) { client in try await body(APIClient(client: client)) }
    }

    /// Reads the store for the oracle (sync: GRDB's async overloads would be picked in async code),
    /// through a connection with a busy timeout: parallel tests open and close the store too.
    func sql<T>(_ body: (Database) throws -> T) throws -> T {
        try StoreConnection.open(storePath, readOnly: true).read(body)
    }
}

/// The trending settings of `state`'s `prompts` index (which must have trending).
func requireTrending(_ state: ServerState) throws -> TrendingSettings {
    guard let store = try state.registry.index("prompts").trending else { throw TestFailure("index prompts has no trending state") }
    return store.settings
}
