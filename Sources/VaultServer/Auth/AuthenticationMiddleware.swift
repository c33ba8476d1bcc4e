import Foundation
import Hummingbird

/// Decides each request's ``AccessGrant`` (routes read nothing else), and spends the key's rate limit.
///
/// - No master key configured: everything, for every request (the daemon then binds loopback only).
/// - Open paths (``isOpen(_:)``: `/health`, the search page `/` and its `/assets/…`): nothing —
///   the routes there need no grant, and an API route that lands under them by mistake is refused.
/// - Otherwise `Authorization: Bearer <value>` is required (401 `missing_authorization_header`),
///   and the value is, in this order: the master key (everything; compared in constant time);
///   an API key's value (its actions and indexes, and its owner's scope when it names one;
///   403 once expired); a tenant token (``TenantToken``: `search` under its rules). Anything
///   else is 403 `invalid_api_key`.
/// - A key with a `rateLimit`, or a tenant token whose parent key has one, then takes one request
///   from the key's bucket (``RateLimiter``); a spent bucket is 429 `too_many_requests` with `Retry-After`.
struct AuthenticationMiddleware: RouterMiddleware {
    typealias Context = VaultRequestContext
    let masterKey: String?
    let keys: KeyStore
    let limiter: RateLimiter

    /// What an open path gets: no action on any index.
    static let nothing = AccessGrant(actions: [], indexes: [])

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        context.grant = try await grant(path: request.uri.path, authorization: request.headers[values: .authorization])
        return try await next(request, context)
    }

    /// The grant of a request to `path` carrying these `Authorization` header values.
    func grant(path: String, authorization: [String], now: Date = Date()) async throws(APIError) -> AccessGrant {
        guard let masterKey else { return .everything }
        if Self.isOpen(path) { return Self.nothing }
        guard authorization.count == 1, let value = Self.bearer(authorization[0]) else {
            throw authorization.count > 1 ? .badRequest("The Authorization header is given more than once.") : .missingAuthorization
        }
        if Self.constantTimeEquals(value, masterKey) { return .everything }
        let grant: AccessGrant
        let key: APIKey
        if let found = keys.key(value: value) {
            guard !found.isExpired(at: now) else {
                throw .refusedKey("It expired at `\(found.expiresAt.map(RFC3339.format) ?? "")`.")
            }
            (grant, key) = (found.grant, found)
        } else if TenantToken.looksLikeToken(value) {
            (grant, key) = try await TenantToken.verify(value, keys: keys, now: now)
        } else {
            throw .invalidAPIKey
        }
        if let limit = key.rateLimit, case .limited(let seconds) = limiter.admit(uid: key.uid, perHour: limit) {
            throw .tooManyRequests(keyUID: key.uid, perHour: limit, retryAfterSeconds: seconds)
        }
        return grant
    }

    /// `/health`, `/`, and `/assets/…` without empty, `.` or `..` segments or escapes (so that no
    /// spelling of another route passes as an asset).
    static func isOpen(_ path: String) -> Bool {
        if path == "/health" || path == "/" { return true }
        guard path.hasPrefix("/assets/"), !path.contains("%"), !path.contains("\\") else { return false }
        let segments = path.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
        return segments.count >= 2 && segments.allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
    }

    /// The token of `Bearer <token>` (scheme case-insensitive), or nil for another form.
    static func bearer(_ header: String) -> String? {
        let trimmed = header.trimmingCharacters(in: .whitespaces)
        guard trimmed.utf8.count > 7, trimmed.prefix(7).lowercased() == "bearer " else { return nil }
        let token = trimmed.dropFirst(7).trimmingCharacters(in: .whitespaces)
        return token.isEmpty ? nil : token
    }

    /// Equality whose time depends only on the lengths.
    static func constantTimeEquals(_ lhs: String, _ rhs: String) -> Bool {
        let a = Array(lhs.utf8)
        let b = Array(rhs.utf8)
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }
}
