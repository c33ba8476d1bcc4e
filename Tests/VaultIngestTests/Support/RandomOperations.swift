import Foundation
import GRDB
import VaultCorpus

/// Random operations on a PromptVault store, the kinds the property and crash tests need: prompt
/// inserts, edits and deletes, tag renames, tag add/remove, category moves (never under their own
/// subtree), visibility and status flips, user renames, model renames, tag and category deletes.
enum RandomOperations {
    /// Applies one random operation in its own transaction; returns its name.
    @discardableResult
    static func apply(_ random: inout SeededRandom, to db: Database) throws -> String {
        let maxPrompt = try Int64.fetchOne(db, sql: "SELECT max(id) FROM prompts") ?? 0
        func somePrompt() throws -> Int64? {
            try Int64.fetchOne(db, sql: "SELECT id FROM prompts WHERE id >= ? ORDER BY id LIMIT 1", arguments: [1 + Int64(random.below(Int(max(maxPrompt, 1))))])
        }
        func some(_ table: String) throws -> Int64? {
            let ids = try Int64.fetchAll(db, sql: "SELECT id FROM \(table)")
            return ids.isEmpty ? nil : random.pick(ids)
        }
        let word = random.pick(TestStore.words)
        switch random.below(13) {
        case 0, 1:
            let users = try Int64.fetchAll(db, sql: "SELECT id FROM users")
            guard let author = users.isEmpty ? nil : random.pick(users) else { return "noop" }
            let id = maxPrompt + 1
            try db.execute(
                sql: """
                    INSERT INTO prompts(id, slug, title, description, content, category_id, model_id, author_id, visibility, status, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, (SELECT id FROM categories ORDER BY random() LIMIT 1), (SELECT id FROM ai_models ORDER BY random() LIMIT 1), ?, 'public', 'published', 1, 1)
                    """,
                arguments: [id, "p-\(id)-\(random.below(1_000_000))", TestStore.sentence(&random, 3), TestStore.sentence(&random, 5), TestStore.sentence(&random, 9), author])
            if let tag = try some("tags") { try db.execute(sql: "INSERT OR IGNORE INTO prompt_tags VALUES (?, ?)", arguments: [id, tag]) }
            return "insert prompt"
        case 2:
            guard let id = try somePrompt() else { return "noop" }
            try db.execute(sql: "UPDATE prompts SET title = ?, content = content || ' ' || ?, updated_at = updated_at + 1 WHERE id = ?",
                           arguments: [TestStore.sentence(&random, 3), word, id])
            return "edit prompt"
        case 3:
            guard let id = try somePrompt() else { return "noop" }
            try db.execute(sql: "DELETE FROM prompts WHERE id = ?", arguments: [id])
            return "delete prompt"
        case 4:
            guard let tag = try some("tags") else { return "noop" }
            try db.execute(sql: "UPDATE tags SET name = ? WHERE id = ?", arguments: ["\(word) \(random.below(100))", tag])
            return "rename tag"
        case 5:
            guard let id = try somePrompt(), let tag = try some("tags") else { return "noop" }
            if random.chance(50) {
                try db.execute(sql: "INSERT OR IGNORE INTO prompt_tags VALUES (?, ?)", arguments: [id, tag])
            } else {
                try db.execute(sql: "DELETE FROM prompt_tags WHERE prompt_id = ? AND tag_id IN (SELECT tag_id FROM prompt_tags WHERE prompt_id = ? LIMIT 1)", arguments: [id, id])
            }
            return "tag add/remove"
        case 6:
            guard let category = try some("categories") else { return "noop" }
            // A new parent outside the category's own subtree (or none: a new top level).
            let candidates = try Int64.fetchAll(db, sql: """
                WITH RECURSIVE sub(id) AS (SELECT ? UNION SELECT c.id FROM categories c JOIN sub ON c.parent_id = sub.id)
                SELECT id FROM categories WHERE id NOT IN (SELECT id FROM sub)
                """, arguments: [category])
            let parent: Int64? = candidates.isEmpty || random.chance(15) ? nil : random.pick(candidates)
            try db.execute(sql: "UPDATE categories SET parent_id = ? WHERE id = ?", arguments: [parent, category])
            return "move category"
        case 7:
            guard let id = try somePrompt() else { return "noop" }
            try db.execute(sql: "UPDATE prompts SET visibility = ? WHERE id = ?", arguments: [random.pick(["public", "private", "unlisted"]), id])
            return "flip visibility"
        case 8:
            guard let id = try somePrompt() else { return "noop" }
            try db.execute(sql: "UPDATE prompts SET status = ? WHERE id = ?", arguments: [random.pick(["draft", "published", "archived"]), id])
            return "flip status"
        case 9:
            guard let user = try some("users") else { return "noop" }
            try db.execute(sql: "UPDATE users SET username = ?, display_name = ? WHERE id = ?",
                           arguments: ["u\(user)-\(random.below(1_000_000))", "\(word.capitalized) \(user)", user])
            return "rename user"
        case 10:
            guard let model = try some("ai_models") else { return "noop" }
            try db.execute(sql: "UPDATE ai_models SET provider = ? WHERE id = ?", arguments: [random.pick(["OpenAI", "Anthropic", "Google", "Meta"]), model])
            return "rename model provider"
        case 11:
            guard let id = try somePrompt(), let category = try some("categories") else { return "noop" }
            try db.execute(sql: "UPDATE prompts SET category_id = ?, view_count = view_count + 1 WHERE id = ?", arguments: [category, id])
            return "recategorize prompt"
        default:
            if random.chance(50), let tag = try some("tags"), try Int.fetchOne(db, sql: "SELECT count(*) FROM tags")! > 3 {
                try db.execute(sql: "DELETE FROM tags WHERE id = ?", arguments: [tag])
                return "delete tag"
            }
            let name = "t\(random.below(1_000_000))"
            try db.execute(sql: "INSERT OR IGNORE INTO tags(name, slug) VALUES (?, ?)", arguments: [name, name])
            return "add tag"
        }
    }
}
