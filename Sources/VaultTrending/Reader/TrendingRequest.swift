import VaultIndex

/// The two trending formulas.
public enum TrendingFormula: String, Sendable, CaseIterable {
    /// The site's original SQL view: (views + 3·copies + 5·ratings + 2·bookmarks) / (hours since
    /// created + 2)^1.5 from the prompt's counter columns, at read time.
    case seed
    /// The same weights over event rows, each halved every `halfLife`; views once per visitor and window.
    case decay
}

/// The sliding windows of the leaderboards: events with a time after `now − length` count.
public enum LeaderboardPeriod: String, Sendable, CaseIterable {
    case day, week, month, all

    /// The window's length in seconds (a month is 30 days); nil for all time.
    public var seconds: Int64? {
        switch self {
        case .day: return 86_400
        case .week: return 7 * 86_400
        case .month: return 30 * 86_400
        case .all: return nil
        }
    }
}

/// What a prompt leaderboard orders by.
public enum PromptLeaderboard: String, Sendable, CaseIterable {
    /// The Bayesian average v/(v+m)·R + m/(v+m)·C of the period's ratings (rated prompts only).
    case rating
    /// Copy events in the period.
    case copies
    /// View events in the period (raw, as `view_count` counts them).
    case views
}

/// What an author leaderboard orders by.
public enum AuthorLeaderboard: String, Sendable, CaseIterable {
    /// `users.reputation`, over users with at least one listed prompt (`period` is ignored).
    case reputation
    /// views + 3·copies + 5·ratings + 2·bookmarks their listed prompts received in the period.
    case engagement
}

/// Which prompts a list may hold, besides being public and published: a category with its
/// descendants (by slug), a tag (as the `tags` field spells it, any case), a model (by slug), and
/// any filter of the index's grammar. All given parts must hold.
public struct PromptSelection: Sendable, Equatable {
    /// A category slug; its descendants are included.
    public var category: String?
    /// A tag name.
    public var tag: String?
    /// A model slug.
    public var model: String?
    /// A parsed filter (``FilterParser/parse(_:)``).
    public var filter: FilterExpression?

    /// A selection (everything listed, by default).
    public init(category: String? = nil, tag: String? = nil, model: String? = nil, filter: FilterExpression? = nil) {
        self.category = category
        self.tag = tag
        self.model = model
        self.filter = filter
    }

    /// Whether nothing restricts the list.
    public var isEverything: Bool { category == nil && tag == nil && model == nil && filter == nil }
}

/// One entry of a list: a prompt or user id and its score (higher first; ties by id ascending).
public struct RankedEntry: Sendable, Equatable, CustomStringConvertible {
    /// The prompt id (the document id is its decimal text) or the user id.
    public var id: Int64
    /// The score: the formula's value at `now`, a count, a Bayesian average or a reputation.
    public var score: Double

    /// An entry.
    public init(id: Int64, score: Double) {
        self.id = id
        self.score = score
    }

    public var description: String { "\(id):\(score)" }

    /// Whether `self` ranks before `other`.
    func precedes(_ other: RankedEntry) -> Bool { score > other.score || (score == other.score && id < other.id) }
}
