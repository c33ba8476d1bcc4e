import Testing
@testable import VaultCorpus

/// Generated queries look like search-box queries over the same corpus. Properties checked:
/// 1. 2–6 lowercase words, no tab or newline, unique ids `q0`, `q1`, ….
/// 2. Most query words occur in a corpus of the same vocabulary; some are rarer words.
/// 3. Some queries are key phrases of titles.
@Suite struct QueryGenerationTests {
    let queries = CorpusGenerator(seed: 4).queries(count: 1_000, seed: 8)

    @Test func shape() {
        #expect(queries.map(\.id) == (0..<1_000).map { "q\($0)" })
        for query in queries {
            let parts = query.text.split(separator: " ", omittingEmptySubsequences: false)
            #expect((2...6).contains(parts.count), "\(query.text)")
            #expect(query.text == query.text.lowercased())
            #expect(!query.text.contains("\t") && !query.text.contains("\n"))
            #expect(parts.allSatisfy { $0.contains(where: \.isLetter) }, "\(query.text)")
        }
        #expect(Set(queries.map(\.text)).count > 800)
    }

    @Test func wordsOccurInTheCorpus() {
        let corpus = wordFrequencies(CorpusGenerator(seed: 4).documents(count: 3_000))
        let queryWords = queries.flatMap { words(of: $0.text) }
        let found = queryWords.filter { corpus[$0] != nil }.count
        let rare = queryWords.filter { (corpus[$0] ?? 0) < 5 }.count
        print("query words found in the corpus: \(found) of \(queryWords.count); rare (< 5 occurrences): \(rare)")
        #expect(Double(found) > 0.9 * Double(queryWords.count))
        #expect(rare > 0)
    }

    @Test func someQueriesAreTitlePhrases() {
        let phrases = ["code reviewer", "cover letter", "golden hour", "lesson plan", "meal plan", "dungeon master"]
        let hits = queries.filter { query in phrases.contains { query.text.contains($0) } }.count
        #expect(hits >= 5)
    }
}
