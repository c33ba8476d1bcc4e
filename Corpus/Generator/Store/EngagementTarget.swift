/// What ``EngagementGenerator`` needs to know about one prompt to invent its engagement.
public struct EngagementTarget: Sendable, Equatable {
    /// The prompt.
    public var promptID: Int64
    /// Its author: never rates or bookmarks it, and is the only one who sees it while it is
    /// private or a draft.
    public var authorID: Int64
    /// No event comes before this time.
    public var createdAt: Int64
    /// "public", "private" or "unlisted".
    public var visibility: String
    /// "draft", "published" or "archived".
    public var status: String
    /// The mean number of events over the whole window, before per-prompt noise.
    public var expectedEvents: Double
    /// The mean number of extra events in the last 7 days (a burst), before noise; 0 for none.
    public var burstEvents: Double

    /// Creates a target.
    public init(
        promptID: Int64, authorID: Int64, createdAt: Int64, visibility: String, status: String,
        expectedEvents: Double, burstEvents: Double
    ) {
        self.promptID = promptID
        self.authorID = authorID
        self.createdAt = createdAt
        self.visibility = visibility
        self.status = status
        self.expectedEvents = expectedEvents
        self.burstEvents = burstEvents
    }
}
