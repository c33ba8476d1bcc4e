import ArgumentParser
import Foundation
import VaultCorpus

/// `vaultsearch generate`: writes a seeded, prompt-like BEIR corpus (and queries) of any size.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a seeded corpus of prompt-like documents (BEIR JSONL), streaming, for benchmarks.",
        discussion: "The same --docs and --seed always give the same bytes.")

    @Option(name: .long, parsing: .unconditional, help: "How many documents.")
    var docs: Int

    @Option(name: .long, help: "The random seed.")
    var seed: UInt64 = 42

    @Option(name: .long, help: "The corpus file to write.")
    var output = "corpus.jsonl"

    @Option(name: .long, parsing: .unconditional, help: "Also write this many queries (id<TAB>text).")
    var queries = 0

    @Option(name: .long, help: "The queries file to write.")
    var queriesOutput = "queries.tsv"

    func validate() throws {
        if docs < 1 || docs > 100_000_000 { throw ValidationError("--docs must be between 1 and 100000000") }
        if queries < 0 || queries > 1_000_000 { throw ValidationError("--queries must be between 0 and 1000000") }
    }

    func run() throws {
        let generator = CorpusGenerator(seed: seed)
        let start = ContinuousClock.now
        let written = try BEIRWriter.write(documents: generator.documents(count: docs), to: URL(fileURLWithPath: output))
        if queries > 0 {
            try BEIRWriter.write(queries: generator.queries(count: queries, seed: seed), to: URL(fileURLWithPath: queriesOutput))
        }
        let seconds = (ContinuousClock.now - start) / .seconds(1)
        print("wrote \(written) documents to \(output)\(queries > 0 ? " and \(queries) queries to \(queriesOutput)" : "") in \(String(format: "%.2f", seconds))s")
    }
}
