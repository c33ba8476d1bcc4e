import Foundation
import Testing
import VaultCorpus
import VaultAnalysis
@testable import VaultIndex

/// Properties checked against the brute-force oracle (a scan of every live document):
/// 1. top-k by MaxScore equals top-k by scoring every document (same scores, same documents up to ties),
///    for any-word and all-word queries, phrases and exclusions, and any k;
/// 2. this holds after adds, replacements (same id) and deletes applied in batches;
/// 3. deleted or replaced versions are never returned.
@Suite("search equals brute force")
struct SearchPropertyTests {
    static let vocabulary = [
        "prompt", "prompts", "writer", "writing", "write", "code", "coder", "review", "python", "swift",
        "image", "portrait", "cinematic", "light", "golden", "hour", "cover", "letter", "resume", "email",
        "marketing", "seo", "blog", "post", "story", "teacher", "math", "tutor", "chat", "gpt", "model",
        "the", "a", "of", "and", "to", "for", "with", "in", "quick", "rare", "unique", "zebra", "what", "is",
    ]

    static func randomText(_ rng: inout SeededRandom, words: ClosedRange<Int>) -> String {
        let count = Int.random(in: words, using: &rng)
        return (0..<count).map { _ in
            // Skewed choice: earlier words are more frequent.
            let r = Double.random(in: 0..<1, using: &rng)
            return vocabulary[min(vocabulary.count - 1, Int(r * r * Double(vocabulary.count)))]
        }.joined(separator: " ")
    }

    static func randomQuery(_ rng: inout SeededRandom) -> String {
        var parts: [String] = []
        for _ in 0..<Int.random(in: 1...4, using: &rng) {
            let word = vocabulary.randomElement(using: &rng)!
            switch Int.random(in: 0..<10, using: &rng) {
            case 0: parts.append("\"\(word) \(vocabulary.randomElement(using: &rng)!)\"")
            case 1: parts.append("-\(word)")
            default: parts.append(word)
            }
        }
        return parts.joined(separator: " ")
    }

    @Test("top-k equals a scan of all documents across adds, replacements and deletes")
    func topKEqualsBruteForce() throws {
        let seed = propertySeed()
        print("SearchPropertyTests seed: \(seed) (replay with VAULT_TEST_SEED=\(seed))")
        var rng = SeededRandom(seed: seed)
        let dir = TemporaryDirectory(); defer { dir.cleanUp() }
        // Pure BM25F: no ranking-rule buckets, no typos, joins or prefixes (the oracle knows none).
        var settings = IndexSettings.beir
        settings.rankingRules = [.bm25]
        settings.typoTolerance.enabled = false
        settings.prefixSearch = false
        let index = try Index.create(at: dir.path, settings: settings)
        let writer = try IndexWriter(index: index)
        let searcher = try Searcher(index: index)
        var live: [String: Document] = [:]
        var checkedQueries = 0
        for round in 0..<12 {
            var batch: [IndexOperation] = []
            for _ in 0..<Int.random(in: 20...160, using: &rng) {
                let id = "d\(Int.random(in: 0..<400, using: &rng))"
                if Int.random(in: 0..<6, using: &rng) == 0 {
                    batch.append(.delete(id: id))
                    live[id] = nil
                } else {
                    let document = Document(id: id, fields: [
                        "title": .string(Self.randomText(&rng, words: 0...6)),
                        "text": .string(Self.randomText(&rng, words: 0...300)),
                    ])
                    batch.append(.upsert(document))
                    live[id] = document
                }
            }
            try writer.apply(batch)
            let oracle = BruteForceSearch(documents: Array(live.values), settings: settings)
            for _ in 0..<40 {
                let query = Self.randomQuery(&rng)
                let mode: MatchingMode = Bool.random(using: &rng) ? .any : .all
                let k = [1, 3, 10, 25, 1000].randomElement(using: &rng)!
                let expected = oracle.search(query, matching: mode)
                let actual = try searcher.search(query, scope: .publicOnly, options: SearchOptions(limit: k, matching: mode)).hits
                try Self.compare(actual: actual, expected: expected, k: k, context: "seed \(seed) round \(round) query '\(query)' \(mode) k=\(k)")
                checkedQueries += 1
            }
        }
        #expect(checkedQueries == 480)
    }

