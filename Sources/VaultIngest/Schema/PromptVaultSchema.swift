import GRDB

/// The PromptVault site's schema on SQLite, as versioned migrations (GRDB's `DatabaseMigrator`).
///
/// Migration "v1" creates exactly the tables of the shared store spec (users, categories, ai_models,
/// prompts, tags, prompt_tags, ratings, bookmarks, prompt_views, prompt_copies, collections,
/// collection_prompts, comments, follows) with an index on every foreign key and on the event
/// tables' `(prompt_id, time)`. Times are INTEGER Unix seconds. The change log (`search_changes`)
/// is not part of the schema: ``ChangeLog`` installs it on any database.
///
/// Migration "v2-marketplace" adds the PromptForge design's marketplace: `listings` (a seller
/// offers a prompt, or a bundle without one, for `price_cents` in `currency`, under a licence;
/// status `active`, `sold`, `draft` or `removed`). GRDB's migrator applies it in place to a store
/// created at "v1": nothing else changes, so indexes and change logs of the store stay valid.
///
/// "v3-visitor-fingerprint" adds `prompt_views.visitor_fingerprint` (an anonymous visitor's
/// fingerprint, for deduplicating views); "v4-engagement-counters" installs the triggers that keep
/// the prompts' counters equal to the event rows in the same transaction as each event
/// (``EngagementCounters``). Existing stores upgrade in place.
///
/// The list is append-only: a store records the identifiers it has applied, so a migration is never
/// edited or reordered once shipped; a change is a new migration at the end.
public enum PromptVaultSchema: StoreSchema {
    /// The migrations in order; `migrator` and `migrate(_:)` come from ``StoreSchema``.
    public static let migrations = [
        (identifier: "v1", sql: v1),
        (identifier: "v2-marketplace", sql: v2Marketplace),
        (identifier: "v3-visitor-fingerprint", sql: v3VisitorFingerprint),
        (identifier: "v4-engagement-counters", sql: EngagementCounters.triggers),
    ]

    static let v3VisitorFingerprint = """
        ALTER TABLE prompt_views ADD COLUMN visitor_fingerprint TEXT;
        """

    /// The tables the schema defines, in creation order.
    public static let tables = [
        "users", "categories", "ai_models", "prompts", "tags", "prompt_tags", "ratings", "bookmarks", "prompt_views",
        "prompt_copies", "collections", "collection_prompts", "comments", "follows", "listings",
    ]

