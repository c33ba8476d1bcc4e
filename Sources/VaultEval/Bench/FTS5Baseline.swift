import Foundation
import GRDB
import VaultIndex

/// The built-in speed and quality baseline: SQLite FTS5 over the same documents, ranked by its
/// `bm25()` with the same field weights, queried with the same words OR-ed together.
public final class FTS5Baseline {
    private let queue: DatabaseQueue
    /// The database file.
    public let path: String
    private let titleWeight: Double
    private let textWeight: Double

    /// Creates an empty FTS5 table (porter stemming over unicode61, diacritics removed) at `path`.
    public init(path: String, titleWeight: Double, textWeight: Double) throws {
        try? FileManager.default.removeItem(atPath: path)
        self.path = path
        self.titleWeight = titleWeight
        self.textWeight = textWeight
        queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: "CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, title, text, tokenize = 'porter unicode61 remove_diacritics 2')")
        }
    }

    /// Inserts documents in one transaction.
    public func insert(_ documents: [Document]) throws {
        try queue.write { db in
            let statement = try db.makeStatement(sql: "INSERT INTO docs(id, title, text) VALUES (?, ?, ?)")
            for document in documents {
                try statement.execute(arguments: [document.id, Self.text(document.fields["title"]), Self.text(document.fields["text"])])
            }
        }
    }

    private static func text(_ value: FieldValue?) -> String {
        switch value {
        case .string(let text): return text
        case .strings(let texts): return texts.joined(separator: " ")
        default: return ""
        }
    }

    /// The query as FTS5 syntax: each word (letters and digits) quoted, joined with OR.
    public static func matchExpression(_ query: String) -> String? {
        let words = query.split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map { "\"\($0)\"" }
        return words.isEmpty ? nil : words.joined(separator: " OR ")
    }

    /// Runs prepared searches; create once and reuse (statement cached).
    public func search(_ query: String, limit: Int) throws -> [String] {
        guard let match = Self.matchExpression(query) else { return [] }
        return try queue.read { db in
            let statement = try db.cachedStatement(
                sql: "SELECT id FROM docs WHERE docs MATCH ? ORDER BY bm25(docs, 0, ?, ?) LIMIT ?")
            return try String.fetchAll(statement, arguments: [match, titleWeight, textWeight, limit])
        }
    }

    /// The ids of the top `limit` documents with their bm25 scores (negated so higher is better).
    public func searchScored(_ query: String, limit: Int) throws -> [(id: String, score: Double)] {
        guard let match = Self.matchExpression(query) else { return [] }
        return try queue.read { db in
            let rows = try Row.fetchAll(
                db, sql: "SELECT id, -bm25(docs, 0, ?, ?) AS s FROM docs WHERE docs MATCH ? ORDER BY bm25(docs, 0, ?, ?) LIMIT ?",
                arguments: [titleWeight, textWeight, match, titleWeight, textWeight, limit])
            return rows.map { ($0["id"], $0["s"]) }
        }
    }
}
