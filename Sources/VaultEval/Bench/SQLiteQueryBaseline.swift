import Foundation
import GRDB

/// The SQL side of `vaultsearch bench-query`: the questions the engine answers with filters, facets,
/// sort and exact totals, asked of SQLite over the same PromptVault store.
///
/// Everything is built in a COPY of the store (SQLite's online backup), never in the store itself:
/// - `bench_fts`: an FTS5 table over each prompt's `title`, `description`, `content` and tag names
///   (space-separated), `rowid` = the prompt id, `porter unicode61 remove_diacritics 2`, ranked by
///   `bm25()` with the mapping's weights (3, 1.5, 1, 2). `instructions` (weight 0.5 in the engine)
///   is not in it.
/// - `bench_category_root(category_id, root_slug)`: each category's top-level ancestor, precomputed
///   once with a recursive CTE from the parentless categories (what `category.lvl0` is in the engine).
/// - Two indexes on `prompts` a SQL deployment would add for these queries: `(created_at)` for the
///   sort, `(category_id, visibility, status)` for the category count.
///
/// Every request is restricted like the engine's `.publicOnly` scope (`visibility = 'public' AND
/// status = 'published'`). Text is matched with the words OR-ed (``FTS5Baseline/matchExpression(_:)``);
/// `tags` is compared case-insensitively by name through `prompt_tags`/`tags` (the engine normalizes
/// filter values to lower case), `model` by `ai_models.slug`, `category.lvl0` by the root slug.
public final class SQLiteQueryBaseline {
    /// One question: text (empty: no text condition), the filter's parts, the order.
    public struct Request: Sendable, Hashable {
        /// The query text; empty for a placeholder search (no MATCH).
        public var text: String
        /// `tags = tag`.
        public var tag: String?
        /// `model IN [models]` (ignored when empty).
        public var models: [String]
        /// `category.lvl0 = rootCategory`.
        public var rootCategory: String?
        /// `createdAt:desc` instead of relevance (bm25) or, for a placeholder search, rowid order.
        public var newestFirst: Bool

        /// A request.
        public init(text: String, tag: String? = nil, models: [String] = [], rootCategory: String? = nil, newestFirst: Bool = false) {
            self.text = text
            self.tag = tag
            self.models = models
            self.rootCategory = rootCategory
            self.newestFirst = newestFirst
        }
    }

    /// The total and the value counts of `tags`, `category.lvl0` and `model` over every match.
    public struct FacetCounts: Sendable, Equatable {
        /// How many prompts match.
        public var total: Int
        /// Facet name → value → matching prompts with that value.
        public var distribution: [String: [String: Int]]
    }

    /// The copy's path.
    public let path: String
    /// Seconds spent copying the store.
    public let copySeconds: Double
    /// Seconds spent building the FTS5 table, the root-category table and the indexes.
    public let buildSeconds: Double
    private let queue: DatabaseQueue

    /// The FTS5 column weights: title, description, content, tags (the mapping's searchable weights).
    public static let weights = [3.0, 1.5, 1.0, 2.0]

