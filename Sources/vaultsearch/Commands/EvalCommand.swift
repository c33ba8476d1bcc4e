import ArgumentParser
import Foundation
import VaultEval
import VaultIndex

/// `vaultsearch eval`: runs every query of a BEIR query file and scores the run as trec_eval does.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Measure ranking quality: nDCG@k, MRR@k, MAP@100, Recall@100, P@k against qrels.",
        discussion: """
            Measures are computed exactly as trec_eval 9.x computes ndcg_cut, recip_rank (cut at k), \
            map_cut, recall and P: ties ordered by score then docid descending, grade >= 1 relevant, \
            queries of the qrels that the run does not answer skipped (counted as 0 with --complete, \
            trec_eval's -c).
            """)

    @OptionGroup var indexOptions: IndexOptions

    @Option(name: .long, help: "The queries (BEIR queries.tsv: id<TAB>text).")
    var queries: String

    @Option(name: .long, help: "The relevance judgments (TREC qrels: qid 0 docid grade).")
    var qrels: String

    @Option(name: .customLong("run"), help: "Write the run in TREC format to this file.")
    var runFile: String?

    @Option(name: .long, parsing: .unconditional, help: "The cutoff of nDCG, MRR and P.")
    var k = 10

    @Option(name: .long, parsing: .unconditional, help: "Documents retrieved per query (the depth of MAP and Recall).")
    var depth = 100

    @Flag(name: .long, help: "Average over every judged query, scoring unanswered ones as 0 (trec_eval -c).")
    var complete = false

    @Flag(name: .long, help: "Require every query word (default: any word).")
    var all = false

    @Flag(name: .long, help: "Print JSON.")
    var json = false

    func validate() throws {
        if k < 1 || k > 1000 { throw ValidationError("--k must be between 1 and 1000") }
        if depth < k || depth > SearchOptions.maximumWindow { throw ValidationError("--depth must be between k and \(SearchOptions.maximumWindow)") }
    }

    func run() throws {
        let judged = try Qrels(contentsOf: URL(fileURLWithPath: qrels))
        let list = try EvalQuery.readTSV(contentsOf: URL(fileURLWithPath: queries))
        if let runFile, !FileManager.default.createFile(atPath: runFile, contents: nil) {
            throw CommandError("cannot write the run file '\(runFile)' (does its directory exist?)")
        }
        let index = try Index.open(at: indexOptions.index, readOnly: true)
        let searcher = try Searcher(index: index)
        let snapshot = try index.snapshot()
        var results = Run()
        let options = SearchOptions(limit: depth, matching: all ? .all : .any)
        let start = ContinuousClock.now
        for query in list {
            for hit in try searcher.search(query.text, options: options, in: snapshot).hits {
                results.append(qid: query.id, docid: hit.id, score: hit.score)
            }
        }
        let seconds = (ContinuousClock.now - start).seconds
        if let runFile { try TrecRunWriter(tag: "vaultsearch").write(results, to: URL(fileURLWithPath: runFile)) }
        let measures: [EvalMeasure] = [.ndcg(k), .reciprocalRank(k), .map(depth), .recall(depth), .precision(k)]
        let report = Evaluator.evaluate(run: results, qrels: judged, measures: measures, completeQueries: complete)
        if json {
            var object: [String: Any] = ["queries": list.count, "evaluatedQueries": report.queryCount, "seconds": rounded(seconds, 3)]
            for measure in measures { object[measure.description] = rounded(report.mean(measure), 6) }
            try printJSON(object)
            return
        }
        print("queries: \(list.count) run, \(report.queryCount) evaluated (\(String(format: "%.2f", seconds))s)")
        for measure in measures {
            print(String(format: "%-12@ %.4f", measure.description, report.mean(measure)))
        }
        if let runFile { print("run written to \(runFile)") }
    }
}
