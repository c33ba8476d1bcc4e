import GRDB

/// The PromptVault store as one row per prompt with the mapping's filterable fields, written
/// independently of the mapping's documents SQL.
public enum OracleSQL {
    /// Common table expressions (for `WITH RECURSIVE …`): `category_levels(id, depth, path, lvl0,
    /// lvl1, lvl2)` over the category tree from its roots, and `prompt_documents` with one row per
    /// prompt and the columns `id`, `slug`, `tags` (a JSON array of tag names), `category`,
    /// `category_lvl0` … `category_lvl2`, `model`, `provider`, `author`, `visibility`, `status`,
    /// `featured`, `staffPick`, `views`, `copies`, `bookmarks`, `forks`, `comments`, `ratingAvg`,
    /// `ratingCount`, `createdAt`, `updatedAt`, `publishedAt`, `forkedFrom` (NULL where the
    /// document has no such field).
    public static let promptDocuments = """
        category_levels(id, depth, path, lvl0, lvl1, lvl2) AS (
          SELECT id, 0, slug, slug, NULL, NULL FROM categories WHERE parent_id IS NULL
          UNION ALL
          SELECT c.id, l.depth + 1, l.path || '/' || c.slug, l.lvl0,
                 CASE WHEN l.depth + 1 = 1 THEN l.path || '/' || c.slug ELSE l.lvl1 END,
                 CASE WHEN l.depth + 1 = 2 THEN l.path || '/' || c.slug ELSE l.lvl2 END
          FROM categories c JOIN category_levels l ON c.parent_id = l.id),
        prompt_documents AS (
          SELECT p.id AS id, p.slug AS slug,
                 (SELECT json_group_array(t.name) FROM prompt_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.prompt_id = p.id) AS tags,
                 c.slug AS category, l.lvl0 AS category_lvl0, l.lvl1 AS category_lvl1, l.lvl2 AS category_lvl2,
                 m.slug AS model, m.provider AS provider, u.username AS author,
                 p.visibility AS visibility, p.status AS status, p.featured AS featured, p.staff_pick AS staffPick,
                 p.view_count AS views, p.copy_count AS copies, p.bookmark_count AS bookmarks, p.fork_count AS forks,
                 p.comment_count AS comments, p.rating_avg AS ratingAvg, p.rating_count AS ratingCount,
                 p.created_at AS createdAt, p.updated_at AS updatedAt, p.published_at AS publishedAt,
                 p.forked_from_id AS forkedFrom, COALESCE(p.forked_from_id, p.id) AS family
          FROM prompts p
          LEFT JOIN categories c ON c.id = p.category_id
          LEFT JOIN category_levels l ON l.id = p.category_id
          LEFT JOIN ai_models m ON m.id = p.model_id
          LEFT JOIN users u ON u.id = p.author_id)
        """

    /// The ids (as text, ascending) of the prompts whose row satisfies `condition`.
    public static func matchingIDs(_ condition: SQLFilterRenderer.Condition, in db: Database) throws -> [String] {
        let sql = "WITH RECURSIVE \(promptDocuments) SELECT CAST(d.id AS TEXT) FROM prompt_documents d WHERE \(condition.sql) ORDER BY d.id"
        return try String.fetchAll(db, sql: sql, arguments: StatementArguments(condition.arguments))
    }
}

/// Renders an ``OracleFilter`` as a SQL condition over ``OracleSQL/promptDocuments`` (aliased
/// `d`), to check the oracle (and the documents built from the store) against SQLite.
///
/// Subset: every operator, on the fields of ``OracleFieldKinds/promptVault`` that are filterable,
/// with ASCII operands only; range tests need number operands on number fields (as a valid filter
/// does). Outside it (another field, a non-ASCII operand, an invalid range test) the result is nil.
/// Faithful while no filterable text in the store holds a non-ASCII character that lowercases to
/// ASCII (``storeTextIsFaithful(_:)``): `lower()` folds ASCII only, so with ASCII operands the
/// two folds then agree (`café` and `CAFÉ` match neither `cafe` nor `cafÉ`, and both start with `caf`).
///
/// Every condition is made two-valued (`coalesce(…, 0)`), so `NOT` of a test on a NULL column holds
/// as the semantics say (`!=`, `NOT IN`, `IS NOT EMPTY` match documents without the field). Operands
/// are bound (`?`), numbers as `Double`s, strings lowercased in Swift.
public enum SQLFilterRenderer {
    /// A SQL condition and its arguments.
    public struct Condition: Sendable {
        /// The condition text, with `?` placeholders.
        public var sql: String
        /// The arguments, in placeholder order.
        public var arguments: [DatabaseValue]
    }