    /// Copies the store at `storePath` to `path` (replacing a file there) and builds the tables above
    /// in the copy. The store is opened read-only.
    public init(copying storePath: String, to path: String) throws {
        for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        self.path = path
        let copyStart = ContinuousClock.now
        var readOnly = Configuration()
        readOnly.readonly = true
        let source = try DatabaseQueue(path: storePath, configuration: readOnly)
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            // A generous page cache and a memory map, so repeated queries run from memory as the
            // engine's memory-mapped LMDB does.
            try db.execute(sql: "PRAGMA cache_size = -262144; PRAGMA mmap_size = 4294967296; PRAGMA temp_store = MEMORY")
        }
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        try source.backup(to: queue)
        try source.close()
        copySeconds = (ContinuousClock.now - copyStart).seconds
        let buildStart = ContinuousClock.now
        try queue.write { db in
            try db.execute(sql: """
                CREATE VIRTUAL TABLE bench_fts USING fts5(title, description, content, tags, tokenize = 'porter unicode61 remove_diacritics 2');
                INSERT INTO bench_fts(rowid, title, description, content, tags)
                  SELECT p.id, coalesce(p.title, ''), coalesce(p.description, ''), p.content,
                         coalesce((SELECT group_concat(t.name, ' ') FROM prompt_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.prompt_id = p.id), '')
                  FROM prompts p;
                INSERT INTO bench_fts(bench_fts) VALUES ('optimize');
                CREATE TABLE bench_category_root(category_id INTEGER PRIMARY KEY, root_slug TEXT NOT NULL);
                INSERT INTO bench_category_root(category_id, root_slug)
                  WITH RECURSIVE tree(id, root) AS (
                    SELECT id, slug FROM categories WHERE parent_id IS NULL
                    UNION ALL SELECT c.id, tree.root FROM categories c JOIN tree ON c.parent_id = tree.id)
                  SELECT id, root FROM tree;
                CREATE INDEX bench_root_slug ON bench_category_root(root_slug);
                CREATE INDEX bench_prompts_created_at ON prompts(created_at);
                CREATE INDEX bench_prompts_category_scope ON prompts(category_id, visibility, status);
                ANALYZE;
                """)
        }
        buildSeconds = (ContinuousClock.now - buildStart).seconds
        self.queue = queue
    }

    /// Removes the copy.
    public func remove() {
        try? queue.close()
        for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    /// The ids of the best `limit` prompts: by bm25 (or newest first) for a text request, newest first
    /// (or by id) for a placeholder request.
    public func top(_ request: Request, limit: Int) throws -> [Int64] {
        guard let (from, arguments) = Self.source(request) else { return [] }
        let order: String
        if request.newestFirst {
            order = "p.created_at DESC"
        } else if request.text.allSatisfy(\.isWhitespace) {
            order = "p.id"
        } else {
            order = "bm25(bench_fts, \(Self.weights.map { "\($0)" }.joined(separator: ", ")))"
        }
        return try queue.read { db in
            let statement = try db.cachedStatement(sql: "SELECT p.id \(from) ORDER BY \(order) LIMIT ?")
            return try Int64.fetchAll(statement, arguments: StatementArguments(arguments + [limit.databaseValue]))
        }
    }

    /// How many prompts match `request` (`COUNT(*)`).
    public func count(_ request: Request) throws -> Int {
        guard let (from, arguments) = Self.source(request) else { return 0 }
        return try queue.read { db in
            let statement = try db.cachedStatement(sql: "SELECT COUNT(*) \(from)")
            return try Int.fetchOne(statement, arguments: StatementArguments(arguments)) ?? 0
        }
    }

    /// The total and the facet counts over every match, in one statement: the matches are
    /// materialized once (a `MATERIALIZED` CTE), then counted and grouped by tag name, root
    /// category and model slug.
    public func facetCounts(_ request: Request) throws -> FacetCounts {
        guard let (from, arguments) = Self.source(request) else { return FacetCounts(total: 0, distribution: [:]) }
        let sql = """
            WITH m(id, category_id, model_id) AS MATERIALIZED (SELECT p.id, p.category_id, p.model_id \(from))
            SELECT '' AS facet, '' AS value, COUNT(*) AS n FROM m
            UNION ALL SELECT 'tags', t.name, COUNT(*) FROM m JOIN prompt_tags pt ON pt.prompt_id = m.id JOIN tags t ON t.id = pt.tag_id GROUP BY t.name
            UNION ALL SELECT 'category.lvl0', r.root_slug, COUNT(*) FROM m JOIN bench_category_root r ON r.category_id = m.category_id GROUP BY r.root_slug
            UNION ALL SELECT 'model', a.slug, COUNT(*) FROM m JOIN ai_models a ON a.id = m.model_id GROUP BY a.slug
            """
        return try queue.read { db in
            let statement = try db.cachedStatement(sql: sql)
            var counts = FacetCounts(total: 0, distribution: [:])
            let rows = try Row.fetchCursor(statement, arguments: StatementArguments(arguments))
            while let row = try rows.next() {
                let facet: String = row["facet"], value: String = row["value"], n: Int = row["n"]
                if facet.isEmpty { counts.total = n } else { counts.distribution[facet, default: [:]][value] = n }
            }
            return counts
        }
    }

    /// The FROM and WHERE clauses of `request` and their arguments; nil when the text has words
    /// but none FTS5 can match.
    static func source(_ request: Request) -> (sql: String, arguments: [DatabaseValue])? {
        var sql: String
        var arguments: [DatabaseValue] = []
        if request.text.allSatisfy(\.isWhitespace) {
            sql = "FROM prompts p WHERE"
        } else {
            guard let match = FTS5Baseline.matchExpression(request.text) else { return nil }
            sql = "FROM bench_fts JOIN prompts p ON p.id = bench_fts.rowid WHERE bench_fts MATCH ? AND"
            arguments.append(match.databaseValue)
        }
        sql += " p.visibility = 'public' AND p.status = 'published'"
        if let tag = request.tag {
            sql += " AND EXISTS (SELECT 1 FROM prompt_tags pt WHERE pt.prompt_id = p.id AND pt.tag_id IN (SELECT id FROM tags WHERE lower(name) = ?))"
            arguments.append(tag.lowercased().databaseValue)
        }
        if !request.models.isEmpty {
            sql += " AND p.model_id IN (SELECT id FROM ai_models WHERE slug IN (\(Array(repeating: "?", count: request.models.count).joined(separator: ", "))))"
            arguments.append(contentsOf: request.models.map(\.databaseValue))
        }
        if let root = request.rootCategory {
            sql += " AND p.category_id IN (SELECT category_id FROM bench_category_root WHERE root_slug = ?)"
            arguments.append(root.databaseValue)
        }
        return (sql, arguments)
    }
}
