import ArgumentParser
import Foundation
import VaultEval
import VaultIndex

/// `vaultsearch bench-typos`: query latency of clean, typo'd and prefix-cut queries and of one-letter
/// prefix queries, side by side on one index in one run.
struct BenchTyposCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-typos",
        abstract: "Latency of clean vs typo'd vs prefix-cut vs one-letter queries on an existing index, in one run.",
        discussion: """
            The typo'd and prefix-cut sets are made from the query file exactly as `eval --typos SEED` and \
            `eval --prefix` make them; the one-letter set is "a" … "z". After a warm-up pass each set runs \
            --repeat times, interleaved set by set, single-threaded. Use a release build.
            """)

    @OptionGroup var indexOptions: IndexOptions

    @Option(name: .long, help: "The queries (id<TAB>text).")
    var queries: String

    @Option(name: .long, parsing: .unconditional, help: "The typo seed (as eval --typos).")
    var typos: UInt64 = 13

    @Option(name: .long, parsing: .unconditional, help: "Use only the first N queries (0 = all).")
    var first = 0

    @Option(name: .long, parsing: .unconditional, help: "Timed passes per set.")
    var `repeat` = 3

    @Option(name: .long, parsing: .unconditional, help: "Hits per query.")
    var limit = 10

    func validate() throws {
        if `repeat` < 1 || `repeat` > 1000 { throw ValidationError("--repeat must be between 1 and 1000") }
        if limit < 1 || limit > 1000 { throw ValidationError("--limit must be between 1 and 1000") }
        if first < 0 { throw ValidationError("--first must not be negative") }
    }

    func run() throws {
        var clean = try EvalQuery.readTSV(contentsOf: URL(fileURLWithPath: queries))
        if first > 0 { clean = Array(clean.prefix(first)) }
        let sets: [(name: String, queries: [String])] = [
            ("clean", clean.map(\.text)),
            ("typos \(typos)", QueryAlteration(typos: TypoInjector(seed: typos)).apply(to: clean).queries.map(\.text)),
            ("prefix", QueryAlteration(prefix: PrefixTruncator()).apply(to: clean).queries.map(\.text)),
            ("one letter", (UInt8(ascii: "a")...UInt8(ascii: "z")).map { String(UnicodeScalar($0)) }),
        ]
        let index = try Index.open(at: indexOptions.index, readOnly: true)
        let searcher = try Searcher(index: index)
        let options = SearchOptions(limit: limit)
        var samples = Array(repeating: [UInt64](), count: sets.count)
        var work = Array(repeating: SearchWork(), count: sets.count)
        for (i, set) in sets.enumerated() {
            for query in set.queries {
                let w = try searcher.search(query, scope: .publicOnly, options: options).work
                work[i].blocksDecoded += w.blocksDecoded
                work[i].postingsScored += w.postingsScored
            }
        }
        for _ in 0..<`repeat` {
            for (i, set) in sets.enumerated() {
                for query in set.queries {
                    let start = DispatchTime.now().uptimeNanoseconds
                    _ = try searcher.search(query, scope: .publicOnly, options: options)
                    samples[i].append(DispatchTime.now().uptimeNanoseconds - start)
                }
            }
        }
        let summaries = samples.map { LatencySummary(nanoseconds: $0) }
        print("index \(indexOptions.index), \(clean.count) queries × \(`repeat`) timed runs per set, top \(limit)")
        print("set              p50 ms    p90 ms    p99 ms   mean ms   × clean p50   blocks/q  postings/q")
        for (i, set) in sets.enumerated() {
            let s = summaries[i]
            let n = Double(max(set.queries.count, 1))
            print(
                String(
                    format: "%-14@ %9.4f %9.4f %9.4f %9.4f %11.2f× %10.1f %11.1f", set.name, s.p50, s.p90, s.p99, s.mean,
                    s.p50 / max(summaries[0].p50, 1e-9), Double(work[i].blocksDecoded) / n, Double(work[i].postingsScored) / n))
        }
    }
}
