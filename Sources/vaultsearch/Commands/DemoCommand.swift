import ArgumentParser
import Foundation
import VaultCorpus
import VaultEval
import VaultIndex

/// `vaultsearch demo`: the main job until the daemon exists. Generates the sample corpus, indexes
/// it and runs example searches, printing what it does.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Generate a sample prompt corpus, index it, and run example searches.")

    @Option(name: .long, help: "The data folder.")
    var data = "data"

    @Option(name: .long, parsing: .unconditional, help: "How many generated prompts.")
    var size = 20_000

    @Option(name: .long, help: "The generator's seed.")
    var seed: UInt64 = 42

    static let exampleQueries = [
        "python code review", "cinematic portrait golden hour", "\"cover letter\"", "seo blog -tiktok", "marketing email",
    ]

    func validate() throws {
        if size < 1 || size > 10_000_000 { throw ValidationError("--size must be between 1 and 10000000") }
    }

    func run() throws {
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        let corpus = "\(data)/sample-\(size)-\(seed).jsonl"
        let indexPath = "\(data)/sample-index"
        if !FileManager.default.fileExists(atPath: corpus) {
            print("generating \(size) prompts (seed \(seed)) into \(corpus)…")
            _ = try BEIRWriter.write(documents: CorpusGenerator(seed: seed).documents(count: size), to: URL(fileURLWithPath: corpus))
        }
        var bar = ProgressBar(label: "indexing")
        let outcome = try CorpusIndexer(settings: .beir).build(corpus: corpus, into: indexPath) { progress in
            bar.update(done: progress.bytesRead, total: progress.totalBytes, items: progress.documents, unit: "docs")
        }
        bar.finish(items: outcome.documents, unit: "docs")
        let index = try Index.open(at: indexPath, readOnly: true)
        let searcher = try Searcher(index: index)
        let snapshot = try index.snapshot()
        for query in Self.exampleQueries {
            let start = ContinuousClock.now
            let results = try searcher.search(query, options: SearchOptions(limit: 3), in: snapshot)
            let ms = (ContinuousClock.now - start) / .milliseconds(1)
            print("\nsearch \(query)  (\(String(format: "%.3f", ms)) ms)")
            for hit in results.hits {
                print(String(format: "  %-8@ %7.3f  %@", hit.id, hit.score, try snapshot.title(of: hit.documentNumber)))
            }
        }
        print("\nindex at \(indexPath); try: vaultsearch search --index \(indexPath) \"your query\"")
    }
}
