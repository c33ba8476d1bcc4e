import Foundation
import GRDB
import VaultCorpus

/// Fills a ``FolderLayoutSchema`` database from the same ``StoreContents`` as ``StoreLoader``:
/// ids become UUID-shaped text, `folder` is the category path of slugs joined by `/`, tags become
/// per-user tags (one per author and tag, with a colour), `model` is the model's slug, `isPublic` is
/// `visibility == "public"`, times are ISO-8601. Events are not part of that design.
public struct FolderLayoutConverter {
    /// A converter.
    public init() {}

    /// The text id of record `id` of a kind (`0x1` users, `0x2` prompts, `0x3` tags).
    public static func textID(kind: UInt8, _ id: Int64, owner: Int64 = 0) -> String {
        String(format: "%08llx-%04llx-4%03x-8000-%012llx", UInt64(owner) & 0xffff_ffff, UInt64(id >> 48) & 0xffff, UInt32(kind), UInt64(id) & 0xffff_ffff_ffff)
    }

    /// Writes `contents` into `database` (which must hold the folder-layout schema and no rows).
    /// Returns the number of prompts written.
    @discardableResult
    public func convert(_ contents: StoreContents, into database: DatabaseQueue) throws -> Int {
        var paths: [Int64: String] = [:]
        for category in contents.categories {  // parents come before children
            paths[category.id] = category.parentID.flatMap { paths[$0].map { $0 + "/" } } ?? ""
            paths[category.id]! += category.slug
        }
        let models = Dictionary(uniqueKeysWithValues: contents.models.map { ($0.id, $0.slug) })
        let tags = Dictionary(uniqueKeysWithValues: contents.tags.map { ($0.id, $0.name) })
        let colours = ["#e11d48", "#f59e0b", "#10b981", "#3b82f6", "#8b5cf6", "#64748b"]
        let formatter = ISO8601DateFormatter()
        var count = 0
        try database.write { db in
            let user = try db.makeStatement(sql: "INSERT INTO users(id, name, email) VALUES (?, ?, ?)")
            for u in contents.users {
                try user.execute(arguments: [Self.textID(kind: 1, u.id), u.displayName, "\(u.username)@example.com"])
            }
            let prompt = try db.makeStatement(sql: """
                INSERT INTO prompts(id, userId, title, content, description, folder, model, isPublic, createdAt, updatedAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            let tag = try db.makeStatement(sql: "INSERT OR IGNORE INTO tags(id, userId, name, color) VALUES (?, ?, ?, ?)")
            let promptTag = try db.makeStatement(sql: "INSERT OR IGNORE INTO promptTags(promptId, tagId) VALUES (?, ?)")
            for p in contents.prompts {
                let promptID = Self.textID(kind: 2, p.id)
                try prompt.execute(arguments: [
                    promptID, Self.textID(kind: 1, p.authorID), p.title, p.content, p.description,
                    p.categoryID.flatMap { paths[$0] }, p.modelID.flatMap { models[$0] }, p.visibility == "public",
                    formatter.string(from: Date(timeIntervalSince1970: TimeInterval(p.createdAt))),
                    formatter.string(from: Date(timeIntervalSince1970: TimeInterval(p.updatedAt))),
                ])
                for tagID in p.tagIDs {
                    guard let name = tags[tagID] else { continue }
                    let id = Self.textID(kind: 3, tagID, owner: p.authorID)
                    try tag.execute(arguments: [id, Self.textID(kind: 1, p.authorID), name, colours[Int(tagID) % colours.count]])
                    try promptTag.execute(arguments: [promptID, id])
                }
                count += 1
            }
        }
        return count
    }
}
