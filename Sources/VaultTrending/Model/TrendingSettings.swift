/// The tunable parts of trending, stored with the state (``TrendingDatabases``' `meta`): the decay
/// score and the view deduplication are folded into the stored state as events arrive, so changing
/// `halfLife`, `viewDedupWindow` or `epoch` needs a rebuild; `bayesPrior` is read-time only.
public struct TrendingSettings: Sendable, Equatable, Codable {
    /// The half-life of an event's weight in the `decay` formula, in seconds (default 24 h).
    public var halfLife: Int64 = 86_400
    /// Views of one prompt by one visitor (user id, else fingerprint) count once per window of this
    /// many seconds, aligned to ``epoch`` (default 1 h).
    public var viewDedupWindow: Int64 = 3_600
    /// `m` of the Bayesian average v/(v+m)·R + m/(v+m)·C (default 10 ratings).
    public var bayesPrior: Double = 10
    /// The fixed instant the time-independent decay log-score is measured from (2020-01-01 UTC).
    public var epoch: Int64 = 1_577_836_800

    /// The defaults.
    public init() {}

    /// Refuses settings that cannot work (a half-life or window ≤ 0, a negative prior).
    public func validate() throws(TrendingError) {
        guard halfLife > 0 else { throw .invalidSettings("halfLife must be > 0 seconds") }
        guard viewDedupWindow > 0 else { throw .invalidSettings("viewDedupWindow must be > 0 seconds") }
        guard bayesPrior >= 0, bayesPrior.isFinite else { throw .invalidSettings("bayesPrior must be ≥ 0") }
    }
}

/// The weights of the site's formula, shared by `seed`, `decay` and author engagement:
/// views + 3·copies + 5·ratings + 2·bookmarks.
public enum EngagementWeights {
    /// The weight of one event of `kind`.
    public static func weight(_ kind: EngagementKind) -> Int64 {
        switch kind {
        case .view: return 1
        case .copy: return 3
        case .rating: return 5
        case .bookmark: return 2
        }
    }
}
