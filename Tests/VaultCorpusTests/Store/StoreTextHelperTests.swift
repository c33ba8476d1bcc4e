import Testing
@testable import VaultCorpus

/// The small text helpers of the store generators, against hand-computed values.
@Suite struct StoreTextHelperTests {
    @Test func placeholders() {
        #expect(PromptVariables.names(in: "Hi {{name}}, about {{ topic }} and {{name}} again") == ["name", "topic"])
        #expect(PromptVariables.names(in: "{{not a var}} {single} {{}} {{ok_1}} {{unclosed") == ["ok_1"])
        #expect(PromptVariables.names(in: "{{{x}}}") == ["x"])
        #expect(PromptVariables.names(in: "") == [])
    }

    @Test func slugs() {
        #expect(Slug.make("Act as a C++ Reviewer!") == "act-as-a-c-reviewer")
        #expect(Slug.make("  Émile's 10 Tips — for Node.js  ") == "mile-s-10-tips-for-node-js")
        #expect(Slug.make("✨🎨") == "")
        #expect(Slug.make("abcdef", limit: 3) == "abc")
        #expect(Slug.make("ab cd", limit: 3) == "ab-c")
    }

    @Test func firstSentences() {
        #expect(StoreGenerator.firstSentence(of: "One. Two.") == "One.")
        #expect(StoreGenerator.firstSentence(of: "Why? Because.") == "Why?")
        #expect(StoreGenerator.firstSentence(of: "Heading\nBody.") == "Heading")
        let long = String(repeating: "é", count: 200)
        #expect(StoreGenerator.firstSentence(of: long).unicodeScalars.count == 160)
    }

    @Test func permutationsVisitEveryIndexOnce() {
        var random = SeededRandom(seed: storeSeed(31))
        for count in [1, 2, 3, 10, 97, 1_000, 1_024] {
            let permutation = Permutation(count: count, random: &random)
            #expect(Set((0..<count).map { permutation[$0] }) == Set(0..<count), "count \(count)")
        }
        for count in [1, 2, 40, 41, 1_000] {
            var users = DistinctUsers(count: count, excluding: 1, random: &random)
            let drawn = (0..<(count - 1)).map { _ in users.next() }
            #expect(Set(drawn) == Set(2...Int64(max(2, count))).intersection(1...Int64(count)), "count \(count)")
        }
    }
}
