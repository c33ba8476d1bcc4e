import Foundation
import Testing
import VaultCorpus
@testable import VaultEval

/// `--typos SEED`. Properties checked:
/// 1. Same seed → same queries; another seed → other queries; a query's typos depend only on
///    (seed, id), not on which other queries are in the list or their order.
/// 2. Every typo'd word is exactly one Damerau edit from the original (checked with an independent
///    distance function), of the kind recorded, and every kind occurs.
/// 3. A candidate word gets a typo with probability ~0.5 (seeded, loose bound).
/// 4. A query with candidates always gets at least one typo.
/// 5. Words under 5 letters, words with digits, punctuation and spacing are never touched; with
///    `keepsFirstLetter` the first letter of a word is kept.
/// 6. Words made of the same letter and non-ASCII words still get a real (non no-op) edit.
@Suite struct TypoInjectorTests {
    static let sample = [
        EvalQuery(id: "1", text: "linux terminal emulator"),
        EvalQuery(id: "2", text: "act as a javascript console"),
        EvalQuery(id: "3", text: "write a professional cover letter for a software engineer"),
        EvalQuery(id: "4", text: "midjourney portrait prompt generator"),
        EvalQuery(id: "5", text: "english translator and improver"),
        EvalQuery(id: "6", text: "stand up comedian"),
    ]

    @Test func sameSeedSameQueries() {
        let first = QueryAlteration(typos: TypoInjector(seed: 13)).apply(to: Self.sample)
        let second = QueryAlteration(typos: TypoInjector(seed: 13)).apply(to: Self.sample)
        #expect(first == second)
        #expect(first.queries.map(\.id) == Self.sample.map(\.id))
    }

    @Test func otherSeedOtherQueries() {
        let a = QueryAlteration(typos: TypoInjector(seed: 13)).apply(to: Self.sample).queries
        // Six queries with 12 candidate words: two seeds agreeing everywhere is (far) below 1e-6.
        for seed: UInt64 in [14, 15, 1_000_003] {
            let b = QueryAlteration(typos: TypoInjector(seed: seed)).apply(to: Self.sample).queries
            #expect(a != b, "seed \(seed) gave the same typos as seed 13")
        }
    }

    @Test func typosDependOnSeedAndIDOnly() {
        let injector = TypoInjector(seed: 99)
        let whole = Dictionary(uniqueKeysWithValues: injector.alterAll(Self.sample).map { ($0.id, $0.text) })
        let subset = Array(Self.sample.reversed().prefix(3))
        for query in injector.alterAll(subset) {
            #expect(whole[query.id] == query.text, "query \(query.id) changed when alone in another order")
        }
        // Same text, other id: a different stream (not a property of the text).
        let texts = (0..<20).map { injector.alter(EvalQuery(id: "copy\($0)", text: Self.sample[2].text)).query.text }
        #expect(Set(texts).count > 1)
    }

