import Foundation
import Testing

/// Ranking quality on the real BEIR data sets stays above a floor. Properties checked:
/// 1. SciFact: `eval --json` reports nDCG@10 ≥ 0.68 (measured 0.689 when the floor was set).
/// 2. Cranfield: nDCG@10 ≥ 0.36 (measured 0.373).
/// Each evaluates every query of the set; the data sets live in `../shared/corpus/<name>` beside
/// the package and the tests are skipped when they are absent. Serialized: each build takes
/// most of a CPU for tens of seconds in a debug build.
@Suite(.serialized, .timeLimit(.minutes(10))) struct QualityFloorTests {
    /// A BEIR data set on disk: `corpus.jsonl`, `queries.tsv`, `qrels.txt`.
    struct DataSet {
        var name: String
        var folder: URL { Binary.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus/\(name)") }
        var isAvailable: Bool {
            ["corpus.jsonl", "queries.tsv", "qrels.txt"].allSatisfy {
                FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path)
            }
        }
    }

    static let scifact = DataSet(name: "scifact")
    static let cranfield = DataSet(name: "cranfield")

    @Test(.enabled(if: scifact.isAvailable, "../shared/corpus/scifact (corpus.jsonl, queries.tsv, qrels.txt) not found beside the package"))
    func scifactFloor() async throws {
        try await expectNDCG(of: Self.scifact, atLeast: 0.68, queries: 300)
    }

    @Test(.enabled(if: cranfield.isAvailable, "../shared/corpus/cranfield (corpus.jsonl, queries.tsv, qrels.txt) not found beside the package"))
    func cranfieldFloor() async throws {
        try await expectNDCG(of: Self.cranfield, atLeast: 0.36, queries: 225)
    }

    /// Indexes `dataSet`, evaluates it and expects nDCG@10 of at least `floor` over `queries` queries.
    func expectNDCG(of dataSet: DataSet, atLeast floor: Double, queries: Int) async throws {
        let workspace = try Workspace()
        let file = { dataSet.folder.appendingPathComponent($0).path }
        let indexed = try await workspace.vaultsearch("index", "--corpus", file("corpus.jsonl"), "--index", "idx")
        try #require(indexed.succeeded, "\(indexed)")

        let result = try await workspace.vaultsearch(
            "eval", "--index", "idx", "--queries", file("queries.tsv"), "--qrels", file("qrels.txt"), "--json")
        try #require(result.succeeded, "\(result)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let ndcg = try #require(report["nDCG@10"] as? Double, "\(result)")
        print("\(dataSet.name): nDCG@10 \(ndcg), MRR@10 \(report["MRR@10"] ?? "?"), Recall@100 \(report["Recall@100"] ?? "?") (floor \(floor))")
        #expect(report["evaluatedQueries"] as? Int == queries)
        #expect(ndcg >= floor, "\(dataSet.name) nDCG@10 \(ndcg) fell below \(floor)")
    }
}
