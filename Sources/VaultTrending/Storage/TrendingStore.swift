import Foundation
import VaultIndex
import VaultStorage

/// The trending state of one index: its databases (opened once) and its settings.
/// `Sendable`: database handles and settings are plain values; transactions are passed in per call.
public struct TrendingStore: Sendable {
    /// The index it lives in.
    public let index: Index
    /// The settings the state was built with.
    public let settings: TrendingSettings
    let databases: TrendingDatabases

    /// Opens the trending state of `index`.
    /// - Throws: ``TrendingError/notEnabled(path:)`` when the index has none (see ``create(in:settings:)``).
    public static func open(_ index: Index) throws(TrendingError) -> TrendingStore {
        let databases: TrendingDatabases
        do { databases = try TrendingDatabases(index: index, create: false) } catch .storage(.databaseNotFound) {
            throw .notEnabled(path: index.path)
        } catch { throw .index(error) }
        let raw = try TrendingError.wrap {
            try index.writeOrRead { txn in try txn.getBytes(databases.meta, key: TrendingDatabases.settingsKey) }
        }
        guard let raw else { throw .notEnabled(path: index.path) }
        guard let settings = try? JSONDecoder().decode(TrendingSettings.self, from: Data(raw)) else {
            throw .corrupt("trending.meta: the settings do not decode")
        }
        return TrendingStore(index: index, settings: settings, databases: databases)
    }

    /// Creates empty trending state in `index` with `settings` (replacing any), in its own
    /// transaction; a rebuild then loads the store's rows with ``TrendingWriter``.
    public static func create(in index: Index, settings: TrendingSettings = TrendingSettings()) throws(TrendingError) -> TrendingStore {
        try settings.validate()
        let databases = try TrendingError.wrap { try TrendingDatabases(index: index, create: true) }
        let json = try TrendingError.wrap { Array(try JSONEncoder().encode(settings)) }
        try TrendingError.wrap {
            try index.writeLayerState { txn in
                for database in databases.all { try txn.clear(database) }
                try txn.put(databases.meta, key: TrendingDatabases.settingsKey, value: json)
            }
        }
        return TrendingStore(index: index, settings: settings, databases: databases)
    }

    /// The global figures as of `transaction`.
    func stats(in transaction: Transaction) throws -> TrendingStats {
        guard let raw = try transaction.get(databases.meta, key: TrendingDatabases.statsKey) else { return TrendingStats() }
        guard let stats = TrendingStats.decode(raw) else { throw TrendingError.corrupt("trending.meta: stats") }
        return stats
    }

    func prompt(_ id: Int64, in transaction: Transaction) throws -> PromptState? {
        guard let raw = try transaction.get(databases.prompts, key: TrendingDatabases.idKey(id)) else { return nil }
        guard let state = PromptState.decode(raw) else { throw TrendingError.corrupt("trending.prompts: prompt \(id)") }
        return state
    }

    func author(_ id: Int64, in transaction: Transaction) throws -> AuthorState? {
        guard let raw = try transaction.get(databases.authors, key: TrendingDatabases.idKey(id)) else { return nil }
        guard let state = AuthorState.decode(raw) else { throw TrendingError.corrupt("trending.authors: author \(id)") }
        return state
    }
}

extension Index {
    /// Reads through a snapshot (read-only indexes cannot begin write transactions).
    fileprivate func writeOrRead<R>(_ body: (Transaction) throws -> R) throws -> R {
        let snapshot = try snapshot()
        defer { snapshot.close() }
        return try body(snapshot.layerTransaction)
    }
}
