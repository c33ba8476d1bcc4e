import Foundation
import VaultIndex

/// A VaultSearch index of the first `documentCount` benchmark documents, built in a new temporary
/// directory with ``IndexSettings/beir`` and removed by ``remove()``.
///
/// Building is the expensive part of a suite's setup (tens of seconds for 50,000 documents on two
/// cores); it happens outside every measurement.
public final class TemporaryIndex {
    /// Documents per write transaction while building.
    public static let batchSize = 5_000

    /// The open index.
    public let index: Index
    /// How many documents it holds.
    public let documentCount: Int
    /// The temporary directory holding the index (and nothing else of value).
    public let directory: TemporaryDirectory

    /// Builds the index.
    ///
    /// - Parameters:
    ///   - documentCount: how many generated documents to index, in batches of ``batchSize``.
    ///   - label: a word for the directory name, to tell suites apart in the temporary directory.
    /// - Throws: `IndexError` when the index cannot be created or written.
    public init(documentCount: Int, label: String) throws {
        directory = try TemporaryDirectory(label: label)
        index = try Index.create(at: directory.path, settings: .beir, bulkLoad: true)
        self.documentCount = documentCount
        let writer = try IndexWriter(index: index)
        try timedSetup("VaultSearch: indexed \(documentCount) documents") {
            for start in stride(from: 0, to: documentCount, by: Self.batchSize) {
                let range = start..<min(start + Self.batchSize, documentCount)
                try writer.apply(BenchmarkCorpus.documents(range).map { .upsert($0) })
            }
        }
    }

    /// Deletes the index directory. The index must not be used afterwards.
    public func remove() { directory.remove() }
}
