import Hummingbird

/// `GET /health` (never guarded) and `GET /version`.
struct InfoRoutes {
    let state: ServerState

    /// The version string of this build.
    static let version = "0.9.0"

    func add(to router: Router<VaultRequestContext>) {
        router.get("/health") { _, _ in
            let failed = state.registry.all.compactMap { served in served.progress.failure.map { "\(served.uid): \($0)" } }
            var object = JSONObject([("status", .string(failed.isEmpty ? "available" : "degraded"))])
            if !failed.isEmpty { object["tailer"] = .array(failed.map(JSONValue.string)) }
            return Response.json(.object(object))
        }
        router.get("/version") { _, context in
            try context.require("version")
            return Response.json(.object(JSONObject([
                ("pkgVersion", .string(Self.version)), ("commitSha", .string("unknown")), ("commitDate", .string("unknown")),
                ("engine", .string("VaultSearch")),
            ])))
        }
    }
}
