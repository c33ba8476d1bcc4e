// Tokenization: the analysis pipeline (ICU word breaks, technical splitting, folding, Snowball
// stemming) against a naive whitespace split + lowercased() of the same texts.

import Benchmark
import BenchmarkFixtures
import VaultAnalysis

/// The tokenization suite.
///
/// Inputs, generated once per benchmark process in setup (outside the measurement):
/// - the bodies (`text`) of documents 0..<1,000 of the seed-42 corpus, 1–4 paragraphs each;
/// - the texts of 1,000 generated queries (2–6 lowercase words).
///
/// Each iteration handles all 1,000 texts; the scaling factor is 1,000, so wall clock is per text
/// and throughput is texts per second. The analyzer (English stemming, the index's default) is made
/// in setup too.
///
/// | benchmark | what runs per text |
/// | --- | --- |
/// | `Document bodies: Analyzer.terms` | `analyzer.terms(text)`: terms only, the indexing hot path |
/// | `Document bodies: Analyzer.analyze` | `analyzer.analyze(text)`: tokens with positions and offsets |
/// | `Document bodies: baseline split + lowercased` | `text.split(whereSeparator: \.isWhitespace).map { $0.lowercased() }` |
/// | `Queries: …` | the same three on the query texts |
let benchmarks: @Sendable () -> Void = {
    let textsPerIteration = BenchmarkScalingFactor.kilo.rawValue
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, .throughput, .mallocCountTotal],
        warmupIterations: 2,
        scalingFactor: .kilo,
        maxDuration: .seconds(3),
        maxIterations: 200)

    let inputs: [(name: String, texts: () -> [String])] = [
        ("Document bodies", { BenchmarkCorpus.generated(0..<textsPerIteration).map(\.text) }),
        ("Queries", { BenchmarkCorpus.queries(count: textsPerIteration) }),
    ]
    for input in inputs {
        let setup = { TokenizationInput(texts: input.texts()) }

        Benchmark("\(input.name): Analyzer.terms", configuration: configuration) {
            (_: Benchmark, input: TokenizationInput) in
            for text in input.texts {
                blackHole(input.analyzer.terms(text))
            }
        } setup: {
            setup()
        }

        Benchmark("\(input.name): Analyzer.analyze", configuration: configuration) {
            (_: Benchmark, input: TokenizationInput) in
            for text in input.texts {
                blackHole(input.analyzer.analyze(text))
            }
        } setup: {
            setup()
        }

        Benchmark("\(input.name): baseline split + lowercased", configuration: configuration) {
            (_: Benchmark, input: TokenizationInput) in
            for text in input.texts {
                blackHole(text.split(whereSeparator: \.isWhitespace).map { $0.lowercased() })
            }
        } setup: {
            setup()
        }
    }
}

/// The texts of one benchmark and the analyzer that reads them.
struct TokenizationInput {
    /// One iteration's texts.
    let texts: [String]
    /// An analyzer configured as ``IndexSettings/beir`` analyzes: English stemming, diacritics folded.
    let analyzer = Analyzer(AnalyzerConfiguration(stemming: .english))
}
