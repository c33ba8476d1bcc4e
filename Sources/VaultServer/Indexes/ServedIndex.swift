import Foundation
import Synchronization
import VaultIndex
import VaultIngest
import VaultTrending

/// One index the daemon serves: its definition, its mapping, the process's single open handle of
/// its LMDB environment (shared by the searcher pool and the tailer: LMDB allows one per process),
/// its trending state (when the mapping has engagement tables), and the tailer's progress for
/// `/stats` and `/metrics`.
public final class ServedIndex: Sendable {
    /// The definition it was opened from.
    public let definition: IndexDefinition
    /// The mapping (documents SQL, fields, visibility).
    public let configuration: SourceConfiguration
    /// The open index.
    public let index: Index
    /// When the index was opened (`createdAt` in `GET /indexes`).
    public let openedAt: Date
    /// What the tailer last did.
    public let progress = TailProgress()
    /// The index's trending state (VaultTrending), opened once with the index: the lists of
    /// `/trending` and `/leaderboards/*`, and what a search sorted by trending reads. Nil when the
    /// mapping has no engagement tables (`listings`, `folder-layout`) or the index was built without
    /// trending state; ``trendingUnavailable`` then says which. Read it through a `TrendingReader`
    /// over a snapshot of ``index``: the tailer writes the same databases (through its own
    /// `TrendingStore` of the same environment) in the same transactions as the documents, so one
    /// snapshot's lists and documents always agree.
    public let trending: TrendingStore?
    /// Why ``trending`` is nil, in words for an error message.
    public let trendingUnavailable: String?

    /// The uid.
    public var uid: String { definition.uid }

    /// Opens the index of `definition`, building it from the store first when the directory holds none.
    public init(_ definition: IndexDefinition, log: @escaping @Sendable (String) -> Void) throws {
        self.definition = definition
        configuration = try Self.mapping(definition.mapping)
        guard FileManager.default.fileExists(atPath: definition.store) else {
            throw ConfigurationError(message: "index \(definition.uid): the store \(definition.store) does not exist (create it with `vaultsearch demo` or `vaultsearch generate-store`)")
        }
        if !FileManager.default.fileExists(atPath: definition.path + "/data.mdb") {
            log("index \(definition.uid): no index at \(definition.path), building it from \(definition.store)")
            let outcome = try IndexRebuilder(configuration: configuration).rebuild(storePath: definition.store, into: definition.path, log: log)
            log("index \(definition.uid): built \(outcome.documents) documents in \(String(format: "%.1f", outcome.seconds)) s")
        }
        index = try Index.open(at: definition.path, verifyStructure: true)
        (trending, trendingUnavailable) = Self.openTrending(index, configuration: configuration, mapping: definition.mapping)
        if let trendingUnavailable, configuration.hasEngagement { log("index \(definition.uid): \(trendingUnavailable)") }
        openedAt = Date()
        if let cursor = try index.ingestCursor() { progress.record(cursor: cursor.sequence, lastInLog: cursor.sequence) }
    }

    /// A shipped mapping by name, else a mapping file.
    static func mapping(_ name: String) throws -> SourceConfiguration {
        if SourceConfiguration.shippedPath(name) != nil, !name.contains("/") {
            guard let path = SourceConfiguration.shippedPath(name) else { throw ConfigurationError(message: "no shipped mapping \(name)") }
            return try SourceConfiguration.load(path: path)
        }
        return try SourceConfiguration.load(path: name)
    }
}

/// The tailer's progress, written by its thread and read by requests.
public final class TailProgress: Sendable {
    private struct State {
        var cursor: Int64 = 0
        var lastInLog: Int64 = 0
        var lastBatchAt: Date?
        var appliedChanges = 0
        var oldestPendingSince: Date?
        var failure: String?
    }

    private let state = Mutex(State())

    /// Records a committed cursor and the log's last sequence number as last seen.
    func record(cursor: Int64, lastInLog: Int64, appliedChanges: Int = 0) {
        state.withLock {
            $0.cursor = cursor
            $0.lastInLog = max(lastInLog, cursor)
            $0.appliedChanges += appliedChanges
            if appliedChanges > 0 { $0.lastBatchAt = Date() }
            $0.oldestPendingSince = $0.lastInLog > cursor ? ($0.oldestPendingSince ?? Date()) : nil
        }
    }

    /// Records that the tailer stopped on an error.
    func record(failure: String) { state.withLock { $0.failure = failure } }

    /// The last committed change-log sequence number.
    public var cursor: Int64 { state.withLock { $0.cursor } }
    /// Changes in the log not yet applied (as of the last look at the log).
    public var lagChanges: Int64 { state.withLock { $0.lastInLog - $0.cursor } }
    /// Seconds the oldest unapplied change has been waiting (0 when caught up).
    public var lagSeconds: Double { state.withLock { $0.oldestPendingSince.map { Date().timeIntervalSince($0) } ?? 0 } }
    /// Changes applied since the daemon started.
    public var appliedChanges: Int { state.withLock { $0.appliedChanges } }
    /// The error that stopped the tailer, if one did.
    public var failure: String? { state.withLock { $0.failure } }
}
