import Foundation
import Synchronization
import VaultStorage

/// One index: an LMDB environment in a directory, with its settings and statistics.
///
/// Open it once per process and share it: writes go through one ``IndexWriter`` at a time, searches
/// through any number of ``Searcher``s, each on its own snapshot.
public final class Index: Sendable {
    /// The index directory.
    public let path: String
    let environment: Environment
    let databases: IndexDatabases
    /// Decoded settings keyed by their stored bytes, so snapshots do not re-decode JSON per query.
    private let settingsCache = Mutex<(bytes: [UInt8], settings: IndexSettings)?>(nil)

    private init(path: String, environment: Environment, databases: IndexDatabases) {
        self.path = path
        self.environment = environment
        self.databases = databases
    }

    /// Opens the index in `path`.
    ///
    /// The meta pages of `data.mdb` are always checked first (LMDB would crash on some damage
    /// there). With `verifyStructure`, every B-tree page is checked too before LMDB walks one
    /// (``Environment/checkStructure(limit:)``, O(pages in use)): what a process that must not
    /// crash on a damaged file asks for (the CLI, the tailer, the daemon at start-up).
    /// - Throws: ``IndexError/notAnIndex(path:)`` when there is none,
    ///   ``IndexError/formatVersionMismatch(path:found:expected:)`` when it has another format, and
    ///   ``IndexError/corrupt(_:)`` when the file is damaged.
    public static func open(at path: String, readOnly: Bool = false, verifyStructure: Bool = false) throws(IndexError) -> Index {
        guard FileManager.default.fileExists(atPath: path + "/data.mdb") else { throw .notAnIndex(path: path) }
        return try IndexError.wrap {
            var options = Environment.Options()
            options.readOnly = readOnly
            let environment = try Environment(directory: path, options: options)
            if verifyStructure, let fault = try environment.checkStructure(limit: 1).first {
                throw IndexError.corrupt("\(fault) (`vaultsearch inspect check --index \(path)` lists every fault)")
            }
            return try attach(environment, path: path)
        }
    }

    /// The index in an open environment: its databases, and the format version checked.
    static func attach(_ environment: Environment, path: String) throws -> Index {
        let databases: IndexDatabases
        do { databases = try IndexDatabases(environment: environment, create: false) } catch StorageError.databaseNotFound {
            // An older format may lack a database this build has: say so rather than "no index".
            if let found = try IndexDatabases.storedFormatVersion(environment: environment), found != FormatVersion.current {
                throw IndexError.formatVersionMismatch(path: path, found: found, expected: FormatVersion.current)
            }
            throw IndexError.notAnIndex(path: path)
        }
        let index = Index(path: path, environment: environment, databases: databases)
        try index.checkFormat()
        return index
    }

    /// Creates a new, empty index in `path` (the directory may exist but must not hold an index).
    public static func create(at path: String, settings: IndexSettings, bulkLoad: Bool = false) throws(IndexError) -> Index {
        try settings.validate()
        if FileManager.default.fileExists(atPath: path + "/data.mdb") {
            throw .invalidSettings("'\(path)' already holds an index")
        }
        return try IndexError.wrap {
            var options = Environment.Options()
            options.noSync = bulkLoad
            let environment = try Environment(directory: path, options: options)
            let databases = try IndexDatabases(environment: environment, create: true)
            let settingsJSON = try JSONEncoder().encode(settings)
            try environment.write { txn in
                try txn.put(databases.meta, key: MetaKey.format, value: KeyCodec.encode(FormatVersion.current))
                try txn.put(databases.meta, key: MetaKey.settings, value: Array(settingsJSON))
                try txn.put(
                    databases.meta, key: MetaKey.statistics,
                    value: IndexStatistics(fieldCount: settings.searchableFields.count).encoded())
            }
            return Index(path: path, environment: environment, databases: databases)
        }
    }

    private func checkFormat() throws {
        try environment.read { txn in
            guard let found = try IndexDatabases.formatVersion(in: txn, meta: databases.meta) else {
                throw IndexError.notAnIndex(path: path)
            }
            if found != FormatVersion.current {
                throw IndexError.formatVersionMismatch(path: path, found: found, expected: FormatVersion.current)
            }
        }
    }

    /// Flushes to disk (needed after a bulk load, which skips fsync per batch).
    public func sync() throws(IndexError) { try IndexError.wrap { try environment.sync() } }

    /// A consistent snapshot for reading: everything committed before this call, nothing after.
    public func snapshot() throws(IndexError) -> IndexSnapshot {
        try IndexError.wrap { try IndexSnapshot(index: self, transaction: environment.beginRead()) }
    }

    /// The settings as stored in `transaction`'s snapshot.
    func settings(in transaction: Transaction) throws -> IndexSettings {
        guard let raw = try transaction.get(databases.meta, key: MetaKey.settings) else {
            throw IndexError.damaged(databases.meta, key: MetaKey.settings, "the settings are missing")
        }
        if let cached = settingsCache.withLock({ cache in
            cache.flatMap { $0.bytes.elementsEqual(raw) ? $0.settings : nil }
        }) {
            return cached
        }
        let settings: IndexSettings
        do {
            settings = try JSONDecoder().decode(IndexSettings.self, from: Data(raw))
            try settings.validate()
        } catch {
            throw IndexError.damaged(databases.meta, key: MetaKey.settings, "the settings do not decode: \(Self.brief(error))")
        }
        settingsCache.withLock { $0 = (Array(raw), settings) }
        return settings
    }

    /// A one-line account of a JSON decoding or validation failure.
    private static func brief(_ error: any Error) -> String {
        guard let decoding = error as? DecodingError else { return "\(error)" }
        switch decoding {
        case .dataCorrupted(let context), .keyNotFound(_, let context), .typeMismatch(_, let context), .valueNotFound(_, let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return (path.isEmpty ? "" : "at '\(path)': ") + context.debugDescription
        @unknown default: return "\(error)"
        }
    }

    /// Replaces the settings. Query-time settings (weights, b, k1, typos, rules, synonyms) apply at
    /// once; a change of ``IndexSettings/attributes`` or ``IndexSettings/visibility`` rebuilds the
    /// columns from the stored documents in the same transaction (no text is re-analyzed, postings
    /// stay). Changing the searchable fields or the analysis needs a full rebuild.
    /// - Returns: whether the columns were rebuilt.
    @discardableResult
    public func updateSettings(_ settings: IndexSettings) throws(IndexError) -> Bool {
        try settings.validate()
        return try IndexError.wrap {
            try environment.write { txn in
                let current = try self.settings(in: txn)
                guard current.hasSameAnalysis(as: settings) else {
                    throw IndexError.invalidSettings("searchable fields and analysis can only change by rebuilding the index")
                }
                try txn.put(databases.meta, key: MetaKey.settings, value: Array(try JSONEncoder().encode(settings)))
                guard !current.hasSameColumns(as: settings) else { return false }
                try ColumnRebuild.run(txn, databases, settings: settings)
                return true
            }
        }
    }
}

/// Keys of the `meta` database.
enum MetaKey {
    static let format = Array("format".utf8)
    static let settings = Array("settings".utf8)
    static let statistics = Array("stats".utf8)
}