    @Test("with the words rule first, hits are ordered by words matched, then BM25F, as a scan finds them")
    func wordsRuleEqualsBruteForce() throws {
        let seed = propertySeed()
        print("SearchPropertyTests (words rule) seed: \(seed) (replay with VAULT_TEST_SEED=\(seed))")
        var rng = SeededRandom(seed: seed)
        let dir = TemporaryDirectory(); defer { dir.cleanUp() }
        var settings = IndexSettings.beir
        settings.rankingRules = [.words, .bm25]
        settings.rankingRulesMaxWords = 100
        settings.typoTolerance.enabled = false
        settings.prefixSearch = false
        let index = try Index.create(at: dir.path, settings: settings)
        let writer = try IndexWriter(index: index)
        let searcher = try Searcher(index: index)
        var documents: [Document] = []
        for i in 0..<300 {
            documents.append(Document(id: "d\(i)", fields: [
                "title": .string(Self.randomText(&rng, words: 0...6)),
                "text": .string(Self.randomText(&rng, words: 0...200)),
            ]))
        }
        try writer.apply(documents.map { .upsert($0) })
        let oracle = BruteForceSearch(documents: documents, settings: settings)
        func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-9 * max(1, abs(a), abs(b)) }
        for _ in 0..<150 {
            let query = Self.randomQuery(&rng)
            let k = [1, 3, 10, 50].randomElement(using: &rng)!
            let expected = oracle.rankedSearch(query, matching: .any).sorted { ($0.words, $0.score) > ($1.words, $1.score) }
            let hits = try searcher.search(query, scope: .publicOnly, options: SearchOptions(limit: k, explain: true)).hits
            let context = "seed \(seed) query '\(query)' k=\(k)"
            try #require(hits.count == min(k, expected.count), "hit count differs: \(context)")
            for (rank, hit) in hits.enumerated() {
                let explanation = try #require(hit.explanation)
                #expect(explanation.words == expected[rank].words, "words at rank \(rank): \(context)")
                #expect(close(explanation.bm25, expected[rank].score), "bm25 at rank \(rank): \(explanation.bm25) vs \(expected[rank].score): \(context)")
                let own = try #require(expected.first { $0.id == hit.id }, "hit \(hit.id) should not match: \(context)")
                #expect(own.words == explanation.words && close(own.score, explanation.bm25), "\(hit.id): \(context)")
            }
        }
    }

    static func compare(actual: [SearchHit], expected: [(id: String, score: Double)], k: Int, context: String) throws {
        func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-9 * max(1, abs(a), abs(b)) }
        try #require(actual.count == min(k, expected.count), "hit count differs: \(context)")
        let expectedScores = Dictionary(uniqueKeysWithValues: expected.map { ($0.id, $0.score) })
        for (rank, hit) in actual.enumerated() {
            #expect(close(hit.score, expected[rank].score), "score at rank \(rank): \(hit.score) vs \(expected[rank].score): \(context)")
            let own = try #require(expectedScores[hit.id], "hit \(hit.id) should not match: \(context)")
            #expect(close(own, hit.score), "\(hit.id) scored \(hit.score), oracle \(own): \(context)")
        }
        // Every document scoring clearly above the k-th must be in the hits.
        if let last = actual.last {
            let returned = Set(actual.map(\.id))
            for entry in expected where entry.score > last.score && !close(entry.score, last.score) {
                #expect(returned.contains(entry.id), "missing \(entry.id) (\(entry.score)): \(context)")
            }
        }
    }
}
