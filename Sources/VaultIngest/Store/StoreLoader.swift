import Foundation
import GRDB
import VaultCorpus

/// Writes a ``StoreContents`` (the sample corpus or a generated store) into a PromptVault database:
/// prepared statements, one transaction per ``rowsPerTransaction`` rows, prompts, marketplace
/// listings and events streamed (never held in memory), then the prompts' counters derived from the
/// event tables.
///
/// The database must hold the ``PromptVaultSchema`` and no rows yet (ids come from the contents).
/// Contents without listings leave the `listings` table alone (a store still at migration "v1"
/// loads as before).
public struct StoreLoader {
    /// Rows written per transaction.
    public var rowsPerTransaction = 10_000

    /// Progress of a load, reported after every transaction.
    public struct Progress: Sendable {
        /// Prompts written so far.
        public var prompts: Int
        /// Events written so far.
        public var events: Int
        /// The number of prompts in the store.
        public var promptCount: Int
    }

    /// What a load wrote.
    public struct Summary: Sendable, Equatable {
        /// Rows per table.
        public var users = 0, categories = 0, models = 0, tags = 0, prompts = 0, promptTags = 0, listings = 0
        /// Event rows.
        public var views = 0, copies = 0, bookmarks = 0, ratings = 0
        /// Events that could not be stored (a rating or bookmark without a user, or a duplicate).
        public var skippedEvents = 0
    }

    /// A loader with the default transaction size.
    public init() {}

