import HTTPTypes

extension APIError {
    /// 403 `invalid_api_key` with the reason appended to Meilisearch's message.
    public static func refusedKey(_ reason: String) -> APIError {
        APIError(.forbidden, code: "invalid_api_key", type: "auth", message: "The provided API key is invalid. \(reason)")
    }

    /// 429 `too_many_requests` with `Retry-After` (seconds): the key's requests per hour are spent.
    public static func tooManyRequests(keyUID: String, perHour limit: Int, retryAfterSeconds: Int) -> APIError {
        var error = APIError(
            .tooManyRequests, code: "too_many_requests", type: "auth",
            message: "The API key `\(keyUID)` has used its \(limit) requests per hour. Retry in \(retryAfterSeconds) s.")
        error.headers[.retryAfter] = String(retryAfterSeconds)
        return error
    }

    /// 401 `missing_master_key`: `/keys` on a daemon started without a master key.
    public static let missingMasterKey = APIError(
        .unauthorized, code: "missing_master_key", type: "auth",
        message: "VaultSearch is running without a master key. To access this API endpoint, you must have set a master key at launch (--master-key or VAULTSEARCH_MASTER_KEY).")

    /// 404 `api_key_not_found`.
    public static func apiKeyNotFound(_ uidOrKey: String) -> APIError {
        APIError(.notFound, code: "api_key_not_found", message: "API key `\(uidOrKey.prefix(100))` not found.")
    }

    /// 409 `api_key_already_exists`.
    public static func apiKeyAlreadyExists(_ uid: String) -> APIError {
        APIError(.conflict, code: "api_key_already_exists", message: "`uid` field value `\(uid)` is already an existing API key.")
    }
}

extension HTTPField.Name {
    /// `Retry-After`.
    static let retryAfter = HTTPField.Name("Retry-After")!
}
