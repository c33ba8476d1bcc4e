import Dispatch
import Foundation
import VaultAnalysis
import VaultStorage

/// Applies batches of changes to an index: each batch is one LMDB write transaction, so readers see
/// all of it or none of it, and a crash leaves the index at the last committed batch.
///
/// Not `Sendable`: it holds an ``Analyzer`` (ICU and Snowball handles). Later layers wrap it in an
/// actor that feeds it from a bounded queue.
public final class IndexWriter {
    /// The index written to.
    public let index: Index
    /// One analyzer per analysis worker (analyzers hold ICU and Snowball state and are not shared).
    private let analyzers: [Analyzer]
    private let settings: IndexSettings
    /// Attribute resolution per field name, kept across batches.
    private let schema: ColumnSchema
    /// Batches with fewer documents than this are analyzed on the calling thread.
    private static let parallelThreshold = 64
    /// How many threads analyze a large batch: the active processors, at most 8 (the writing itself
    /// is one thread). Benchmarks give a baseline engine as many writer threads.
    public static var analysisWorkers: Int { max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8)) }

    /// A writer for `index`, analyzing with the index's settings.
    public init(index: Index) throws(IndexError) {
        self.index = index
        self.settings = try IndexError.wrap { try index.environment.read { try index.settings(in: $0) } }
        self.schema = ColumnSchema(settings: settings)
        let analysis = settings.analysis
        self.analyzers = (0..<Self.analysisWorkers).map { _ in Analyzer(analysis) }
    }

    /// Applies `operations` in one transaction. Several operations on the same id collapse to the
    /// last one. Every document is validated first: one invalid document rejects the whole batch
    /// and writes nothing.
    ///
    /// `commitMetadata` runs inside the same transaction before it commits (the ingest cursor goes
    /// there, so it commits atomically with the changes it describes).
    @discardableResult
    public func apply(
        _ operations: [IndexOperation], commitMetadata: ((WriteTransaction) throws -> Void)? = nil
    ) throws(IndexError) -> BatchSummary {
        var summary = BatchSummary()
        var lastIndexByID: [String: Int] = [:]
        for (i, operation) in operations.enumerated() {
            if case .upsert(let document) = operation { try document.validate() }
            if lastIndexByID.updateValue(i, forKey: operation.id) != nil { summary.superseded += 1 }
        }
        let effective = lastIndexByID.values.sorted().map { operations[$0] }
        let textUnchanged = try unchangedText(effective)
        let analyzed = analyze(effective, skipping: textUnchanged)
        try IndexError.wrap {
            try index.environment.write { txn in
                var batch = try WriteBatch(transaction: txn, databases: index.databases, settings: settings, schema: schema)
                for (i, operation) in effective.enumerated() {
                    // Same text as stored (checked again inside the transaction): columns and stored fields only.
                    if textUnchanged[i], case .upsert(let document) = operation, try batch.replaceInPlace(document) {
                        summary.replaced += 1
                        summary.replacedInPlace += 1
                        continue
                    }
                    let existed = try batch.remove(id: operation.id)
                    switch operation {
                    case .upsert(let document):
                        let analysis = analyzed[i] ?? AnalyzedDocument(document: document, settings: settings, analyzer: analyzers[0])
                        try batch.add(document, analysis: analysis)
                        if existed { summary.replaced += 1 } else { summary.added += 1 }
                    case .delete:
                        if existed { summary.deleted += 1 } else { summary.missing += 1 }
                    }
                }
                try batch.finish()
                try commitMetadata?(txn)
            }
        }
        return summary
    }

    /// For each operation, whether it upserts a document the index holds with the same searchable text
    /// (read in a snapshot before the write; the write transaction checks again).
    private func unchangedText(_ operations: [IndexOperation]) throws(IndexError) -> [Bool] {
        guard operations.contains(where: { if case .upsert = $0 { return true } else { return false } }) else {
            return Array(repeating: false, count: operations.count)
        }
        let snapshot = try index.snapshot()
        defer { snapshot.close() }
        var result: [Bool] = []
        result.reserveCapacity(operations.count)
        for operation in operations {
            guard case .upsert(let document) = operation, let stored = try snapshot.storedDocument(id: document.id) else {
                result.append(false)
                continue
            }
            result.append(settings.hasSameSearchableText(stored, document))
        }
        return result
    }

    /// Analyzes the upserted documents (except those marked in `skipping`), spread over the analyzers'
    /// worker threads for large batches.
    /// Each worker writes only its own slots (i ≡ worker mod workers), so no two threads touch one element.
    private func analyze(_ operations: [IndexOperation], skipping: [Bool]) -> [AnalyzedDocument?] {
        var analyzed = [AnalyzedDocument?](repeating: nil, count: operations.count)
        let workers = operations.count >= Self.parallelThreshold ? analyzers.count : 1
        let settings = self.settings
        let analyzers = self.analyzers
        analyzed.withUnsafeMutableBufferPointer { slots in
            let workspace = AnalysisWorkspace(analyzers: analyzers, slots: slots)
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                var i = worker
                while i < operations.count {
                    if !skipping[i], case .upsert(let document) = operations[i] {
                        workspace.slots[i] = AnalyzedDocument(document: document, settings: settings, analyzer: workspace.analyzers[worker])
                    }
                    i += workers
                }
            }
        }
        return analyzed
    }

    /// Removes every document (settings stay).
    public func removeAll() throws(IndexError) {
        try IndexError.wrap {
            try index.environment.write { txn in
                let db = index.databases
                for database in [db.ids, db.docs, db.docTerms, db.terms, db.termIDs, db.postings, db.positions, db.prefixes] + db.columnDatabases {
                    try txn.clear(database)
                }
                _ = try txn.delete(db.meta, key: ColumnKeys.metaKey)
                try txn.put(db.meta, key: MetaKey.statistics, value: IndexStatistics(fieldCount: settings.searchableFields.count).encoded())
            }
        }
    }
}

/// What the analysis workers share: their analyzers and the result slots.
///
/// `@unchecked Sendable`: worker `w` uses only `analyzers[w]` and writes only the slots `i` with
/// `i % workers == w`; `concurrentPerform` returns after every worker has finished, inside the
/// buffer's `withUnsafeMutableBufferPointer` scope. No element is touched by two threads and none
/// outlives the call.
private struct AnalysisWorkspace: @unchecked Sendable {
    let analyzers: [Analyzer]
    let slots: UnsafeMutableBufferPointer<AnalyzedDocument?>
}
