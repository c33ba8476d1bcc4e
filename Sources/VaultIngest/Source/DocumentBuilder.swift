import Foundation
import GRDB
import VaultIndex

/// Builds index documents from the current rows of a store, as a ``SourceConfiguration`` says.
///
/// A row's problems never stop the stream: a NULL in a required field, a value of the wrong type,
/// invalid UTF-8 (SQLite hands it over with U+FFFD replacement characters) or a `_problem` the
/// documents SQL reports (a dangling category, say) are logged with the table and id, and the
/// document is indexed with what is usable.
public struct DocumentBuilder {
    /// The mapping.
    public let configuration: SourceConfiguration
    /// Where problems of rows go, one line each.
    public var log: (String) -> Void
    /// Ids bound per execution of the documents SQL.
    public var chunkSize = 2_000

    /// A builder for `configuration`.
    public init(configuration: SourceConfiguration, log: @escaping (String) -> Void) {
        self.configuration = configuration
        self.log = log
    }

    /// The documents of `ids` as of `db`'s current transaction, keyed by document id; ids whose root
    /// row no longer exists are absent.
    public func documents(for ids: [RootID], in db: Database) throws -> [String: Document] {
        var out: [String: Document] = [:]
        out.reserveCapacity(ids.count)
        let statement = try db.cachedStatement(sql: configuration.documents)
        var start = 0
        while start < ids.count {
            let chunk = ids[start..<min(start + chunkSize, ids.count)]
            start += chunk.count
            let rows = try Row.fetchCursor(statement, arguments: ["ids": RootID.jsonArray(chunk)])
            while let row = try rows.next() {
                if let document = document(from: row) { out[document.id] = document }
            }
        }
        return out
    }

    /// One document from one result row of the documents SQL.
    func document(from row: Row) -> Document? {
        guard let id = RootID(row["id"]) else {
            log("\(configuration.root.table): a row has no usable id (\(row["id"] as DatabaseValue)); skipped")
            return nil
        }
        let label = "\(configuration.root.table) \(id.documentID)"
        var fields: [String: FieldValue] = [:]
        for field in configuration.fields {
            let value: DatabaseValue = row[field.column]
            if value.isNull {
                if field.required { log("\(label): \(field.column) is NULL; indexed without '\(field.name)'") }
                continue
            }
            switch field.type {
            case .string:
                guard let text = text(value, label, field) else { continue }
                fields[field.name] = .string(text)
            case .strings:
                guard let text = text(value, label, field) else { continue }
                guard let list = JSONText.stringArray(text) else {
                    log("\(label): \(field.column) is not a JSON array of strings; '\(field.name)' left out")
                    continue
                }
                fields[field.name] = .strings(list)
            case .number:
                guard let number = number(value) else {
                    log("\(label): \(field.column) is not a number (\(value)); '\(field.name)' left out")
                    continue
                }
                fields[field.name] = .number(number)
            case .bool:
                guard let number = number(value) else {
                    log("\(label): \(field.column) is not a flag (\(value)); '\(field.name)' left out")
                    continue
                }
                fields[field.name] = .bool(number != 0)
            case .path:
                guard let text = text(value, label, field) else { continue }
                var prefix = ""
                for (level, segment) in text.components(separatedBy: field.separator).filter({ !$0.isEmpty }).enumerated() {
                    prefix += (level == 0 ? "" : field.separator) + segment
                    fields["\(field.name).lvl\(level)"] = .string(prefix)
                }
            }
        }
        if let problem = row["_problem"] as String?, !problem.isEmpty { log("\(label): \(problem)") }
        return Document(id: id.documentID, fields: fields)
    }

    private func text(_ value: DatabaseValue, _ label: String, _ field: SourceConfiguration.Field) -> String? {
        switch value.storage {
        case .string(let s):
            if s.unicodeScalars.contains("\u{FFFD}") {
                log("\(label): \(field.column) holds invalid UTF-8 (or U+FFFD); indexed with replacement characters")
            }
            return s
        case .int64(let n): return String(n)
        case .double(let d): return String(d)
        case .blob(let data):
            if let s = String(validating: data, as: UTF8.self) { return s }
            log("\(label): \(field.column) is a blob of invalid UTF-8; indexed with replacement characters")
            return String(decoding: data, as: UTF8.self)
        case .null: return nil
        }
    }

    private func number(_ value: DatabaseValue) -> Double? {
        switch value.storage {
        case .int64(let n): return Double(n)
        case .double(let d): return d.isFinite ? d : nil
        case .string(let s): return Double(s.trimmingCharacters(in: .whitespaces)) ?? (s == "true" ? 1 : s == "false" ? 0 : nil)
        case .blob, .null: return nil
        }
    }
}
