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

            Robustness: --typos SEED makes one random typing mistake (substitution, deletion, insertion, \
            adjacent transposition, at any position) in each word of >= 5 letters with probability 0.5, \
            at least one per query that has such a word; --prefix cuts the last word of each query to its \
            first 60 % (at least 2 characters). Both together: typos, then the cut. Both depend only on the \
            seed and each query's id. The altered queries are written (--write-queries, or by default beside \
            the --run file or in data/eval/) in the input's format, so `eval --queries FILE` repeats the run.
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

    @Option(name: .long, help: ArgumentHelp("Put seeded random typos into the queries first.", valueName: "seed"))
    var typos: UInt64?

    @Flag(name: .long, help: "Cut the last word of each query to its first 60 % (after --typos, if given).")
    var prefix = false

    @Option(
        name: .customLong("write-queries"),
        help: ArgumentHelp("Where to write the altered queries (default: beside --run, else data/eval/).", valueName: "path"))
    var writeQueries: String?

    /// The alteration asked for on the command line.
    var alteration: QueryAlteration {
        QueryAlteration(typos: typos.map { TypoInjector(seed: $0) }, prefix: prefix ? PrefixTruncator() : nil)
    }

    func validate() throws {
        if k < 1 || k > 1000 { throw ValidationError("--k must be between 1 and 1000") }
        if depth < k || depth > SearchOptions.maximumWindow { throw ValidationError("--depth must be between k and \(SearchOptions.maximumWindow)") }
        if writeQueries != nil, alteration.isIdentity { throw ValidationError("--write-queries needs --typos or --prefix") }
    }

    func run() throws {
        let judged = try Qrels(contentsOf: URL(fileURLWithPath: qrels))
        let original = try EvalQuery.readTSV(contentsOf: URL(fileURLWithPath: queries))
        let altered = alteration.isIdentity ? nil : alteration.apply(to: original)
        let list = altered?.queries ?? original
        if let runFile, !FileManager.default.createFile(atPath: runFile, contents: nil) {
            throw CommandError("cannot write the run file '\(runFile)' (does its directory exist?)")
        }
        let index = try Index.open(at: indexOptions.index, readOnly: true, verifyStructure: true)
        let searcher = try Searcher(index: index)
        let snapshot = try index.snapshot()
        var queriesFile: String?
        if let altered {
            let path = writeQueries ?? defaultQueriesPath()
            try createParentDirectory(of: path)
            try EvalQuery.writeTSV(altered.queries, to: URL(fileURLWithPath: path))
            queriesFile = path
        }
        var results = Run()
        let options = SearchOptions(limit: depth, matching: all ? .all : .any)
        let start = ContinuousClock.now
        for query in list {
            for hit in try searcher.search(query.text, scope: .publicOnly, options: options, in: snapshot).hits {
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
            if let altered, let queriesFile { object["alteration"] = alterationJSON(altered, file: queriesFile) }
            try printJSON(object)
            return
        }
        if let altered, let queriesFile {
            print("altered: \(alteration.description): \(altered.changedQueries) of \(list.count) queries, \(altered.changedWords) words changed\(editSummary(altered))")
            print("altered queries written to \(queriesFile)")
        }
        print("queries: \(list.count) run, \(report.queryCount) evaluated (\(String(format: "%.2f", seconds))s)")
        for measure in measures {
            print(String(format: "%-12@ %.4f", measure.description, report.mean(measure)))
        }
        if let runFile { print("run written to \(runFile)") }
    }
}

extension EvalCommand {
    /// Where the altered queries go without `--write-queries`: beside the run file when there is
    /// one (`out.run` → `out.run.queries.tsv`), else `data/eval/<folder>-<file name>-<alteration>.tsv`
    /// (`../shared/corpus/scifact/queries.tsv --typos 13` → `data/eval/scifact-queries-typos13.tsv`:
    /// the folder is in the name because BEIR data sets all call their file `queries.tsv`).
    func defaultQueriesPath() -> String {
        if let runFile { return runFile + ".queries.tsv" }
        let url = URL(fileURLWithPath: queries)
        let folder = url.deletingLastPathComponent().lastPathComponent
        var name = url.deletingPathExtension().lastPathComponent
        if !folder.isEmpty, folder != "/" { name = folder + "-" + name }
        if let typos { name += "-typos\(typos)" }
        if prefix { name += "-prefix" }
        return "data/eval/\(name).tsv"
    }

    /// Creates the folder that will hold `path`, if missing.
    func createParentDirectory(of path: String) throws {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw CommandError("cannot create the folder '\(folder.path)' for the altered queries: \(error.localizedDescription)")
        }
    }

    /// `, edits: 3 substitution, 1 deletion, ...`, or nothing without typos.
    func editSummary(_ altered: AlteredQueries) -> String {
        let parts = TypoEdit.Kind.allCases.compactMap { kind in altered.editCounts[kind].map { "\($0) \(kind.rawValue)" } }
        return parts.isEmpty ? "" : " (typos: " + parts.joined(separator: ", ") + ")"
    }

    /// The `alteration` object of the JSON report.
    func alterationJSON(_ altered: AlteredQueries, file: String) -> [String: Any] {
        var object: [String: Any] = [
            "description": alteration.description, "prefix": prefix, "changedQueries": altered.changedQueries,
            "changedWords": altered.changedWords, "queriesFile": file,
        ]
        if let typos {
            object["typosSeed"] = NSNumber(value: typos)
            object["typos"] = Dictionary(uniqueKeysWithValues: altered.editCounts.map { ($0.key.rawValue, $0.value) })
        }
        return object
    }
}
