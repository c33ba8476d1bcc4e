import Hummingbird
import Logging

/// The per-request context: Hummingbird's core storage, the access grant the authentication
/// middleware decided, and the request id that the log lines of this request carry.
public struct VaultRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// What this request may do; set by ``AuthenticationMiddleware`` before any route runs.
    public var grant: AccessGrant = .everything
    /// The request id (also returned in the `X-Request-Id` header).
    public var requestID: String = ""

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
    }
}
