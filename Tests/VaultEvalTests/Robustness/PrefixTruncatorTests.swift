import Testing
@testable import VaultEval

/// `--prefix`. Properties checked:
/// 1. The kept length is round(60 % of n), at least 2, computed here by hand for n = 1...10.
/// 2. Hand-checked queries: the last word is cut and anything after it dropped; words are runs of
///    letters and digits; a last word of at most 2 characters, or no word, leaves the query as is.
/// 3. Typos then prefix is the prefix of the typo'd query, and the counts count each word once.
@Suite struct PrefixTruncatorTests {
    // 60 % of n: 0.6, 1.2, 1.8, 2.4, 3.0, 3.6, 4.2, 4.8, 5.4, 6.0 → rounded 1, 1, 2, 2, 3, 4, 4, 5, 5, 6,
    // raised to 2 where smaller, and words of 1 or 2 characters stay whole.
    @Test(arguments: zip(1...10, [1, 2, 2, 2, 3, 4, 4, 5, 5, 6]))
    func keptLength(n: Int, kept: Int) {
        #expect(PrefixTruncator().keptLength(of: n) == kept)
    }

    @Test(arguments: [
        ("linux terminal", "linux termi"),
        ("stand up comedian", "stand up comed"),
        ("act as a travel guide", "act as a travel gui"),
        ("what is a prompt?", "what is a prom"),
        ("aeroelastic models of heated high speed aircraft .", "aeroelastic models of heated high speed aircr"),
        ("chat-gpt", "chat-gp"),
        ("gpt4o", "gpt"),
        ("résumé writer", "résumé writ"),
        ("sql", "sq"),
        ("gpt 4", "gpt 4"),
        ("act as an", "act as an"),
        ("x", "x"),
        ("", ""),
        ("?!", "?!"),
    ])
    func cutsTheLastWord(text: String, expected: String) {
        let (query, cut) = PrefixTruncator().alter(EvalQuery(id: "q", text: text))
        #expect(query.text == expected)
        #expect(query.id == "q")
        #expect((cut == nil) == (text == expected))
    }

    @Test func typosThenPrefix() {
        let queries = [
            EvalQuery(id: "a", text: "professional resume writer"),
            EvalQuery(id: "b", text: "english translator"),
            EvalQuery(id: "c", text: "act as a dj"),
        ]
        let typos = TypoInjector(seed: 5, probability: 1)
        let both = QueryAlteration(typos: typos, prefix: PrefixTruncator()).apply(to: queries)
        let expected = queries.map { PrefixTruncator().alter(typos.alter($0).query).query }
        #expect(both.queries == expected)
        // "c" has no candidate and its last word "dj" is too short: unchanged.
        #expect(both.queries[2] == queries[2])
        #expect(both.changedQueries == 2)
        // a: 3 typo'd words (the last one then cut as well: counted once); b: 2 words.
        #expect(both.changedWords == 5)
        #expect(both.editCounts.values.reduce(0, +) == 5)
    }

    @Test func prefixAloneCountsOneWordPerChangedQuery() {
        let queries = [EvalQuery(id: "a", text: "linux terminal"), EvalQuery(id: "b", text: "gpt 4"), EvalQuery(id: "c", text: "sql")]
        let altered = QueryAlteration(prefix: PrefixTruncator()).apply(to: queries)
        #expect(altered.queries.map(\.text) == ["linux termi", "gpt 4", "sq"])
        #expect(altered.changedQueries == 2 && altered.changedWords == 2)
        #expect(altered.editCounts.isEmpty)
    }
}
