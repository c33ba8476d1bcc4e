import GRDB
import VaultTrending

/// Reads what trending needs from the PromptVault store (the only SQL of trending): the rows of
/// changed prompts, users and engagement events, for one change-log batch (``read(_:in:)``) or for
/// the whole store (``loadAll(in:chunk:apply:)``, a rebuild). Enabled when the mapping watches
/// engagement tables (`watch[].engagement`).
struct EngagementReader {
    /// The entity names of the watched prompts and users tables, and of each engagement table.
    let promptEntity: String
    let userEntity: String?
    let eventEntities: [String: EngagementKind]

    /// The reader for `configuration`, or nil when it watches no engagement table.
    init?(configuration: SourceConfiguration) {
        var events: [String: EngagementKind] = [:]
        for watched in configuration.watch { if let kind = watched.engagement { events[watched.entity] = kind } }
        guard !events.isEmpty, let prompts = configuration.watch.first(where: { $0.table == configuration.root.table }) else { return nil }
        promptEntity = prompts.entity
        userEntity = configuration.watch.first(where: { $0.table == "users" })?.entity
        eventEntities = events
    }

    /// The fingerprint column of views, or NULL on a store older than migration
    /// "v3-visitor-fingerprint" (its anonymous views are then each their own visitor).
    static func fingerprintColumn(_ db: Database) throws -> String {
        try db.columns(in: "prompt_views").contains { $0.name.lowercased() == "visitor_fingerprint" } ? "visitor_fingerprint" : "NULL"
    }

    /// The trending batch for change-log entries (entity → changed ids), from the current rows.
    func read(_ idsByEntity: [String: [Int64]], in db: Database) throws -> TrendingBatch {
        var batch = TrendingBatch()
        if let userEntity, let ids = idsByEntity[userEntity] {
            let found = try Self.fetchUsers(where: "id IN (SELECT value FROM json_each(?))", Self.json(ids), db)
            for id in Set(ids).sorted() { batch.users.append((id, found[id])) }
        }
        if let ids = idsByEntity[promptEntity] {
            var found: [Int64: PromptFacts] = [:]
            try Self.forEachPrompt(where: "id IN (SELECT value FROM json_each(?))", Self.json(ids), db) { found[$0.id] = $0 }
            for id in Set(ids).sorted() { batch.prompts.append((id, found[id])) }
        }
        for (entity, kind) in eventEntities.sorted(by: { $0.value.rawValue < $1.value.rawValue }) {
            guard let ids = idsByEntity[entity] else { continue }
            var found: [Int64: EngagementEvent] = [:]
            try Self.forEachEvent(kind, where: "\(Self.idColumn(kind)) IN (SELECT value FROM json_each(?))", Self.json(ids), db) { found[$0.id] = $0 }
            for id in Set(ids).sorted() { batch.events.append((kind, id, found[id])) }
        }
        return batch
    }

    /// Every user, prompt and event row, in batches of `chunk` rows, for a rebuild.
    static func loadAll(in db: Database, chunk: Int = 50_000, apply: (TrendingBatch) throws -> Void) throws {
        var batch = TrendingBatch()
        func flushIfFull(_ count: Int) throws {
            if count >= chunk {
                try apply(batch)
                batch = TrendingBatch()
            }
        }
        for (id, reputation) in try fetchUsers(where: "1", nil, db).sorted(by: { $0.key < $1.key }) {
            batch.users.append((id, reputation))
        }
        try forEachPrompt(where: "1", nil, db) { facts in
            batch.prompts.append((facts.id, facts))
            try flushIfFull(batch.prompts.count)
        }
        for kind in EngagementKind.allCases {
            try forEachEvent(kind, where: "1", nil, db) { event in
                batch.events.append((kind, event.id, event))
                try flushIfFull(batch.events.count)
            }
        }
        if !batch.isEmpty { try apply(batch) }
    }

    // MARK: SQL

    private static func json(_ ids: [Int64]) -> String { "[" + ids.map(String.init).joined(separator: ",") + "]" }

    private static func idColumn(_ kind: EngagementKind) -> String { kind == .bookmark ? "rowid" : "id" }

    private static func fetchUsers(where condition: String, _ argument: String?, _ db: Database) throws -> [Int64: Int64] {
        var out: [Int64: Int64] = [:]
        let rows = try Row.fetchCursor(db, sql: "SELECT id, reputation FROM users WHERE \(condition)", arguments: StatementArguments(argument.map { [$0] } ?? []))
        while let row = try rows.next() { out[row[0]] = row[1] }
        return out
    }

    private static func forEachPrompt(where condition: String, _ argument: String?, _ db: Database, _ body: (PromptFacts) throws -> Void) throws {
        let sql = """
            SELECT id, author_id, visibility = 'public' AND status = 'published', created_at,
                   view_count, copy_count, rating_count, bookmark_count
            FROM prompts WHERE \(condition) ORDER BY id
            """
        let rows = try Row.fetchCursor(db, sql: sql, arguments: StatementArguments(argument.map { [$0] } ?? []))
        while let row = try rows.next() {
            try body(PromptFacts(
                id: row[0], authorID: row[1], isListed: row[2], createdAt: row[3], viewCount: row[4], copyCount: row[5],
                ratingCount: row[6], bookmarkCount: row[7]))
        }
    }

    private static func forEachEvent(
        _ kind: EngagementKind, where condition: String, _ argument: String?, _ db: Database, _ body: (EngagementEvent) throws -> Void
    ) throws {
        let sql: String
        switch kind {
        case .view: sql = "SELECT id, prompt_id, user_id, viewed_at, 0, \(try fingerprintColumn(db)) FROM prompt_views"
        case .copy: sql = "SELECT id, prompt_id, user_id, copied_at, 0, NULL FROM prompt_copies"
        case .rating: sql = "SELECT id, prompt_id, user_id, created_at, value, NULL FROM ratings"
        case .bookmark: sql = "SELECT rowid, prompt_id, user_id, created_at, 0, NULL FROM bookmarks"
        }
        let rows = try Row.fetchCursor(db, sql: sql + " WHERE \(condition)", arguments: StatementArguments(argument.map { [$0] } ?? []))
        while let row = try rows.next() {
            try body(EngagementEvent(
                kind: kind, id: row[0], promptID: row[1], userID: row[2], fingerprint: row[5], time: row[3], value: row[4]))
        }
    }
}
