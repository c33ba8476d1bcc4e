import Foundation
import GRDB
import VaultTrending

/// Every trending list written as SQL over the store's tables at an instant `now`: the reference
/// the engine's lists must equal (same prompts, order and scores to 1e-9 relative), used by the
/// oracle tests and by `bench-trending`'s SQL side. Each list is ordered by score descending, then
/// id; no LIMIT (callers take a prefix, or pass `limit`).
///
/// `seed` reads the counter columns as the site's `v_trending_prompts` did; `decay` and the windows
/// read the event rows (a view's visitor is its user, else its fingerprint, else itself; one view
/// per visitor, prompt and dedup window, its earliest, counts in `decay`).
public struct TrendingReferenceSQL: Sendable {
    /// The settings (half-life, dedup window, epoch, m).
    public let settings: TrendingSettings
    /// Appended to every query (e.g. " LIMIT 50"); empty by default.
    public var limitClause = ""
    /// Public and published, on the alias `p`.
    public static let listed = "p.visibility = 'public' AND p.status = 'published'"

    /// The reference for `settings`.
    public init(settings: TrendingSettings, limit: Int? = nil) {
        self.settings = settings
        limitClause = limit.map { " LIMIT \($0)" } ?? ""
    }

    private static func quoted(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }

    /// A selection as a SQL condition on `p` (category with descendants by slug, tag by name in any
    /// case, model by slug; `featuredOnly` stands for the filter `featured = true`).
    public static func condition(_ selection: PromptSelection, featuredOnly: Bool = false) -> String {
        var parts = [listed]
        if let category = selection.category {
            parts.append("""
                p.category_id IN (WITH RECURSIVE sub(id) AS (SELECT id FROM categories WHERE slug = \(quoted(category))
                  UNION SELECT c.id FROM categories c JOIN sub ON c.parent_id = sub.id) SELECT id FROM sub)
                """)
        }
        if let tag = selection.tag {
            parts.append("EXISTS (SELECT 1 FROM prompt_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.prompt_id = p.id AND lower(t.name) = lower(\(quoted(tag))))")
        }
        if let model = selection.model { parts.append("p.model_id IN (SELECT id FROM ai_models WHERE slug = \(quoted(model)))") }
        if featuredOnly { parts.append("p.featured = 1") }
        return parts.joined(separator: " AND ")
    }

    /// Trending under `formula`.
    public func trending(_ formula: TrendingFormula, where condition: String, now: Int64, _ db: Database) throws -> [RankedEntry] {
        switch formula {
        case .seed:
            return try fetch(db, """
                SELECT p.id, (p.view_count + 3 * p.copy_count + 5 * p.rating_count + 2 * p.bookmark_count)
                       / pow((\(now) - p.created_at) / 3600.0 + 2, 1.5) AS score
                FROM prompts p WHERE \(condition) AND (\(now) - p.created_at) / 3600.0 + 2 > 0
                ORDER BY score DESC, p.id
                """)
        case .decay:
            return try fetch(db, """
                WITH terms(prompt_id, w, t) AS (
                  SELECT prompt_id, 1, min(viewed_at) FROM prompt_views
                    GROUP BY prompt_id, coalesce('u:' || user_id, 'f:' || nullif(visitor_fingerprint, ''), 'e:' || id),
                             (viewed_at - \(settings.epoch)) / \(settings.viewDedupWindow)
                  UNION ALL SELECT prompt_id, 3, copied_at FROM prompt_copies
                  UNION ALL SELECT prompt_id, 5, created_at FROM ratings
                  UNION ALL SELECT prompt_id, 2, created_at FROM bookmarks)
                SELECT p.id, sum(w * pow(2, -(\(now) - t) * 1.0 / \(settings.halfLife))) AS score
                FROM terms JOIN prompts p ON p.id = terms.prompt_id WHERE \(condition)
                GROUP BY p.id ORDER BY score DESC, p.id
                """)
        }
    }

    /// A prompt leaderboard; C is over every listed prompt rated in the period.
    public func prompts(by order: PromptLeaderboard, period: LeaderboardPeriod, where condition: String, now: Int64, _ db: Database) throws -> [RankedEntry] {
        let since = period.seconds.map { "AND e.t > \(now - $0)" } ?? ""
        switch order {
        case .views, .copies:
            let table = order == .views ? "SELECT prompt_id, viewed_at AS t FROM prompt_views" : "SELECT prompt_id, copied_at AS t FROM prompt_copies"
            return try fetch(db, """
                SELECT p.id, count(*) AS score FROM (\(table)) e JOIN prompts p ON p.id = e.prompt_id
                WHERE \(condition) \(since) GROUP BY p.id ORDER BY score DESC, p.id
                """)
        case .rating:
            // C over every listed prompt rated in the period; the selection only filters the list.
            let m = settings.bayesPrior
            return try fetch(db, """
                WITH r AS (SELECT p.id AS id, count(*) AS v, avg(e.value) AS R, (\(condition)) AS selected
                           FROM (SELECT prompt_id, value, created_at AS t FROM ratings) e JOIN prompts p ON p.id = e.prompt_id
                           WHERE \(Self.listed) \(since) GROUP BY p.id),
                     c AS (SELECT avg(R) AS C FROM r)
                SELECT id, v * 1.0 / (v + \(m)) * R + \(m) / (v + \(m)) * C AS score FROM r, c WHERE selected
                ORDER BY score DESC, id
                """)
        }
    }

    /// An author leaderboard.
    public func authors(by order: AuthorLeaderboard, period: LeaderboardPeriod, now: Int64, _ db: Database) throws -> [RankedEntry] {
        switch order {
        case .reputation:
            return try fetch(db, """
                SELECT u.id, u.reputation AS score FROM users u
                WHERE EXISTS (SELECT 1 FROM prompts p WHERE p.author_id = u.id AND \(Self.listed))
                ORDER BY score DESC, u.id
                """)
        case .engagement:
            let since = period.seconds.map { "AND e.t > \(now - $0)" } ?? ""
            return try fetch(db, """
                WITH e(prompt_id, w, t) AS (
                  SELECT prompt_id, 1, viewed_at FROM prompt_views UNION ALL SELECT prompt_id, 3, copied_at FROM prompt_copies
                  UNION ALL SELECT prompt_id, 5, created_at FROM ratings UNION ALL SELECT prompt_id, 2, created_at FROM bookmarks)
                SELECT p.author_id, sum(w) AS score FROM e JOIN prompts p ON p.id = e.prompt_id
                WHERE \(Self.listed) \(since) GROUP BY p.author_id HAVING score > 0 ORDER BY score DESC, p.author_id
                """)
        }
    }

    private func fetch(_ db: Database, _ sql: String) throws -> [RankedEntry] {
        try Row.fetchAll(db, sql: sql + limitClause).map { RankedEntry(id: $0[0], score: $0[1]) }
    }
}