    static let v1 = """
        CREATE TABLE users(
          id INTEGER PRIMARY KEY, username TEXT NOT NULL UNIQUE, display_name TEXT NOT NULL, bio TEXT,
          reputation INTEGER NOT NULL DEFAULT 0, created_at INTEGER NOT NULL);
        CREATE TABLE categories(
          id INTEGER PRIMARY KEY, slug TEXT NOT NULL UNIQUE, name TEXT NOT NULL, description TEXT,
          parent_id INTEGER REFERENCES categories(id) ON DELETE SET NULL);
        CREATE INDEX categories_parent_id ON categories(parent_id);
        CREATE TABLE ai_models(id INTEGER PRIMARY KEY, name TEXT NOT NULL, slug TEXT NOT NULL UNIQUE, provider TEXT NOT NULL);
        CREATE TABLE prompts(
          id INTEGER PRIMARY KEY, slug TEXT NOT NULL UNIQUE, title TEXT, description TEXT, content TEXT NOT NULL,
          instructions TEXT, variables TEXT NOT NULL DEFAULT '[]',
          category_id INTEGER REFERENCES categories(id) ON DELETE SET NULL,
          model_id INTEGER REFERENCES ai_models(id) ON DELETE SET NULL,
          author_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
          visibility TEXT NOT NULL DEFAULT 'public' CHECK (visibility IN ('public','private','unlisted')),
          status TEXT NOT NULL DEFAULT 'published' CHECK (status IN ('draft','published','archived')),
          featured INTEGER NOT NULL DEFAULT 0, staff_pick INTEGER NOT NULL DEFAULT 0,
          view_count INTEGER NOT NULL DEFAULT 0, copy_count INTEGER NOT NULL DEFAULT 0,
          bookmark_count INTEGER NOT NULL DEFAULT 0, fork_count INTEGER NOT NULL DEFAULT 0,
          share_count INTEGER NOT NULL DEFAULT 0, comment_count INTEGER NOT NULL DEFAULT 0,
          rating_avg REAL NOT NULL DEFAULT 0, rating_count INTEGER NOT NULL DEFAULT 0,
          created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, published_at INTEGER,
          forked_from_id INTEGER REFERENCES prompts(id) ON DELETE SET NULL);
        CREATE INDEX prompts_category_id ON prompts(category_id);
        CREATE INDEX prompts_model_id ON prompts(model_id);
        CREATE INDEX prompts_author_id ON prompts(author_id);
        CREATE INDEX prompts_forked_from_id ON prompts(forked_from_id);
        CREATE TABLE tags(id INTEGER PRIMARY KEY, name TEXT NOT NULL, slug TEXT NOT NULL UNIQUE);
        CREATE TABLE prompt_tags(
          prompt_id INTEGER NOT NULL REFERENCES prompts(id) ON DELETE CASCADE,
          tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
          PRIMARY KEY(prompt_id, tag_id));
        CREATE INDEX prompt_tags_tag_id ON prompt_tags(tag_id);
        CREATE TABLE ratings(
          id INTEGER PRIMARY KEY, prompt_id INTEGER NOT NULL REFERENCES prompts(id) ON DELETE CASCADE,
          user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
          value INTEGER NOT NULL CHECK (value BETWEEN 1 AND 5), created_at INTEGER NOT NULL,
          UNIQUE(prompt_id, user_id));
        CREATE INDEX ratings_user_id ON ratings(user_id);
        CREATE INDEX ratings_prompt_time ON ratings(prompt_id, created_at);
        CREATE TABLE bookmarks(
          user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
          prompt_id INTEGER NOT NULL REFERENCES prompts(id) ON DELETE CASCADE,
          created_at INTEGER NOT NULL, PRIMARY KEY(user_id, prompt_id));
        CREATE INDEX bookmarks_prompt_time ON bookmarks(prompt_id, created_at);
        CREATE TABLE prompt_views(
          id INTEGER PRIMARY KEY, prompt_id INTEGER NOT NULL REFERENCES prompts(id) ON DELETE CASCADE,
          user_id INTEGER REFERENCES users(id) ON DELETE SET NULL, viewed_at INTEGER NOT NULL);
        CREATE INDEX prompt_views_prompt_time ON prompt_views(prompt_id, viewed_at);
        CREATE INDEX prompt_views_user_id ON prompt_views(user_id);
        CREATE TABLE prompt_copies(
          id INTEGER PRIMARY KEY, prompt_id INTEGER NOT NULL REFERENCES prompts(id) ON DELETE CASCADE,
          user_id INTEGER REFERENCES users(id) ON DELETE SET NULL, copied_at INTEGER NOT NULL);
        CREATE INDEX prompt_copies_prompt_time ON prompt_copies(prompt_id, copied_at);
        CREATE INDEX prompt_copies_user_id ON prompt_copies(user_id);
        CREATE TABLE collections(
          id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
          name TEXT NOT NULL, description TEXT, is_public INTEGER NOT NULL DEFAULT 1, created_at INTEGER NOT NULL);
        CREATE INDEX collections_user_id ON collections(user_id);
        CREATE TABLE collection_prompts(
          collection_id INTEGER NOT NULL REFERENCES collections(id) ON DELETE CASCADE,
          prompt_id INTEGER NOT NULL REFERENCES prompts(id) ON DELETE CASCADE,
          added_at INTEGER NOT NULL, PRIMARY KEY(collection_id, prompt_id));
        CREATE INDEX collection_prompts_prompt_id ON collection_prompts(prompt_id);
        CREATE TABLE comments(
          id INTEGER PRIMARY KEY, prompt_id INTEGER NOT NULL REFERENCES prompts(id) ON DELETE CASCADE,
          user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
          body TEXT NOT NULL, created_at INTEGER NOT NULL);
        CREATE INDEX comments_prompt_time ON comments(prompt_id, created_at);
        CREATE INDEX comments_user_id ON comments(user_id);
        CREATE TABLE follows(
          follower_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
          followee_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
          created_at INTEGER NOT NULL, PRIMARY KEY(follower_id, followee_id));
        CREATE INDEX follows_followee_id ON follows(followee_id);
        """

    /// The marketplace. A seller's listings go with the seller; a listing outlives its prompt (the
    /// link becomes NULL, as for a bundle).
    static let v2Marketplace = """
        CREATE TABLE listings(
          id INTEGER PRIMARY KEY,
          seller_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
          prompt_id INTEGER REFERENCES prompts(id) ON DELETE SET NULL,
          title TEXT NOT NULL, description TEXT,
          price_cents INTEGER NOT NULL CHECK (price_cents >= 0),
          currency TEXT NOT NULL DEFAULT 'USD' CHECK (length(currency) = 3),
          license TEXT NOT NULL DEFAULT 'personal' CHECK (license IN ('personal','commercial','extended')),
          status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('active','sold','draft','removed')),
          created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL);
        CREATE INDEX listings_seller_id ON listings(seller_id);
        CREATE INDEX listings_prompt_id ON listings(prompt_id);
        """
}

extension PromptVaultSchema {
    /// Brings a store this schema created (it has GRDB's migration table with "v1") up to date in
    /// place, and returns the migrations it applied; a foreign database is left alone (empty result).
    public static func upgradeInPlace(_ writer: some DatabaseWriter) throws -> [String] {
        let applied = try writer.read { db -> Set<String>? in
            guard try db.tableExists("grdb_migrations") else { return nil }
            return Set(try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"))
        }
        guard let applied, applied.contains("v1") else { return [] }
        try migrate(writer)
        return migrations.map(\.identifier).filter { !applied.contains($0) }
    }
}
