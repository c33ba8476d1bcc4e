import Foundation
import VaultIndex

/// Builds an index from a BEIR corpus file, streaming it in batches (constant memory), into a
/// temporary directory beside the target that replaces the target only when the build succeeded:
/// a failed or interrupted build leaves the previous index (or nothing) in place, never half an index.
public struct CorpusIndexer {
    /// Progress of a build, reported after every batch.
    public struct Progress: Sendable {
        /// Documents indexed so far.
        public var documents: Int
        /// Corpus bytes read so far.
        public var bytesRead: UInt64
        /// The corpus file's size.
        public var totalBytes: UInt64
        /// Lines skipped as invalid (with `skipInvalid`).
        public var skipped: Int
    }

    /// What a finished build did.
    public struct Outcome: Sendable {
        /// Documents in the index.
        public var documents: Int
        /// Invalid lines skipped, with their errors (the first 20).
        public var skipped: [TrecFileError]
        /// How many invalid lines were skipped in all.
        public var skippedCount: Int
        /// Wall-clock seconds.
        public var seconds: Double
    }

    /// The settings of the new index.
    public var settings: IndexSettings
    /// Documents per write transaction.
    public var batchSize = 5_000
    /// Skip lines that are not valid documents (reporting them) instead of failing.
    public var skipInvalid = false

    /// A builder with `settings`.
    public init(settings: IndexSettings) { self.settings = settings }

    /// Indexes `corpus` into `directory`, replacing what is there.
    public func build(corpus: String, into target: String, progress: (Progress) -> Void = { _ in }) throws -> Outcome {
        let start = ContinuousClock.now
        let directory = try Self.checkTarget(target)
        let reader = try BEIRCorpusReader(path: corpus)
        let totalBytes = ((try? FileManager.default.attributesOfItem(atPath: corpus))?[.size] as? NSNumber)?.uint64Value ?? 0
        let staging = directory + ".building"
        try? FileManager.default.removeItem(atPath: staging)
        var succeeded = false
        defer { if !succeeded { try? FileManager.default.removeItem(atPath: staging) } }
        let index = try Index.create(at: staging, settings: settings, bulkLoad: true)
        let writer = try IndexWriter(index: index)
        var batch: [IndexOperation] = []
        var documents = 0
        var skipped: [TrecFileError] = []
        var skippedCount = 0
        func flush() throws {
            guard !batch.isEmpty else { return }
            try writer.apply(batch)
            documents += batch.count
            batch.removeAll(keepingCapacity: true)
            progress(Progress(documents: documents, bytesRead: reader.bytesRead, totalBytes: totalBytes, skipped: skippedCount))
        }
        while true {
            let document: Document?
            do { document = try reader.next() } catch let error as TrecFileError where skipInvalid && error.line > 0 {
                skippedCount += 1
                if skipped.count < 20 { skipped.append(error) }
                continue
            }
            guard let document else { break }
            batch.append(.upsert(document))
            if batch.count >= batchSize { try flush() }
        }
        try flush()
        try index.sync()
        let count = try index.snapshot().statistics.documentCount
        try Self.replace(directory, with: staging)
        succeeded = true
        return Outcome(documents: Int(count), skipped: skipped, skippedCount: skippedCount, seconds: (ContinuousClock.now - start).seconds)
    }

    /// The target path without trailing slashes, checked by ``IndexDirectory/checkTarget(_:)``.
    static func checkTarget(_ target: String) throws -> String {
        do { return try IndexDirectory.checkTarget(target) } catch {
            throw TrecFileError(file: error.path, line: 0, message: error.message)
        }
    }

    /// Swaps `staging` in by ``IndexDirectory/replace(_:with:)``.
    static func replace(_ directory: String, with staging: String) throws {
        do { try IndexDirectory.replace(directory, with: staging) } catch {
            throw TrecFileError(file: error.path, line: 0, message: error.message)
        }
    }
}

extension Duration {
    /// The duration in seconds.
    public var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
