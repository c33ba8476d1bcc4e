import Hummingbird
import HummingbirdTesting
import Logging
@testable import VaultServer

/// One ``ServerFixture`` (the sample stores, `prompts` and `folders`) built once per test process and
/// shared by the suites that only read it: the OpenAPI, metrics, limits and fuzz suites send tens of
/// thousands of requests, and building a fixture per test would dominate their time.
enum TestDaemon {
    private static let shared = Task<ServerFixture, any Error> { try await ServerFixture() }

    /// The shared daemon's state.
    static func state() async throws -> ServerState { try await shared.value.daemon.state }

    /// An application over a router built from `state` (a copy may set hooks such as
    /// ``ServerState/rateLimitedRequests``), for `app.test(.router)`.
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
