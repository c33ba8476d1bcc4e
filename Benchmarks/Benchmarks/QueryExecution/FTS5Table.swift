import BenchmarkFixtures
import VaultEval
import VaultIndex

/// An FTS5 table of the first `documentCount` benchmark documents in a temporary directory, with
/// the field weights of ``IndexSettings/beir`` (title 1.6, text 1), inserted in batches of
/// ``TemporaryIndex/batchSize`` as the VaultSearch index is.
final class FTS5Table {
    /// The temporary directory holding the database file.
    let directory: TemporaryDirectory
    /// The table, ready to search.
    let baseline: FTS5Baseline

    /// Builds the table.
    /// - Throws: SQLite's error when the table cannot be created or written.
    init(documentCount: Int) throws {
        directory = try TemporaryDirectory(label: "fts5")
        let fields = IndexSettings.beir.searchableFields
        baseline = try FTS5Baseline(
            path: directory.path + "/fts5.sqlite", titleWeight: fields[0].weight, textWeight: fields[1].weight)
        try timedSetup("FTS5: inserted \(documentCount) documents") {
            for start in stride(from: 0, to: documentCount, by: TemporaryIndex.batchSize) {
                try baseline.insert(BenchmarkCorpus.documents(start..<min(start + TemporaryIndex.batchSize, documentCount)))
            }
        }
    }
}