    /// Loads `contents` into `database`, which must be empty.
    public func load(_ contents: StoreContents, into database: DatabaseQueue, progress: (Progress) -> Void = { _ in }) throws -> Summary {
        var summary = Summary()
        try database.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA synchronous = OFF")
            defer { try? db.execute(sql: "PRAGMA synchronous = NORMAL") }
            let existing = try Int.fetchOne(db, sql: "SELECT count(*) FROM prompts") ?? 0
            if existing > 0 { throw StoreError.notEmpty(existing) }
            try db.inTransaction {
                try writeSmallTables(contents, db, &summary)
                return .commit
            }
            try writePrompts(contents, db, &summary, progress)
            try writeListings(contents, db, &summary)
            try writeEvents(contents, db, &summary, progress)
            try db.inTransaction {
                try db.execute(sql: Self.deriveCounters)
                return .commit
            }
        }
        return summary
    }

    private func writeSmallTables(_ contents: StoreContents, _ db: Database, _ summary: inout Summary) throws {
        let users = try db.makeStatement(
            sql: "INSERT INTO users(id, username, display_name, bio, reputation, created_at) VALUES (?, ?, ?, ?, ?, ?)")
        for user in contents.users {
            try users.execute(arguments: [user.id, user.username, user.displayName, user.bio, user.reputation, user.createdAt])
        }
        let categories = try db.makeStatement(sql: "INSERT INTO categories(id, slug, name, description, parent_id) VALUES (?, ?, ?, ?, ?)")
        for category in contents.categories {
            try categories.execute(arguments: [category.id, category.slug, category.name, category.description, category.parentID])
        }
        let models = try db.makeStatement(sql: "INSERT INTO ai_models(id, name, slug, provider) VALUES (?, ?, ?, ?)")
        for model in contents.models { try models.execute(arguments: [model.id, model.name, model.slug, model.provider]) }
        let tags = try db.makeStatement(sql: "INSERT INTO tags(id, name, slug) VALUES (?, ?, ?)")
        for tag in contents.tags { try tags.execute(arguments: [tag.id, tag.name, tag.slug]) }
        summary.users = contents.users.count
        summary.categories = contents.categories.count
        summary.models = contents.models.count
        summary.tags = contents.tags.count
    }

    private func writePrompts(_ contents: StoreContents, _ db: Database, _ summary: inout Summary, _ progress: (Progress) -> Void) throws {
        let insert = try db.makeStatement(sql: """
            INSERT INTO prompts(id, slug, title, description, content, instructions, variables, category_id, model_id,
              author_id, visibility, status, featured, staff_pick, created_at, updated_at, published_at, forked_from_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let tag = try db.makeStatement(sql: "INSERT OR IGNORE INTO prompt_tags(prompt_id, tag_id) VALUES (?, ?)")
        let iterator = contents.prompts.makeIterator()
        var done = false
        while !done {
            try db.inTransaction {
                var rows = 0
                while rows < rowsPerTransaction {
                    guard let prompt = iterator.next() else {
                        done = true
                        break
                    }
                    insert.setUncheckedArguments([
                        prompt.id, prompt.slug, prompt.title, prompt.description, prompt.content, prompt.instructions,
                        JSONText.array(prompt.variables), prompt.categoryID, prompt.modelID, prompt.authorID, prompt.visibility,
                        prompt.status, prompt.featured, prompt.staffPick, prompt.createdAt, prompt.updatedAt, prompt.publishedAt,
                        prompt.forkedFromID,
                    ])
                    try insert.execute()
                    for tagID in prompt.tagIDs {
                        tag.setUncheckedArguments([prompt.id, tagID])
                        try tag.execute()
                        summary.promptTags += db.changesCount
                    }
                    summary.prompts += 1
                    rows += 1 + prompt.tagIDs.count
                }
                return .commit
            }
            progress(Progress(prompts: summary.prompts, events: 0, promptCount: contents.promptCount))
        }
    }

    private func writeListings(_ contents: StoreContents, _ db: Database, _ summary: inout Summary) throws {
        let iterator = contents.listings.makeIterator()
        guard var listing = iterator.next() else { return }
        let insert = try db.makeStatement(sql: """
            INSERT INTO listings(id, seller_id, prompt_id, title, description, price_cents, currency, license, status,
              created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        var done = false
        while !done {
            try db.inTransaction {
                for _ in 0..<rowsPerTransaction {
                    insert.setUncheckedArguments([
                        listing.id, listing.sellerID, listing.promptID, listing.title, listing.description, listing.priceCents,
                        listing.currency, listing.license, listing.status, listing.createdAt, listing.updatedAt,
                    ])
                    try insert.execute()
                    summary.listings += 1
                    guard let next = iterator.next() else {
                        done = true
                        break
                    }
                    listing = next
                }
                return .commit
            }
        }
    }

    private func writeEvents(_ contents: StoreContents, _ db: Database, _ summary: inout Summary, _ progress: (Progress) -> Void) throws {
        // A store older than migration v3 has no fingerprint column: its views are stored without.
        let fingerprints = try db.columns(in: "prompt_views").contains { $0.name == "visitor_fingerprint" }
        let view = try db.makeStatement(sql: fingerprints
            ? "INSERT INTO prompt_views(prompt_id, user_id, viewed_at, visitor_fingerprint) VALUES (?, ?, ?, ?)"
            : "INSERT INTO prompt_views(prompt_id, user_id, viewed_at) VALUES (?, ?, ?)")
        let copy = try db.makeStatement(sql: "INSERT INTO prompt_copies(prompt_id, user_id, copied_at) VALUES (?, ?, ?)")
        let bookmark = try db.makeStatement(sql: "INSERT OR IGNORE INTO bookmarks(user_id, prompt_id, created_at) VALUES (?, ?, ?)")
        let rating = try db.makeStatement(sql: "INSERT OR IGNORE INTO ratings(prompt_id, user_id, value, created_at) VALUES (?, ?, ?, ?)")
        let iterator = contents.events.makeIterator()
        var done = false
        var events = 0
        while !done {
            try db.inTransaction {
                var rows = 0
                while rows < rowsPerTransaction {
                    guard let event = iterator.next() else {
                        done = true
                        break
                    }
                    rows += 1
                    events += 1
                    switch event.kind {
                    case .view:
                        view.setUncheckedArguments(
                            fingerprints ? [event.promptID, event.userID, event.at, event.fingerprint] : [event.promptID, event.userID, event.at])
                        try view.execute()
                        summary.views += 1
                    case .copy:
                        copy.setUncheckedArguments([event.promptID, event.userID, event.at])
                        try copy.execute()
                        summary.copies += 1
                    case .bookmark:
                        guard let user = event.userID else {
                            summary.skippedEvents += 1
                            continue
                        }
                        bookmark.setUncheckedArguments([user, event.promptID, event.at])
                        try bookmark.execute()
                        if db.changesCount == 1 { summary.bookmarks += 1 } else { summary.skippedEvents += 1 }
                    case .rating(let value):
                        guard let user = event.userID, (1...5).contains(value) else {
                            summary.skippedEvents += 1
                            continue
                        }
                        rating.setUncheckedArguments([event.promptID, user, value, event.at])
                        try rating.execute()
                        if db.changesCount == 1 { summary.ratings += 1 } else { summary.skippedEvents += 1 }
                    }
                }
                return .commit
            }
            progress(Progress(prompts: summary.prompts, events: events, promptCount: contents.promptCount))
        }
    }

    /// The counters the site keeps in sync in its application code, derived from the event tables.
    static let deriveCounters = """
        UPDATE prompts SET
          view_count = (SELECT count(*) FROM prompt_views v WHERE v.prompt_id = prompts.id),
          copy_count = (SELECT count(*) FROM prompt_copies c WHERE c.prompt_id = prompts.id),
          bookmark_count = (SELECT count(*) FROM bookmarks b WHERE b.prompt_id = prompts.id),
          fork_count = (SELECT count(*) FROM prompts f WHERE f.forked_from_id = prompts.id),
          comment_count = (SELECT count(*) FROM comments m WHERE m.prompt_id = prompts.id),
          rating_count = (SELECT count(*) FROM ratings r WHERE r.prompt_id = prompts.id),
          rating_avg = coalesce((SELECT avg(value) FROM ratings r WHERE r.prompt_id = prompts.id), 0)
        """
}
