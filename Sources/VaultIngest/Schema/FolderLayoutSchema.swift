import GRDB

/// The site's other design, deliberately different from ``PromptVaultSchema``: text ids (UUIDs),
/// camelCase columns, prompts filed under a `folder` path such as `marketing/social`, per-user tags
/// with colours, an `isPublic` flag, a free-text `model` column and ISO-8601 times.
///
/// It exists to show that the document mapping is configuration: `Mappings/folder-layout.json`
/// indexes it without any code of its own.
public enum FolderLayoutSchema: StoreSchema {
    /// Migration "v1"; `migrator` and `migrate(_:)` come from ``StoreSchema``.
    public static let migrations = [(identifier: "v1", sql: v1)]

    static let v1 = """
        CREATE TABLE users(id TEXT PRIMARY KEY, name TEXT, email TEXT);
        CREATE TABLE prompts(
          id TEXT PRIMARY KEY, userId TEXT REFERENCES users(id) ON DELETE CASCADE, title TEXT, content TEXT,
          description TEXT, folder TEXT, model TEXT, isPublic INTEGER, createdAt TEXT, updatedAt TEXT);
        CREATE INDEX prompts_userId ON prompts(userId);
        CREATE TABLE tags(id TEXT PRIMARY KEY, userId TEXT REFERENCES users(id) ON DELETE CASCADE, name TEXT, color TEXT);
        CREATE TABLE promptTags(
          promptId TEXT REFERENCES prompts(id) ON DELETE CASCADE, tagId TEXT REFERENCES tags(id) ON DELETE CASCADE,
          PRIMARY KEY(promptId, tagId));
        CREATE INDEX promptTags_tagId ON promptTags(tagId);
        """
}