    @Test func everyTypoIsExactlyOneDamerauEditOfItsKind() {
        let seed = robustnessSeed()
        print("TypoInjectorTests.everyTypoIsExactlyOneDamerauEditOfItsKind seed \(seed) (replay: VAULT_TEST_SEED=\(seed))")
        var random = SeededRandom(seed: seed)
        var kinds = Set<TypoEdit.Kind>()
        for n in 0..<2_000 {
            // Small alphabets make repeated letters (the no-op traps) common.
            let alphabet = random.chance(50) ? Array("ab") : Array("abcdefghijklmnopqrstuvwxyz")
            let word = String((0..<(5 + random.below(8))).map { _ in random.pick(alphabet) })
            let injector = TypoInjector(seed: seed, probability: 1, keepsFirstLetter: random.chance(50))
            let (query, edits) = injector.alter(EvalQuery(id: "q\(n)", text: word))
            #expect(edits.count == 1)
            guard let edit = edits.first else { continue }
            kinds.insert(edit.kind)
            #expect(edit.original == word && edit.altered == query.text)
            #expect(damerauDistance(word, query.text) == 1, "\(edit.kind): \(word) → \(query.text)")
            let lengthChange = query.text.count - word.count
            switch edit.kind {
            case .substitution, .transposition: #expect(lengthChange == 0)
            case .deletion: #expect(lengthChange == -1)
            case .insertion: #expect(lengthChange == 1)
            }
            if edit.kind == .transposition {
                let differing = zip(word, query.text).enumerated().filter { $0.element.0 != $0.element.1 }.map(\.offset)
                #expect(differing.count == 2 && differing[1] == differing[0] + 1, "\(word) → \(query.text)")
            }
            if injector.keepsFirstLetter { #expect(query.text.first == word.first, "\(word) → \(query.text)") }
        }
        #expect(kinds == Set(TypoEdit.Kind.allCases))
    }

    @Test func aboutHalfOfTheCandidateWordsGetATypo() {
        let seed = robustnessSeed()
        print("TypoInjectorTests.aboutHalfOfTheCandidateWordsGetATypo seed \(seed) (replay: VAULT_TEST_SEED=\(seed))")
        var random = SeededRandom(seed: seed)
        // 400 queries of 20 candidate words: 8,000 draws. The at-least-one rule adds ~0.5^20 per
        // query, nothing. Binomial sd = sqrt(8000 · 0.25) ≈ 45 words; the bound allows ±4.4 sd.
        let queries = (0..<400).map { n in
            EvalQuery(id: "q\(n)", text: (0..<20).map { _ in randomWord(length: 5 + random.below(6), using: &random) }.joined(separator: " "))
        }
        let altered = QueryAlteration(typos: TypoInjector(seed: seed)).apply(to: queries)
        #expect((3_800...4_200).contains(altered.changedWords), "\(altered.changedWords) of 8000 words changed")
    }

    @Test func aQueryWithACandidateAlwaysGetsATypo() {
        // One candidate per query: without the rule about half would stay clean.
        let queries = (0..<300).map { EvalQuery(id: "q\($0)", text: "act as a translator for me") }
        let altered = QueryAlteration(typos: TypoInjector(seed: 7)).apply(to: queries)
        #expect(altered.changedQueries == 300)
        #expect(altered.changedWords == 300)
        for query in altered.queries {
            #expect(query.text.hasPrefix("act as a ") && query.text.hasSuffix(" for me"), "\(query.text)")
        }
    }

    @Test(arguments: [
        "act as a tour host",
        "sql code for the top 10 rows",
        "gpt4o vs gpt5 vs llama3",
        "covid19 h2o2 mp3",
        "",
        "   ",
        "?!; -- ...",
    ])
    func shortWordsAndWordsWithDigitsAreNeverTouched(text: String) {
        for seed: UInt64 in 0..<50 {
            let (query, edits) = TypoInjector(seed: seed, probability: 1).alter(EvalQuery(id: "q", text: text))
            #expect(query.text == text)
            #expect(edits.isEmpty)
        }
    }

    @Test func onlyTheCandidateWordsChange() {
        let text = "Act as a JSON-to-YAML converter, v2: paste   your config here!"
        for seed: UInt64 in 0..<200 {
            let (query, edits) = TypoInjector(seed: seed, probability: 1).alter(EvalQuery(id: "q", text: text))
            // Candidates: converter, paste, config (≥ 5 letters, letters only); everything else stays.
            #expect(edits.map(\.original) == ["converter", "paste", "config"])
            var expected = text
            for edit in edits { expected = expected.replacingOccurrences(of: edit.original, with: edit.altered) }
            #expect(query.text == expected)
        }
    }

    @Test func wordsOfOneRepeatedLetterAndNonASCIIWordsGetRealEdits() {
        for seed: UInt64 in 0..<300 {
            for word in ["aaaaaa", "ÉCOLE", "привет", "résumé", "Ωμέγα"] {
                let (query, _) = TypoInjector(seed: seed, keepsFirstLetter: true).alter(EvalQuery(id: "q\(seed)", text: word))
                #expect(damerauDistance(word, query.text) == 1, "\(word) → \(query.text)")
                #expect(query.text.first == word.first)
                if word == "привет" { #expect(query.text.allSatisfy { "привет".contains($0) }) }
            }
        }
    }
}

extension TypoInjector {
    /// The altered queries alone.
    func alterAll(_ queries: [EvalQuery]) -> [EvalQuery] { queries.map { alter($0).query } }
}
