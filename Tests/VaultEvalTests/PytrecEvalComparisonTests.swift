import Foundation
import Testing
import VaultCorpus
@testable import VaultEval

/// Our measures against pytrec_eval (trec_eval 9.x compiled in), query by query, to 1e-6.
/// Properties checked:
/// 1. On a seeded pseudo-run over the real SciFact qrels and corpus ids, with many score ties,
///    missing relevant documents and unanswered queries, every per-query value and every mean of
///    nDCG@10, MAP@100, Recall@100, P@10 equals trec_eval's, and MRR@10 equals trec_eval's
///    `recip_rank` on the run cut to its top 10 (in trec_eval's order).
/// 2. The same holds on small hand-made edge cases: graded and negative grades, a query without
///    relevant documents, all-tied scores.
@Suite(.enabled(if: PytrecEval.isAvailable, "python3 cannot import pytrec_eval (pip install pytrec-eval-terrier)"))
struct PytrecEvalComparisonTests {
    static let measures: [EvalMeasure] = [.ndcg(10), .reciprocalRank(10), .map(100), .recall(100), .precision(10)]
    /// pytrec_eval names of the measures computed on the full run (MRR@10 is computed on the cut run).
    static let fullRunNames = ["ndcg_cut.10", "map_cut.100", "recall.100", "P.10"]

    static let scifact = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/corpus/scifact").standardizedFileURL

    @Test(.enabled(
        if: FileManager.default.fileExists(atPath: scifact.appendingPathComponent("qrels.txt").path),
        "../shared/corpus/scifact/qrels.txt is absent"))
    func scifactPseudoRun() throws {
        let qrelsURL = Self.scifact.appendingPathComponent("qrels.txt")
        let qrels = try Qrels(contentsOf: qrelsURL)
        let corpusIDs = try Self.corpusIDs(Self.scifact.appendingPathComponent("corpus.jsonl"))
        let run = Self.pseudoRun(qrels: qrels, corpusIDs: corpusIDs, seed: 20_250_101)
        try compare(run: run, qrels: qrels, qrelsURL: qrelsURL)
    }

    @Test func smallEdgeCases() throws {
        let qrels = Qrels(judgments: [
            "g": ["a": 3, "b": 0, "c": 1, "d": 2, "e": -1, "f": 2],
            "none": ["x": 0, "y": 0],
            "tie": ["d1": 1, "d10": 1, "d2": 0],
            "absent": ["z": 1],
        ])
        var run = Run()
        for (docid, score) in [("e", 9.0), ("b", 5), ("c", 5), ("a", 4), ("q", 4), ("d", 1)] {
            run.append(qid: "g", docid: docid, score: score)
        }
        run.append(qid: "none", docid: "x", score: 1)
        for docid in ["d1", "d2", "d10", "d3", "d100"] { run.append(qid: "tie", docid: docid, score: 0.5) }
        run.append(qid: "unjudged", docid: "a", score: 1)

        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let qrelsURL = dir.appendingPathComponent("qrels.txt")
        try Self.qrelsText(qrels).write(to: qrelsURL, atomically: true, encoding: .utf8)
        try compare(run: run, qrels: qrels, qrelsURL: qrelsURL)
    }

    /// Evaluates `run` both ways and compares every query's value and every mean.
    private func compare(run: Run, qrels: Qrels, qrelsURL: URL) throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let writer = TrecRunWriter(tag: "pseudo")
        let fullURL = dir.appendingPathComponent("run.txt")
        let top10URL = dir.appendingPathComponent("run.top10.txt")
        try writer.write(run, to: fullURL)
        let top10 = Run(rankings: run.rankings.mapValues { Array(TrecOrdering.ranked($0).prefix(10)) })
        try writer.write(top10, to: top10URL)

        let full = try PytrecEval.evaluate(qrels: qrelsURL, run: fullURL, measures: Self.fullRunNames)
        let cut = try PytrecEval.evaluate(qrels: qrelsURL, run: top10URL, measures: ["recip_rank"])
        let ours = Evaluator.evaluate(run: run, qrels: qrels, measures: Self.measures)

        #expect(Set(full.keys) == Set(ours.perQuery.keys))
        #expect(ours.queryCount == full.count)
        for measure in Self.measures {
            let (source, name) = measure == .reciprocalRank(10) ? (cut, "recip_rank") : (full, measure.trecName)
            var sum = 0.0
            for (qid, values) in source.sorted(by: { $0.key < $1.key }) {
                let theirs = try #require(values[name], "pytrec_eval has no \(name) for \(qid)")
                let mine = try #require(ours.value(measure, for: qid), "no \(measure) for \(qid)")
                #expect(abs(mine - theirs) < 1e-6, "\(measure) of query \(qid): ours \(mine), trec_eval \(theirs)")
                sum += theirs
            }
            let theirMean = sum / Double(source.count)
            #expect(abs(ours.mean(measure) - theirMean) < 1e-6, "mean \(measure): ours \(ours.mean(measure)), trec_eval \(theirMean)")
            print("\(measure.trecName): ours \(ours.mean(measure)), pytrec_eval \(theirMean) over \(source.count) queries")
        }
    }

    /// For each judged query (a tenth of them left unanswered): its relevant documents, each kept
    /// with probability 0.8, and 150 random corpus documents, with scores in steps of 0.25 so that
    /// ties are common; relevant documents get a small random bonus. A few unjudged queries too.
    static func pseudoRun(qrels: Qrels, corpusIDs: [String], seed: UInt64) -> Run {
        var random = SeededRandom(seed: seed)
        var run = Run()
        func score() -> Double { Double(random.next() % 20) / 4 }
        for qid in qrels.judgments.keys.sorted() {
            guard random.next() % 10 != 0 else { continue }
            var seen = Set<String>()
            for docid in (qrels.judgments[qid] ?? [:]).keys.sorted() where random.next() % 5 != 0 {
                seen.insert(docid)
                run.append(qid: qid, docid: docid, score: score() + Double(random.next() % 16) / 4)
            }
            while seen.count < 150 + (qrels.judgments[qid]?.count ?? 0) {
                let docid = corpusIDs[Int(random.next() % UInt64(corpusIDs.count))]
                if seen.insert(docid).inserted { run.append(qid: qid, docid: docid, score: score()) }
            }
        }
        for index in 0..<3 { run.append(qid: "unjudged-\(index)", docid: corpusIDs[index], score: 1) }
        return run
    }

    /// The `id` (or BEIR `_id`) of every line of a corpus JSONL file.
    static func corpusIDs(_ url: URL) throws -> [String] {
        let text = try String(contentsOf: url, encoding: .utf8)
        return try text.split(separator: "\n").compactMap { line in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            return (object?["_id"] ?? object?["id"]) as? String
        }
    }

    static func qrelsText(_ qrels: Qrels) -> String {
        qrels.judgments.sorted { $0.key < $1.key }.flatMap { qid, grades in
            grades.sorted { $0.key < $1.key }.map { "\(qid) 0 \($0.key) \($0.value)\n" }
        }.joined()
    }

    static func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vs-eval-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }
}
