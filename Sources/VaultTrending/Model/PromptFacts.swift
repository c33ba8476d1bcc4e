/// What trending needs of one prompt row: who wrote it, whether it counts, when it was created, and
/// the counter columns the `seed` formula reads (the store keeps them equal to the event counts).
public struct PromptFacts: Sendable, Equatable {
    /// The prompt id.
    public var id: Int64
    /// The author's user id.
    public var authorID: Int64
    /// Public and published: only such prompts appear in, or count towards, any list.
    public var isListed: Bool
    /// `created_at` (Unix seconds).
    public var createdAt: Int64
    /// `view_count`.
    public var viewCount: Int64
    /// `copy_count`.
    public var copyCount: Int64
    /// `rating_count`.
    public var ratingCount: Int64
    /// `bookmark_count`.
    public var bookmarkCount: Int64

    /// A prompt's facts.
    public init(id: Int64, authorID: Int64, isListed: Bool, createdAt: Int64, viewCount: Int64, copyCount: Int64, ratingCount: Int64, bookmarkCount: Int64) {
        self.id = id
        self.authorID = authorID
        self.isListed = isListed
        self.createdAt = createdAt
        self.viewCount = viewCount
        self.copyCount = copyCount
        self.ratingCount = ratingCount
        self.bookmarkCount = bookmarkCount
    }

    /// The numerator of the `seed` formula: views + 3·copies + 5·ratings + 2·bookmarks.
    public var seedNumerator: Int64 { viewCount + 3 * copyCount + 5 * ratingCount + 2 * bookmarkCount }
}

/// One batch of trending changes, read from the store in the same read transaction as the batch's
/// documents and applied in the same LMDB write transaction as its ingest cursor. Each entry is the
/// current row, or nil when the row is gone; applying an entry twice is harmless (state is diffed).
public struct TrendingBatch: Sendable {
    /// Users whose row changed: their reputation, nil when deleted.
    public var users: [(id: Int64, reputation: Int64?)] = []
    /// Prompts whose row changed: their facts, nil when deleted.
    public var prompts: [(id: Int64, facts: PromptFacts?)] = []
    /// Event rows that changed: the current row, nil when deleted.
    public var events: [(kind: EngagementKind, id: Int64, event: EngagementEvent?)] = []

    /// An empty batch.
    public init() {}

    /// Whether there is nothing to apply.
    public var isEmpty: Bool { users.isEmpty && prompts.isEmpty && events.isEmpty }
}
