import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// The running daemon: the TCP and Unix-socket listeners over one responder, and the tailers.
///
/// Both listeners run as child tasks of one service, so a graceful shutdown (SIGTERM or SIGINT)
/// reaches them at the same moment and both stop accepting at once (a `ServiceGroup` would stop its
/// services one after another; see PLATFORM.md). In-flight requests finish, then the tailers
/// finish their current batch, then `run()` returns.
public struct VaultDaemon: Sendable {
    /// The shared state (indexes, pool, configuration).
    public let state: ServerState
    /// The router's responder, shared by both listeners (and by in-process tests).
    public let responder: RouterResponder<VaultRequestContext>

    init(state: ServerState) throws {
        self.state = state
        responder = buildRouter(state).buildResponder()
    }

    /// Runs until SIGTERM or SIGINT. `onListening` is called with each bound address (for logs and tests).
    public func run(onListening: @escaping @Sendable (String) async -> Void = { _ in }) async throws {
        let configuration = state.configuration
        let logger = state.logger
        var listeners: [Application<RouterResponder<VaultRequestContext>>] = []
        if let address = configuration.httpAddress {
            var host = address.host
            if configuration.masterKey == nil, !Self.isLoopback(host) {
                logger.warning("no master key: binding \(host) would open the API to the network without authentication; binding 127.0.0.1 instead (set --master-key or VAULTSEARCH_MASTER_KEY)")
                host = "127.0.0.1"
            }
            let boundHost = host
            listeners.append(Application(
                responder: responder, configuration: .init(address: .hostname(boundHost, port: address.port), serverName: "VaultSearch"),
                onServerRunning: { channel in await onListening("http://\(channel.localAddress.map { "\($0.ipAddress ?? boundHost):\($0.port ?? 0)" } ?? "")") },
                logger: logger))
        }
        if let socket = configuration.socket {
            try FileManager.default.createDirectory(atPath: (socket as NSString).deletingLastPathComponent.isEmpty ? "." : (socket as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            listeners.append(Application(
                responder: responder, configuration: .init(address: .unixDomainSocket(path: socket), serverName: "VaultSearch"),
                onServerRunning: { _ in
                    chmod(socket, 0o660)
                    await onListening("unix:\(socket)")
                },
                logger: logger))
        }
        if configuration.masterKey == nil { logger.notice("no master key is set: every route is open (TCP on loopback only)") }
        var services: [ServiceGroupConfiguration.ServiceConfiguration] = []
        if configuration.tail {
            // A tailer that stops on an error has logged it and recorded it for /health and /stats;
            // searches go on over what it applied, so its end must not stop the daemon.
            services += state.registry.all.map {
                .init(service: TailerService(served: $0, logger: logger), successTerminationBehavior: .ignore)
            }
        }
        services.append(.init(service: ListenersService(listeners: listeners)))
        // Reverse order on shutdown: the listeners stop first (in-flight requests drain), then the tailers.
        let group = ServiceGroup(configuration: .init(services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
        try await state.pool.shutdown()
    }

    static func isLoopback(_ host: String) -> Bool { host == "127.0.0.1" || host == "::1" || host == "localhost" }
}

/// Runs every listener as a child task of one service, so graceful shutdown reaches all at once.
struct ListenersService: Service {
    let listeners: [Application<RouterResponder<VaultRequestContext>>]

    func run() async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for listener in listeners {
                group.addTask { try await listener.run() }
            }
            try await group.waitForAll()
        }
    }
}