    /// Whether stored `text` compares the same under SQLite's ASCII-only `lower()` as under
    /// `lowercased()` against ASCII operands: no non-ASCII scalar lowercases to ASCII (as the
    /// Kelvin sign and `İ` do).
    public static func storeTextIsFaithful(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII || !String(scalar).lowercased().unicodeScalars.contains(where: \.isASCII)
        }
    }

    /// The columns of `prompt_documents` for each field, and the field's kind.
    static let columns: [String: (column: String, kind: OracleFieldKinds.Kind)] = {
        var out: [String: (String, OracleFieldKinds.Kind)] = [:]
        // `tags` is the only list field; ``element(_:_:_:)`` reads it through prompt_tags.
        for (field, kind) in OracleFieldKinds.promptVault.kinds where OracleFieldKinds.promptVault.isFilterable(field) && (kind != .strings || field == "tags") {
            out[field] = ("d.\"" + field.replacingOccurrences(of: ".", with: "_") + "\"", kind)
        }
        return out
    }()

    /// `filter` as a SQL condition, or nil outside the subset.
    public static func render(_ filter: OracleFilter) -> Condition? {
        var arguments: [DatabaseValue] = []
        guard let sql = render(filter, &arguments) else { return nil }
        return Condition(sql: sql, arguments: arguments)
    }

    static func render(_ filter: OracleFilter, _ arguments: inout [DatabaseValue]) -> String? {
        switch filter {
        case .and(let list):
            if list.isEmpty { return "1" }
            var parts: [String] = []
            for element in list { guard let part = render(element, &arguments) else { return nil }; parts.append(part) }
            return "(" + parts.joined(separator: " AND ") + ")"
        case .or(let list):
            if list.isEmpty { return "0" }
            var parts: [String] = []
            for element in list { guard let part = render(element, &arguments) else { return nil }; parts.append(part) }
            return "(" + parts.joined(separator: " OR ") + ")"
        case .not(let inner):
            return render(inner, &arguments).map { "(NOT " + $0 + ")" }
        case .condition(let field, let test):
            guard let (column, kind) = columns[field] else { return nil }
            guard test.operands.allSatisfy({ $0.unicodeScalars.allSatisfy(\.isASCII) }) else { return nil }
            if test.op.isRange && (kind != .number || test.operands.contains { OracleEvaluator.number($0) == nil }) { return nil }
            return condition(column, kind, test, &arguments).map { "coalesce((" + $0 + "), 0)" }
        }
    }

    static func condition(_ column: String, _ kind: OracleFieldKinds.Kind, _ test: OracleTest, _ arguments: inout [DatabaseValue]) -> String? {
        switch test {
        case .exists, .isNotNull: return kind == .strings ? "1" : "\(column) IS NOT NULL"
        case .notExists, .isNull: return kind == .strings ? "0" : "\(column) IS NULL"
        case .isEmpty: return empty(column, kind)
        case .isNotEmpty: return "NOT coalesce((" + empty(column, kind) + "), 0)"
        case .eq(let v): return equality(column, kind, [v], &arguments)
        case .neq(let v): return "NOT coalesce((" + equality(column, kind, [v], &arguments) + "), 0)"
        case .in(let list): return equality(column, kind, list, &arguments)
        case .notIn(let list): return "NOT coalesce((" + equality(column, kind, list, &arguments) + "), 0)"
        case .gt(let v): return range(column, ">", v, &arguments)
        case .gte(let v): return range(column, ">=", v, &arguments)
        case .lt(let v): return range(column, "<", v, &arguments)
        case .lte(let v): return range(column, "<=", v, &arguments)
        case .between(let a, let b):
            arguments.append(OracleEvaluator.number(a)!.databaseValue)
            arguments.append(OracleEvaluator.number(b)!.databaseValue)
            return "\(column) BETWEEN ? AND ?"
        case .startsWith(let v):
            switch kind {
            case .string, .strings:
                let prefix = v.lowercased()
                arguments.append(prefix.unicodeScalars.count.databaseValue)
                arguments.append(prefix.databaseValue)
                return element(column, kind, "substr(lower(#), 1, ?) = ?")
            case .number, .bool: return "0"
            }
        }
    }

    static func range(_ column: String, _ op: String, _ v: String, _ arguments: inout [DatabaseValue]) -> String {
        arguments.append(OracleEvaluator.number(v)!.databaseValue)
        return "\(column) \(op) ?"
    }

    static func empty(_ column: String, _ kind: OracleFieldKinds.Kind) -> String {
        switch kind {
        case .string: return "\(column) = ''"
        case .strings: return "NOT EXISTS (SELECT 1 FROM prompt_tags pt WHERE pt.prompt_id = d.id)"
        case .number, .bool: return "0"
        }
    }

    /// An OR of equalities with `values` (the test `IN`; one value for `=`).
    static func equality(_ column: String, _ kind: OracleFieldKinds.Kind, _ values: [String], _ arguments: inout [DatabaseValue]) -> String {
        switch kind {
        case .string, .strings:
            guard !values.isEmpty else { return "0" }
            for v in values { arguments.append(v.lowercased().databaseValue) }
            return element(column, kind, "lower(#) IN (" + values.map { _ in "?" }.joined(separator: ", ") + ")")
        case .number:
            let numbers = values.compactMap(OracleEvaluator.number)
            guard !numbers.isEmpty else { return "0" }
            for x in numbers { arguments.append(x.databaseValue) }
            return "\(column) IN (" + numbers.map { _ in "?" }.joined(separator: ", ") + ")"
        case .bool:
            let lowered = Set(values.map { $0.lowercased() })
            var parts: [String] = []
            if lowered.contains("true") { parts.append("\(column) <> 0") }
            if lowered.contains("false") { parts.append("\(column) = 0") }
            return parts.isEmpty ? "0" : "(" + parts.joined(separator: " OR ") + ")"
        }
    }

    /// `test` (with `#` for the value) on a string column, or on any tag name of the prompt for
    /// `tags`, the only list field.
    static func element(_ column: String, _ kind: OracleFieldKinds.Kind, _ test: String) -> String {
        guard kind == .strings else { return test.replacingOccurrences(of: "#", with: column) }
        return "EXISTS (SELECT 1 FROM prompt_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.prompt_id = d.id AND "
            + test.replacingOccurrences(of: "#", with: "t.name") + ")"
    }
}
