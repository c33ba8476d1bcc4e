import GRDB
import VaultIngest

/// The usernames of author leaderboard entries, from the store's `users` table (the index keeps
/// prompts, not users). Synchronous on purpose: GRDB's async overloads would be picked in async code.
enum AuthorNames {
    /// `users.username` of each of `ids` found; empty when the store has no such table or column,
    /// or cannot be read (the entries are then answered without names).
    static func lookup(_ ids: [Int64], store: String) -> [Int64: String] {
        guard !ids.isEmpty else { return [:] }
        do {
            let queue = try StoreConnection.open(store, readOnly: true)
            let list = "[" + ids.map(String.init).joined(separator: ",") + "]"
            return try queue.read { db in
                var names: [Int64: String] = [:]
                for row in try Row.fetchAll(db, sql: "SELECT id, username FROM users WHERE id IN (SELECT value FROM json_each(?))", arguments: [list]) {
                    if let id: Int64 = row[0], let name: String = row[1] { names[id] = name }
                }
                return names
            }
        } catch {
            return [:]
        }
    }
}
