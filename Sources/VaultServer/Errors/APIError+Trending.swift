import VaultTrending

extension APIError {
    /// The table from trending errors to API errors (`codePrefix`: `invalid_trending_` or
    /// `invalid_leaderboard_`): a parameter out of range or a filter the index cannot apply is a 400
    /// naming the parameter; an index without trending state a 400 `…_index`; damaged state the
    /// server's fault (500).
    init(trending error: TrendingError, uid: String, codePrefix: String) {
        switch error {
        case .notEnabled:
            self = .noTrending(uid: uid, reason: "the index was built without trending state", codePrefix: codePrefix)
        case .invalidRequest(let parameter, let message):
            self.init(.badRequest, code: codePrefix + parameter.snakeCased, message: "Invalid value at `.\(parameter)`: \(message)")
        case .index(let engine):
            self.init(engine: engine, codePrefix: codePrefix)
        case .corrupt, .invalidSettings:
            self = .internal("The trending state cannot be read: \(error.description)")
        }
    }

    /// 400 `invalid_trending_index` / `invalid_leaderboard_index`: the index has no trending state.
    static func noTrending(uid: String, reason: String, codePrefix: String) -> APIError {
        APIError(.badRequest, code: codePrefix + "index",
                 message: "Index `\(uid.prefix(400))` has no trending or leaderboards: \(reason).")
    }

    /// 403 `invalid_api_key`: a tenant token forces a filter on the index, which an author
    /// leaderboard (a sum over every public prompt) cannot apply.
    static func authorsUnderForcedFilter(uid: String) -> APIError {
        APIError(.forbidden, code: "invalid_api_key", type: "auth",
                 message: "The tenant token's search rules force a filter on index `\(uid.prefix(400))`; the author leaderboard counts every public prompt and cannot apply it, so it is not available to this token.")
    }
}
