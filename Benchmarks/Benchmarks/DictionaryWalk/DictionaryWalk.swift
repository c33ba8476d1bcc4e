// Dictionary walk: typo variants and prefix completions against a 1,000,000-term dictionary, each
// next to a baseline in the same run (an exact lookup, a scan of every term, a walk without the
// prefix table).

import Benchmark
import BenchmarkFixtures
import VaultIndex

/// The dictionary walk suite.
///
/// Setup (per benchmark process, outside the measurement) indexes 1,000,000 distinct synthetic
/// words (``SyntheticDictionary``) and reports the walks' work counters; teardown deletes the index.
/// Each iteration opens a snapshot and answers ONE query word (the next of 200, round robin), so
/// the percentiles are per word, snapshot included.
let benchmarks: @Sendable () -> Void = {
    let dictionary = Fixture { try SyntheticDictionary() } release: { $0.remove() }

    /// One query kind: its name, its words, and the call measured.
    struct Case {
        var name: String
        var words: (SyntheticDictionary) -> [String]
        var run: (IndexSnapshot, String, inout DictionaryWalkWork) throws -> [TermVariant]
        var maxIterations = 20_000
    }
    let limit = 10
    let cases: [Case] = [
        Case(name: "typo walk: 6 letters, 1 typo", words: { $0.typoQueries(length: 6, typos: 1, count: 200) }) {
            try $0.typoVariants(of: $1, maxDistance: 1, limit: limit, work: &$2)
        },
        Case(name: "typo walk: 10 letters, 2 typos", words: { $0.typoQueries(length: 10, typos: 2, count: 200) }) {
            try $0.typoVariants(of: $1, maxDistance: 2, limit: limit, work: &$2)
        },
        Case(name: "baseline: exact lookup, 6 letters", words: { $0.typoQueries(length: 6, typos: 0, count: 200) }) {
            snapshot, word, _ in
            try snapshot.termReport(word, limit: 0).map {
                [TermVariant(term: $0.term, distance: 0, isPrefix: false, documentFrequency: $0.documentFrequency)]
            } ?? []
        },
        Case(
            name: "baseline: scan all terms, 6 letters, 1 typo", words: { $0.typoQueries(length: 6, typos: 1, count: 200) },
            run: { snapshot, word, _ in try snapshot.scanTypoVariants(of: word, maxDistance: 1, limit: limit) },
            maxIterations: 15),
        Case(name: "prefix walk: 4 letters, exact", words: { $0.prefixQueries(length: 4, typos: 0, count: 200) }) {
            try $0.prefixCompletions(of: $1, maxDistance: 0, limit: limit, work: &$2)
        },
        Case(name: "prefix walk: 5 letters, 1 typo", words: { $0.prefixQueries(length: 5, typos: 1, count: 200) }) {
            try $0.prefixCompletions(of: $1, maxDistance: 1, limit: limit, work: &$2)
        },
        Case(name: "prefix table: 1 letter", words: { _ in "abcdefghijklmnopqrstuvwxyz".map(String.init) }) {
            try $0.prefixCompletions(of: $1, maxDistance: 0, limit: limit, work: &$2)
        },
        Case(name: "baseline: 1 letter without the prefix table", words: { _ in "abcdefghijklmnopqrstuvwxyz".map(String.init) }) {
            try $0.prefixCompletions(of: $1, maxDistance: 0, limit: limit, work: &$2, usePrefixTable: false)
        },
    ]

    for item in cases {
        let configuration = Benchmark.Configuration(
            metrics: [.wallClock, .throughput, .mallocCountTotal],
            timeUnits: .microseconds,
            warmupIterations: 5,
            maxDuration: .seconds(8),
            maxIterations: item.maxIterations)

        Benchmark(item.name, configuration: configuration) { (benchmark: Benchmark, setup: (Index, [String])) throws in
            let (index, words) = setup
            var work = DictionaryWalkWork()
            var next = 0
            for _ in benchmark.scaledIterations {
                let snapshot = try index.snapshot()
                blackHole(try item.run(snapshot, words[next], &work))
                snapshot.close()
                next = (next + 1) % words.count
            }
        } setup: {
            let fixture = try dictionary.setUp()
            let words = item.words(fixture)
            try reportWork(item, words: words, index: fixture.index)
            return (fixture.index, words)
        } teardown: {
            dictionary.tearDown()
        }
    }

    /// Runs every query word once and reports the work per word (mean and max) and the results.
    func reportWork(_ item: Case, words: [String], index: Index) throws {
        let snapshot = try index.snapshot()
        defer { snapshot.close() }
        var total = DictionaryWalkWork(), maxSeeks = 0, maxNodes = 0, found = 0, capped = 0, table = 0
        for word in words.prefix(item.maxIterations < 100 ? 3 : words.count) {
            var work = DictionaryWalkWork()
            found += try item.run(snapshot, word, &work).count
            total.seeks += work.seeks
            total.steps += work.steps
            total.nodes += work.nodes
            maxSeeks = max(maxSeeks, work.seeks)
            maxNodes = max(maxNodes, work.nodes)
            if work.hitScanCap { capped += 1 }
            if work.usedPrefixTable { table += 1 }
        }
        let n = max(1, min(words.count, item.maxIterations < 100 ? 3 : words.count))
        reportSetup(
            "\(item.name): \(words.count) words (e.g. '\(words[0])'), per word: seeks \(total.seeks / n) (max \(maxSeeks)), "
                + "next \(total.steps / n), nodes \(total.nodes / n) (max \(maxNodes)), results \(found / n); "
                + "scan cap hit \(capped), prefix table \(table)")
    }
}
