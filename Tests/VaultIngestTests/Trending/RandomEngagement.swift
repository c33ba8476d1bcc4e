import GRDB
import VaultCorpus

/// Seeded random writes to a PromptVault store: every kind of engagement row inserted, changed and
/// deleted, reload bursts, visibility and status flips, category and author moves, reputation
/// changes, new and deleted prompts. Each call writes one operation; `counts` tallies them by name.
struct RandomEngagement {
    var random: SeededRandom
    let users: Int
    let categories: Int
    var counts: [String: Int] = [:]
    var nextPrompt: Int64 = 100_000

    static let roots = TestStore.categories.filter { $0.parentID == nil }.map(\.id)
    static let children = TestStore.categories.filter { category in category.parentID.map(roots.contains) ?? false }.map(\.id)
    static let grandchildren = TestStore.categories.filter { $0.parentID != nil && !children.contains($0.id) }.map(\.id)

    init(seed: UInt64, users: Int, categories: Int) {
        random = SeededRandom(seed: seed)
        self.users = users
        self.categories = categories
    }

    private mutating func pick(_ db: Database, _ table: String, key: String = "id") throws -> Int64? {
        guard let high = try Int64.fetchOne(db, sql: "SELECT max(\(key)) FROM \(table)"), high > 0 else { return nil }
        let start = Int64(1 + random.below(Int(high)))
        return try Int64.fetchOne(db, sql: "SELECT \(key) FROM \(table) WHERE \(key) >= ? ORDER BY \(key) LIMIT 1", arguments: [start])
    }

    private mutating func prompt(_ db: Database) throws -> Int64 { try pick(db, "prompts") ?? 1 }
    private mutating func user() -> Int64 { Int64(1 + random.below(users)) }
    private mutating func time(_ now: Int64) -> Int64 { now - Int64(random.below(40 * 86_400)) }

    /// One random operation at clock instant `now` (event times are at most `now`).
    mutating func step(_ db: Database, now: Int64) throws {
        let draw = random.below(1_000)
        let name: String
        switch draw {
        case 0..<230:
            name = "view"
            let who = random.below(10)
            let user: Int64? = who < 4 ? self.user() : nil
            let fingerprint: String? = who >= 4 && who < 8 ? "fp\(random.below(8))" : nil
            try db.execute(
                sql: "INSERT INTO prompt_views(prompt_id, user_id, viewed_at, visitor_fingerprint) VALUES (?, ?, ?, ?)",
                arguments: [try prompt(db), user, time(now), fingerprint])
        case 230..<250:
            name = "reload burst"
            let prompt = try prompt(db), user = self.user(), start = time(now)
            for i in 0..<20 {
                try db.execute(sql: "INSERT INTO prompt_views(prompt_id, user_id, viewed_at) VALUES (?, ?, ?)", arguments: [prompt, user, min(now, start + Int64(i * 30))])
            }
        case 250..<290:
            name = "view delete"
            if let id = try pick(db, "prompt_views") { try db.execute(sql: "DELETE FROM prompt_views WHERE id = ?", arguments: [id]) }
        case 290..<300:
            name = "view visitor change"
            if let id = try pick(db, "prompt_views") { try db.execute(sql: "UPDATE prompt_views SET user_id = NULL WHERE id = ?", arguments: [id]) }
        case 300..<440:
            name = "copy"
            try db.execute(sql: "INSERT INTO prompt_copies(prompt_id, user_id, copied_at) VALUES (?, ?, ?)", arguments: [try prompt(db), user(), time(now)])
        case 440..<460:
            name = "copy delete"
            if let id = try pick(db, "prompt_copies") { try db.execute(sql: "DELETE FROM prompt_copies WHERE id = ?", arguments: [id]) }
        case 460..<600:
            name = "rating"
            try db.execute(
                sql: "INSERT OR IGNORE INTO ratings(prompt_id, user_id, value, created_at) VALUES (?, ?, ?, ?)",
                arguments: [try prompt(db), user(), 1 + random.below(5), time(now)])
        case 600..<650:
            name = "rating change"
            if let id = try pick(db, "ratings") {
                if random.chance(50) {
                    try db.execute(sql: "UPDATE ratings SET value = ? WHERE id = ?", arguments: [1 + random.below(5), id])
                } else {
                    try db.execute(sql: "UPDATE ratings SET value = ?, created_at = ? WHERE id = ?", arguments: [1 + random.below(5), time(now), id])
                }
            }
        case 650..<670:
            name = "rating delete"
            if let id = try pick(db, "ratings") { try db.execute(sql: "DELETE FROM ratings WHERE id = ?", arguments: [id]) }
        case 670..<810:
            name = "bookmark"
            try db.execute(
                sql: "INSERT OR IGNORE INTO bookmarks(user_id, prompt_id, created_at) VALUES (?, ?, ?)",
                arguments: [user(), try prompt(db), time(now)])
        case 810..<840:
            name = "bookmark delete"
            if let id = try pick(db, "bookmarks", key: "rowid") { try db.execute(sql: "DELETE FROM bookmarks WHERE rowid = ?", arguments: [id]) }
        case 840..<890:
            name = "visibility flip"
            try db.execute(sql: "UPDATE prompts SET visibility = ? WHERE id = ?", arguments: [random.pick(["public", "public", "private", "unlisted"]), try prompt(db)])
        case 890..<905:
            name = "status flip"
            try db.execute(sql: "UPDATE prompts SET status = ? WHERE id = ?", arguments: [random.pick(["published", "published", "draft", "archived"]), try prompt(db)])
        case 905..<935:
            name = "category move"
            try db.execute(sql: "UPDATE prompts SET category_id = ? WHERE id = ?", arguments: [1 + random.below(categories), try prompt(db)])
        case 935..<945:
            name = "category reparent"
            // A grandchild moves under another child (of any root), never into its own subtree (other
            // writers may have reshaped the tree): no cycles.
            let leaf = random.pick(Self.grandchildren), parent = random.pick(Self.children)
            try db.execute(sql: """
                UPDATE categories SET parent_id = ? WHERE id = ? AND ? NOT IN (
                  WITH RECURSIVE sub(id) AS (SELECT ? UNION SELECT c.id FROM categories c JOIN sub ON c.parent_id = sub.id) SELECT id FROM sub)
                """, arguments: [parent, leaf, parent, leaf])
        case 945..<960:
            name = "author move"
            try db.execute(sql: "UPDATE prompts SET author_id = ? WHERE id = ?", arguments: [user(), try prompt(db)])
        case 960..<980:
            name = "reputation"
            try db.execute(sql: "UPDATE users SET reputation = ? WHERE id = ?", arguments: [random.below(500), user()])
        case 980..<990:
            name = "prompt insert"
            // Past every id so far (other writers insert max(id) + 1 too).
            nextPrompt = max(nextPrompt, (try Int64.fetchOne(db, sql: "SELECT max(id) FROM prompts") ?? 0)) + 1
            let created = time(now)
            try db.execute(sql: """
                INSERT INTO prompts(id, slug, title, content, author_id, category_id, model_id, created_at, updated_at, featured)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [nextPrompt, "new-\(nextPrompt)", "new prompt \(nextPrompt)", "write a poem", user(),
                                 1 + random.below(categories), 1 + random.below(3), created, created, random.chance(20)])
        default:
            name = "prompt delete"
            try db.execute(sql: "DELETE FROM prompts WHERE id = ?", arguments: [try prompt(db)])
        }
        counts[name, default: 0] += 1
    }
}
