import GRDB
import VaultCorpus

/// Seeded random writes to a PromptVault store for the trending route tests: views (by a user, a
/// fingerprint or nobody), reload bursts, copies, ratings (new, changed, deleted), bookmarks,
/// deletes of each, visibility and status flips, category moves and reputation changes, at
/// instants up to 40 days before `now`. Synchronous on purpose (GRDB's async overloads would be
/// picked in async code). Returns the number of writes of each kind.
enum EngagementWrites {
    @discardableResult
    static func write(_ queue: DatabaseQueue, seed: UInt64, count: Int, now: Int64) throws -> [String: Int] {
        var random = SeededRandom(seed: seed)
        var counts: [String: Int] = [:]
        try queue.write { db in
            let users = try Int.fetchOne(db, sql: "SELECT max(id) FROM users") ?? 1
            let categories = try Int.fetchOne(db, sql: "SELECT max(id) FROM categories") ?? 1
            func pick(_ table: String, key: String = "id") throws -> Int64? {
                guard let high = try Int64.fetchOne(db, sql: "SELECT max(\(key)) FROM \(table)"), high > 0 else { return nil }
                let start = Int64(1 + random.below(Int(high)))
                return try Int64.fetchOne(db, sql: "SELECT \(key) FROM \(table) WHERE \(key) >= ? ORDER BY \(key) LIMIT 1", arguments: [start])
            }
            func prompt() throws -> Int64 { try pick("prompts") ?? 1 }
            func user() -> Int64 { Int64(1 + random.below(users)) }
            func time() -> Int64 {
                // Half the events in the last week, so day and week windows hold plenty.
                random.chance(50) ? now - Int64(random.below(7 * 86_400)) : now - Int64(random.below(40 * 86_400))
            }
            for _ in 0..<count {
                let name: String
                switch random.below(1_000) {
                case 0..<250:
                    name = "view"
                    let who = random.below(10)
                    let viewer: Int64? = who < 4 ? user() : nil
                    let fingerprint: String? = (4..<8).contains(who) ? "fp\(random.below(8))" : nil
                    try db.execute(sql: "INSERT INTO prompt_views(prompt_id, user_id, viewed_at, visitor_fingerprint) VALUES (?, ?, ?, ?)",
                                   arguments: [try prompt(), viewer, time(), fingerprint])
                case 250..<265:
                    name = "reload burst"
                    let target = try prompt(), viewer = user(), start = time()
                    for i in 0..<15 {
                        try db.execute(sql: "INSERT INTO prompt_views(prompt_id, user_id, viewed_at) VALUES (?, ?, ?)",
                                       arguments: [target, viewer, min(now, start + Int64(i * 40))])
                    }
                case 265..<300:
                    name = "view delete"
                    if let id = try pick("prompt_views") { try db.execute(sql: "DELETE FROM prompt_views WHERE id = ?", arguments: [id]) }
                case 300..<450:
                    name = "copy"
                    try db.execute(sql: "INSERT INTO prompt_copies(prompt_id, user_id, copied_at) VALUES (?, ?, ?)", arguments: [try prompt(), user(), time()])
                case 450..<470:
                    name = "copy delete"
                    if let id = try pick("prompt_copies") { try db.execute(sql: "DELETE FROM prompt_copies WHERE id = ?", arguments: [id]) }
                case 470..<620:
                    name = "rating"
                    try db.execute(sql: "INSERT OR IGNORE INTO ratings(prompt_id, user_id, value, created_at) VALUES (?, ?, ?, ?)",
                                   arguments: [try prompt(), user(), 1 + random.below(5), time()])
                case 620..<660:
                    name = "rating change"
                    if let id = try pick("ratings") {
                        try db.execute(sql: "UPDATE ratings SET value = ?, created_at = ? WHERE id = ?", arguments: [1 + random.below(5), time(), id])
                    }
                case 660..<675:
                    name = "rating delete"
                    if let id = try pick("ratings") { try db.execute(sql: "DELETE FROM ratings WHERE id = ?", arguments: [id]) }
                case 675..<815:
                    name = "bookmark"
                    try db.execute(sql: "INSERT OR IGNORE INTO bookmarks(user_id, prompt_id, created_at) VALUES (?, ?, ?)", arguments: [user(), try prompt(), time()])
                case 815..<840:
                    name = "bookmark delete"
                    if let id = try pick("bookmarks", key: "rowid") { try db.execute(sql: "DELETE FROM bookmarks WHERE rowid = ?", arguments: [id]) }
                case 840..<900:
                    name = "visibility flip"
                    try db.execute(sql: "UPDATE prompts SET visibility = ? WHERE id = ?", arguments: [random.pick(["public", "public", "private", "unlisted"]), try prompt()])
                case 900..<920:
                    name = "status flip"
                    try db.execute(sql: "UPDATE prompts SET status = ? WHERE id = ?", arguments: [random.pick(["published", "published", "draft"]), try prompt()])
                case 920..<960:
                    name = "category move"
                    try db.execute(sql: "UPDATE prompts SET category_id = ? WHERE id = ?", arguments: [1 + random.below(categories), try prompt()])
                default:
                    name = "reputation"
                    try db.execute(sql: "UPDATE users SET reputation = ? WHERE id = ?", arguments: [random.below(500), user()])
                }
                counts[name, default: 0] += 1
            }
        }
        return counts
    }
}
