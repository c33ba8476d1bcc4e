import Synchronization

/// The router's routes as (method, pattern) pairs, filled once by ``buildRouter(_:)`` after every
/// route was added. The error middleware asks it which methods a path takes, so a known path asked
/// with another method is a 405 naming the allowed ones rather than a 404; the OpenAPI test reads
/// the same list (Hummingbird's `Router.routes`).
final class RouteTable: Sendable {
    /// One route: a method and a pattern such as `/indexes/{uid}/search`.
    struct Route: Sendable, Equatable {
        var method: String
        var pattern: String
    }

    private let storage = Mutex<[Route]>([])

    /// Replaces the routes.
    func set(_ routes: [Route]) { storage.withLock { $0 = routes } }

    /// Every route.
    var all: [Route] { storage.withLock { $0 } }

    /// The methods some route serves `path` with (sorted), empty when no pattern matches it.
    func methods(for path: String) -> [String] {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        return Set(all.filter { Self.matches($0.pattern, segments) }.map(\.method)).sorted()
    }

    /// Whether `segments` fit `pattern` (a `{name}` component matches any one segment).
    static func matches(_ pattern: String, _ segments: [Substring]) -> Bool {
        let components = pattern.split(separator: "/", omittingEmptySubsequences: true)
        guard components.count == segments.count else { return false }
        return zip(components, segments).allSatisfy { component, segment in
            (component.hasPrefix("{") && component.hasSuffix("}")) || component == segment
        }
    }
}
