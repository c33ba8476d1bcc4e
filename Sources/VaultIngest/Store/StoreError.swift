/// A problem with the primary store or with a source configuration, naming the table, column,
/// key or row at fault. Knows nothing of HTTP or of the CLI.
public enum StoreError: Error, Equatable, CustomStringConvertible {
    /// The database lacks a table the configuration needs.
    case missingTable(String)
    /// A table lacks a column the configuration needs.
    case missingColumn(table: String, column: String)
    /// A SQL text of the configuration does not prepare against the database.
    case badSQL(key: String, message: String)
    /// The configuration file is malformed or inconsistent (the message names the key).
    case badConfiguration(file: String, message: String)
    /// The change log (`search_changes`) is not installed.
    case changeLogMissing
    /// The loader was pointed at a database that already holds prompts.
    case notEmpty(Int)
    /// The index was built from another source configuration.
    case sourceMismatch(index: String, expected: String, found: String)
    /// Two sources installed on one change log use the same entity name for different tables or
    /// columns (`first` and `second` name each as `table.column (source 'name')`).
    case entityConflict(entity: String, first: String, second: String)
    /// The change log's triggers do not record `table` as the source's `entity`: the source's
    /// triggers were never installed on this store (or were replaced).
    case triggersMissing(source: String, table: String, entity: String)

    public var description: String {
        switch self {
        case .missingTable(let table): return "the database has no table '\(table)'"
        case .missingColumn(let table, let column): return "table '\(table)' has no column '\(column)'"
        case .badSQL(let key, let message): return "the configuration's \(key) does not run on this database: \(message)"
        case .badConfiguration(let file, let message): return "\(file): \(message)"
        case .changeLogMissing:
            return "the database has no change log (table 'search_changes'): run `vaultsearch install-triggers --db PATH` first"
        case .notEmpty(let count): return "the database already holds \(count) prompts; load into an empty one"
        case .sourceMismatch(let index, let expected, let found):
            return "the index at '\(index)' was built from source '\(found)', not '\(expected)': rebuild it with `vaultsearch index --rebuild`"
        case .entityConflict(let entity, let first, let second):
            return "entity '\(entity)' means \(first) and \(second) in one change log: give one of them another entity name"
        case .triggersMissing(let source, let table, let entity):
            return "the change log records no changes of table '\(table)' as entity '\(entity)' for source '\(source)': run `vaultsearch install-triggers --db PATH --source \(source)`"
        }
    }
}
