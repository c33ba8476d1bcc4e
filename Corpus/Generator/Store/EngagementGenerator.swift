/// Invents the engagement events of prompts: seeded, deterministic for (seed, now, user count),
/// and random-access — a prompt's events depend only on those and its ``EngagementTarget``.
///
/// For each prompt: the expected counts are scaled by a noise factor uniform in [0.4, 1.6) (×0.3
/// for unlisted or archived prompts), then split into about 72 % views, 20 % copies, 4 %
/// bookmarks and 4 % ratings. Each event falls uniformly in the last 60 days before `now` (not
/// before the prompt's creation); burst events fall in the last 7 days. Half the views and
/// copies are anonymous. Bookmarks and ratings come from distinct users other than the author
/// (so there are at most users − 1 of each per prompt). Ratings are 1–5 stars with a mean near
/// 4.2. Private and draft prompts get only 0–5 views, all by their author.
///
/// Only integer and IEEE arithmetic is used (no libm), so a seed gives the same events everywhere.
public struct EngagementGenerator: Sendable {
    /// The engagement window: 60 days, in seconds.
    public static let window: Int64 = 60 * 86_400
    /// The burst window: the last 7 days, in seconds.
    public static let burstWindow: Int64 = 7 * 86_400

    /// The seed all events derive from.
    public let seed: UInt64
    /// The end of the window (Unix seconds); no event comes after it.
    public let now: Int64
    /// Users are ids `1...userCount`.
    public let userCount: Int

    /// Creates a generator; `userCount` ≥ 1.
    public init(seed: UInt64, now: Int64, userCount: Int) {
        precondition(userCount >= 1, "engagement needs at least one user")
        self.seed = seed
        self.now = now
        self.userCount = userCount
    }

    /// The events of one prompt, generated lazily as they are read (a very popular prompt's
    /// millions of events are never held in memory).
    public func events(for target: EngagementTarget) -> PromptEvents {
        PromptEvents(target: target, seed: seed, now: now, userCount: userCount)
    }

    /// Days (fractional) of the window during which a prompt created at `createdAt` existed.
    public static func activeDays(createdAt: Int64, now: Int64) -> Double {
        Double(max(0, now - max(createdAt, now - window))) / 86_400
    }
}
