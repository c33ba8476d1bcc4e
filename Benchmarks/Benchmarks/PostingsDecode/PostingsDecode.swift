// Postings decode: a full walk of one term's postings blocks (doc numbers and per-field term
// frequencies), for a frequent, a mid-frequency and a rare term of a 50,000-document index.

import Benchmark
import BenchmarkFixtures
import VaultIndex

/// The postings decode suite.
///
/// Setup (per benchmark process, outside the measurement) indexes documents 0..<50,000 of the
/// seed-42 corpus into a temporary directory, then picks the three terms by their document counts
/// (see ``TermSelection``); teardown deletes the directory.
///
/// Each walk is `index.snapshot().walkPostings(of: term)`: a read transaction, the dictionary
/// lookup, then every block of the term decoded. The frequent term runs once per iteration; the
/// mid-frequency and rare terms 1,000 times (scaling factor 1,000), so their fixed cost (snapshot,
/// lookup) is measured rather than the clock. `documents decoded /s` is the term's document count
/// times the walks of an iteration, over the iteration's wall clock.
let benchmarks: @Sendable () -> Void = {
    let corpus = Fixture {
        try TermSelection(index: TemporaryIndex(documentCount: TermSelection.corpusSize, label: "postings"))
    } release: {
        $0.index.remove()
    }

    for band in FrequencyBand.allCases {
        let configuration = Benchmark.Configuration(
            metrics: [.wallClock, .throughput, .mallocCountTotal, .documentsDecodedPerSecond],
            warmupIterations: 3,
            scalingFactor: band.scalingFactor,
            maxDuration: .seconds(3),
            maxIterations: 2_000)

        Benchmark("walkPostings: \(band.rawValue) term", configuration: configuration) {
            (benchmark: Benchmark, setup: (Index, SelectedTerm)) throws in
            let (index, term) = setup
            let documents = term.documents * benchmark.scaledIterations.count
            try benchmark.recordRate(.documentsDecodedPerSecond, items: documents) {
                for _ in benchmark.scaledIterations {
                    let snapshot = try index.snapshot()
                    blackHole(try snapshot.walkPostings(of: term.term))
                    snapshot.close()
                }
            }
        } setup: {
            let selection = try corpus.setUp()
            return (selection.index.index, selection.term(for: band))
        } teardown: {
            corpus.tearDown()
        }
    }
}

extension FrequencyBand {
    /// Walks per iteration: one for the frequent term (tens of thousands of postings), 1,000 for
    /// the others.
    var scalingFactor: BenchmarkScalingFactor { self == .frequent ? .one : .kilo }
}
