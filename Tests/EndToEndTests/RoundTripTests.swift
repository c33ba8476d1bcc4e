import Foundation
import Testing

/// A generated corpus goes through every command and comes back intact. Properties checked:
/// 1. `generate` with the same seed writes byte-identical corpus and queries; another seed differs.
/// 2. `index` reports 300 documents; `inspect stats` agrees; `inspect check` says consistent.
/// 3. `search --json` prints JSON that parses: the query, its terms, hits with ids, scores in
///    non-increasing order and titles.
/// 4. `inspect term` shows a word's document frequency and postings; `inspect document` prints
///    the stored document as JSON with its id and title.
/// 5. `eval --run` writes a TREC run: `qid Q0 docid rank score tag` lines, ranks 1, 2, … per
///    query, scores non-increasing, tag `vaultsearch`, only ids of the corpus.
@Suite struct RoundTripTests {
    static let documentCount = 300

    /// A workspace with a generated corpus (seed 11), 20 queries and an index `idx`.
    static func generatedAndIndexed() async throws -> Workspace {
        let workspace = try Workspace()
        let generated = try await workspace.vaultsearch(
            "generate", "--docs", String(documentCount), "--seed", "11", "--output", "corpus.jsonl",
            "--queries", "20", "--queries-output", "queries.tsv")
        try #require(generated.succeeded, "\(generated)")
        let indexed = try await workspace.vaultsearch("index", "--corpus", "corpus.jsonl", "--index", "idx")
        try #require(indexed.succeeded, "\(indexed)")
        #expect(indexed.stdout.contains("indexed \(documentCount) documents into idx"), "\(indexed)")
        return workspace
    }

    @Test func generateIsDeterministic() async throws {
        let workspace = try Workspace()
        for (name, seed) in [("a", "5"), ("b", "5"), ("c", "6")] {
            let result = try await workspace.vaultsearch(
                "generate", "--docs", "300", "--seed", seed, "--output", "\(name).jsonl", "--queries", "50", "--queries-output", "\(name).tsv")
            expectSuccess(result)
            #expect(result.stdout.contains("wrote 300 documents to \(name).jsonl and 50 queries to \(name).tsv"), "\(result)")
        }
        #expect(try workspace.read("a.jsonl") == workspace.read("b.jsonl"))
        #expect(try workspace.read("a.tsv") == workspace.read("b.tsv"))
        #expect(try workspace.read("a.jsonl") != workspace.read("c.jsonl"))
        let lines = String(decoding: try workspace.read("a.jsonl"), as: UTF8.self).split(separator: "\n")
        #expect(lines.count == 300)
    }

    @Test func indexIsConsistentAndSearchable() async throws {
        let workspace = try await Self.generatedAndIndexed()
        #expect(try await workspace.documentCount(index: "idx") == Self.documentCount)

        let check = try await workspace.vaultsearch("inspect", "check", "--index", "idx")
        expectSuccess(check)
        #expect(check.stdout.contains("ok: the index is consistent"), "\(check)")

        let search = try await workspace.vaultsearch("search", "--index", "idx", "--json", "--limit", "5", "marketing email")
        expectSuccess(search)
        let output = try JSONDecoder().decode(SearchOutput.self, from: Data(search.stdout.utf8))
        #expect(output.query == "marketing email")
        #expect(output.terms.count == 2)
        #expect(output.hits.count == 5)
        #expect(output.hits.allSatisfy { $0.id.hasPrefix("p") && $0.title != nil })
        #expect(zip(output.hits, output.hits.dropFirst()).allSatisfy { $0.score >= $1.score })
    }

    @Test func inspectTermAndDocument() async throws {
        let workspace = try await Self.generatedAndIndexed()
        let term = try await workspace.vaultsearch("inspect", "term", "--index", "idx", "--limit", "3", "students")
        expectSuccess(term)
        // "term 'student'  id 12  df 34  blocks 1", then one line per posting.
        let lines = term.stdout.split(separator: "\n")
        let header = try #require(lines.first)
        #expect(header.hasPrefix("term 'student'"), "the word is analyzed (stemmed) first: \(term)")
        let fields = header.split(separator: " ")
        let dfField = try #require(fields.firstIndex(of: "df"), "\(term)")
        let df = try #require(Int(fields[dfField + 1]), "\(term)")
        #expect(df > 0 && df <= Self.documentCount)
        #expect(lines.count == 1 + min(3, df), "\(term)")
        #expect(lines.dropFirst().allSatisfy { $0.contains("tf ") && $0.contains("len ") })

        let document = try await workspace.vaultsearch("inspect", "document", "--index", "idx", "p0")
        expectSuccess(document)
        let stored = try #require(try JSONSerialization.jsonObject(with: Data(document.stdout.utf8)) as? [String: Any])
        let firstLine = try #require(String(decoding: try workspace.read("corpus.jsonl"), as: UTF8.self).split(separator: "\n").first)
        let original = try #require(try JSONSerialization.jsonObject(with: Data(firstLine.utf8)) as? [String: Any])
        #expect(stored["id"] as? String == "p0")
        #expect(stored["title"] as? String == original["title"] as? String)
        #expect(stored["text"] as? String == original["text"] as? String)
    }

    @Test func evalWritesTrecRun() async throws {
        let workspace = try await Self.generatedAndIndexed()
        // Any judgments do: the run file's shape is under test, not the scores.
        try workspace.write("qrels.txt", (0..<20).map { "q\($0) 0 p\($0 * 7) 1" }.joined(separator: "\n") + "\n")

        let result = try await workspace.vaultsearch(
            "eval", "--index", "idx", "--queries", "queries.tsv", "--qrels", "qrels.txt", "--run", "out.run", "--depth", "20")

        expectSuccess(result)
        #expect(result.stdout.contains("nDCG@10"), "\(result)")
        #expect(result.stdout.contains("run written to out.run"), "\(result)")
        let lines = String(decoding: try workspace.read("out.run"), as: UTF8.self).split(separator: "\n")
        #expect(!lines.isEmpty)
        var lastByQuery: [Substring: (rank: Int, score: Double)] = [:]
        for line in lines {
            let fields = line.split(separator: " ")
            try #require(fields.count == 6, "not 'qid Q0 docid rank score tag': \(line)")
            #expect(fields[0].hasPrefix("q") && fields[1] == "Q0" && fields[5] == "vaultsearch", "\(line)")
            #expect(fields[2].hasPrefix("p") && (Int(fields[2].dropFirst()) ?? -1) < Self.documentCount, "\(line)")
            let rank = try #require(Int(fields[3]), "\(line)"), score = try #require(Double(fields[4]), "\(line)")
            let previous = lastByQuery[fields[0]] ?? (0, .infinity)
            #expect(rank == previous.rank + 1 && score <= previous.score, "ranks must count up and scores go down: \(line)")
            #expect(rank <= 20)
            lastByQuery[fields[0]] = (rank, score)
        }
    }
}
