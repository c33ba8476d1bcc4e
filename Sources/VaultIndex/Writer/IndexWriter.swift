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
    private let analyzer: Analyzer
    private let settings: IndexSettings

    /// A writer for `index`, analyzing with the index's settings.
    public init(index: Index) throws(IndexError) {
        self.index = index
        self.settings = try IndexError.wrap { try index.environment.read { try index.settings(in: $0) } }
        self.analyzer = Analyzer(settings.analysis)
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
        let analyzed: [AnalyzedDocument?] = effective.map { operation in
            if case .upsert(let document) = operation {
                return AnalyzedDocument(document: document, settings: settings, analyzer: analyzer)
            }
            return nil
        }
        try IndexError.wrap {
            try index.environment.write { txn in
                var batch = try WriteBatch(transaction: txn, databases: index.databases, settings: settings)
                for (operation, analysis) in zip(effective, analyzed) {
                    let existed = try batch.remove(id: operation.id)
                    switch operation {
                    case .upsert(let document):
                        try batch.add(document, analysis: analysis!)
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

    /// Removes every document (settings stay).
    public func removeAll() throws(IndexError) {
        try IndexError.wrap {
            try index.environment.write { txn in
                let db = index.databases
                for database in [db.ids, db.docs, db.docTerms, db.terms, db.termIDs, db.postings, db.positions] {
                    try txn.clear(database)
                }
                try txn.put(db.meta, key: MetaKey.statistics, value: IndexStatistics(fieldCount: settings.searchableFields.count).encoded())
            }
        }
    }
}
