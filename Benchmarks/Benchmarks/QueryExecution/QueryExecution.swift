// Query execution: top-10 BM25F searches over a 50,000-document index (any word, all words,
// title phrases), against SQLite FTS5 over the same documents and queries.

import Benchmark
import BenchmarkFixtures
import VaultEval
import VaultIndex

/// The query execution suite.
///
/// Setup (per benchmark process, outside the measurement) indexes documents 0..<50,000 of the
/// seed-42 corpus into a temporary directory (the FTS5 benchmark builds an FTS5 table of the same
/// documents instead) and generates the queries; teardown deletes the directory. Each iteration
/// runs all 200 queries of its kind one after another, single-threaded, top 10:
///
/// | benchmark | queries | call |
/// | --- | --- | --- |
/// | `Searcher: any word` | 200 generated queries (seed 42) | `searcher.search(q, scope: .publicOnly, options: SearchOptions(limit: 10))` |
/// | `Searcher: all words` | the same | `SearchOptions(limit: 10, matching: .all)` |
/// | `Searcher: title phrases` | 200 quoted title bigrams | `SearchOptions(limit: 10)`; a quoted phrase is required |
/// | `FTS5 baseline: any word` | the 200 generated queries | `fts.search(q, limit: 10)`: words OR-ed, `ORDER BY bm25()` |
///
/// Wall clock is per 200 queries; `queries /s` is 200 over it. Peak memory is the growth of the
/// resident set during the measurement (the index build in setup would dwarf an absolute peak).
let benchmarks: @Sendable () -> Void = {
    let queriesPerIteration = 200
    let corpusSize = 50_000
    let metrics: [BenchmarkMetric] = [
        .wallClock, .throughput, .mallocCountTotal, .peakMemoryResidentDelta, .queriesPerSecond,
    ]
    let configuration = Benchmark.Configuration(
        metrics: metrics, warmupIterations: 1, maxDuration: .seconds(6), maxIterations: 100)
    // FTS5 takes seconds per pass over the queries: three timed passes.
    let baselineConfiguration = Benchmark.Configuration(
        metrics: metrics, warmupIterations: 1, maxDuration: .seconds(60), maxIterations: 3)

    let vaultIndex = Fixture {
        try TemporaryIndex(documentCount: corpusSize, label: "query")
    } release: {
        $0.remove()
    }
    let generatedQueries = { BenchmarkCorpus.queries(count: queriesPerIteration) }
    let searches: [(name: String, options: SearchOptions, queries: () -> [String])] = [
        ("any word", SearchOptions(limit: 10), generatedQueries),
        ("all words", SearchOptions(limit: 10, matching: .all), generatedQueries),
        (
            "title phrases", SearchOptions(limit: 10),
            { BenchmarkCorpus.titleBigramPhrases(count: queriesPerIteration, corpusSize: corpusSize) }
        ),
    ]
    for search in searches {
        Benchmark("Searcher: \(search.name)", configuration: configuration) {
            (benchmark: Benchmark, setup: (Searcher, [String])) throws in
            let (searcher, queries) = setup
            try benchmark.recordRate(.queriesPerSecond, items: queries.count) {
                for query in queries {
                    blackHole(try searcher.search(query, scope: .publicOnly, options: search.options))
                }
            }
        } setup: {
            let searcher = try Searcher(index: vaultIndex.setUp().index)
            let queries = search.queries()
            var matched = 0
            for query in queries where try !searcher.search(query, scope: .publicOnly, options: search.options).hits.isEmpty {
                matched += 1
            }
            reportSetup("Searcher: \(search.name): \(matched) of \(queries.count) queries have hits")
            return (searcher, queries)
        } teardown: {
            vaultIndex.tearDown()
        }
    }

    let fts5 = Fixture {
        try FTS5Table(documentCount: corpusSize)
    } release: {
        $0.directory.remove()
    }
    Benchmark("FTS5 baseline: any word", configuration: baselineConfiguration) {
        (benchmark: Benchmark, setup: (FTS5Baseline, [String])) throws in
        let (table, queries) = setup
        try benchmark.recordRate(.queriesPerSecond, items: queries.count) {
            for query in queries {
                blackHole(try table.search(query, limit: 10))
            }
        }
    } setup: {
        let table = try fts5.setUp().baseline
        let queries = generatedQueries()
        let matched = try queries.count(where: { try !table.search($0, limit: 10).isEmpty })
        reportSetup("FTS5 baseline: any word: \(matched) of \(queries.count) queries have hits")
        return (table, queries)
    } teardown: {
        fts5.tearDown()
    }
}
