import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import Logging
import VaultCorpus
import VaultIngest
@testable import VaultServer

/// A daemon over a small generated PromptVault store (public, private, unlisted and draft
/// prompts), built once per test process and shared by the suites that only read it. Tests run
/// its router in process (`app.test(.router)`), no sockets.
enum TestDaemon {
    /// The index uid served.
    static let uid = "prompts"

    /// The shared state (built on first use).
    static func state() async throws -> ServerState { try await shared.value }

    private static let shared = Task<ServerState, any Error> { try build(prompts: 300, seed: 11) }

    /// A daemon over a new store of `prompts` generated prompts, in a new temporary folder.
    static func build(prompts: Int, seed: UInt64) throws -> ServerState {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vs-server-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let store = folder + "/promptvault.sqlite"
        let queue = try StoreConnection.create(store)
        try PromptVaultSchema.migrate(queue)
        _ = try StoreLoader().load(StoreGenerator(seed: seed, promptCount: prompts, now: 1_760_000_000, meanEventsPerPrompt: 2).contents(), into: queue)
        try queue.write { db in try ChangeLog.install(try SourceConfiguration.promptVault(), in: db) }
        try queue.close()
        var configuration = ServerConfiguration()
        configuration.http = nil
        configuration.socket = folder + "/vs.sock"
        configuration.dataDirectory = folder
        configuration.tail = false
        configuration.searchThreads = 2
        configuration.indexes = [IndexDefinition(uid: uid, mapping: "promptvault", store: store, path: folder + "/promptvault.index")]
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let registry = try IndexRegistry(configuration.indexes) { _ in }
        return ServerState(configuration: configuration, registry: registry, pool: SearcherPool(threadCount: 2), logger: logger)
    }

    /// The application over `state`'s router, for `app.test(.router)`.
    static func application(_ state: ServerState) -> some ApplicationProtocol {
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        return Application(router: buildRouter(state), logger: logger)
    }

    /// Runs `body` with a client of the shared daemon's router.
    static func withClient<Value: Sendable>(_ body: @Sendable (any TestClientProtocol) async throws -> Value) async throws -> Value {
        try await application(state()).test(.router) { client in try await body(client) }
    }
}

extension TestResponse {
    /// The body's bytes.
    var bytes: [UInt8] { Array(body.readableBytesView) }

    /// The body parsed as JSON (nil when it is not JSON).
    var json: JSONValue? { try? JSONValue.parse(bytes) }
}
