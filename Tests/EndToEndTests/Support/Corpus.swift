import Foundation
import Testing

/// A document of a hand-written test corpus.
struct TestDocument: Sendable {
    var id: String
    var title: String
    var text: String

    /// The document as one line of a BEIR `corpus.jsonl` (no line break).
    var jsonLine: String {
        let object = ["_id": id, "title": title, "text": text]
        let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }

    /// Three small documents, each with a word no other has (`aardvark`, `bumblebee`, `chinchilla`).
    static let trio = [
        TestDocument(id: "d1", title: "Aardvark care", text: "How to feed an aardvark at the zoo."),
        TestDocument(id: "d2", title: "Bumblebee flight", text: "Why the bumblebee can fly after all."),
        TestDocument(id: "d3", title: "Chinchilla baths", text: "A chinchilla bathes in dust, not water."),
    ]
}

/// The lines of a corpus file joined with `\n`, with a final line break.
func corpusText(_ lines: [String]) -> String { lines.joined(separator: "\n") + "\n" }

extension Workspace {
    /// Writes `documents` to `corpus` and indexes them into `index`, requiring success.
    @discardableResult
    func buildIndex(_ index: String, from documents: [TestDocument], corpus: String = "good.jsonl") async throws -> CommandResult {
        try write(corpus, corpusText(documents.map(\.jsonLine)))
        let result = try await vaultsearch("index", "--corpus", corpus, "--index", index)
        try #require(result.succeeded, "building the fixture index failed: \(result)")
        return result
    }

    /// The `documents` line of `inspect stats`, as a number.
    func documentCount(index: String) async throws -> Int? {
        let stats = try await vaultsearch("inspect", "stats", "--index", index)
        guard stats.succeeded else { return nil }
        let line = stats.stdout.split(separator: "\n").first { $0.hasPrefix("documents") }
        return line.flatMap { Int($0.split(separator: " ").last ?? "") }
    }

    /// The ids of the hits of `query`, best first (`search --json`).
    func hitIDs(index: String, _ query: String) async throws -> [String] {
        let result = try await vaultsearch("search", "--index", index, "--json", "--limit", "100", query)
        try #require(result.succeeded, "search failed: \(result)")
        return try JSONDecoder().decode(SearchOutput.self, from: Data(result.stdout.utf8)).hits.map(\.id)
    }
}

/// The JSON printed by `vaultsearch search --json`.
struct SearchOutput: Decodable {
    struct Hit: Decodable {
        var id: String
        var score: Double
        var title: String?
    }
    var query: String
    var terms: [String]
    var processingTimeMs: Double
    var hits: [Hit]
}
