import Testing
import VaultCorpus
@testable import VaultIndex

/// The dictionary walk against brute force over a real index built with `IndexWriter`:
/// 1. `typoVariants` equals scoring every live word with the oracle distance, for max distances
///    0–3 and several limits, over random dictionaries with non-ASCII scalars, across adds,
///    replacements and deletes;
/// 2. `prefixCompletions` (walk and prefix table) equals the brute-force best-prefix distance,
///    with `isPrefix` set exactly for terms that do not match as a whole word at that distance;
/// 3. the walk reads far fewer keys than the dictionary holds (it is not a scan);
/// 4. edge cases: empty word, one scalar, a word longer than any term, a 255-byte term, bad arguments.
@Suite("dictionary walk equals brute force")
struct DictionaryWalkerTests {
    /// Skewed letters: early ones are frequent, so words share prefixes as real ones do.
    static let letters: [String] = ["e", "a", "r", "s", "t", "o", "n", "l", "é", "ж", "λ", "b", "k", "z"]

    static func randomWord(_ rng: inout SeededRandom) -> String {
        let length = 1 + rng.below(9)
        return String((0..<length).map { _ in
            let r = rng.unit()
            return letters[min(letters.count - 1, Int(r * r * Double(letters.count)))]
        }.joined())
    }

    /// A query: a live word after 0–2 random edits, or a fresh random word.
    static func randomQuery(_ rng: inout SeededRandom, words: [String]) -> String {
        guard !words.isEmpty, rng.chance(80) else { return randomWord(&rng) }
        var scalars = Array(rng.pick(words).unicodeScalars)
        for _ in 0..<rng.below(3) {
            let position = rng.below(scalars.count)
            switch rng.below(4) {
            case 0: scalars.insert(Unicode.Scalar(rng.pick(letters))!, at: rng.below(scalars.count + 1))
            case 1: if scalars.count > 1 { scalars.remove(at: position) }
            case 2: scalars[position] = Unicode.Scalar(rng.pick(letters))!
            default: if position + 1 < scalars.count { scalars.swapAt(position, position + 1) }
            }
        }
        return String(String.UnicodeScalarView(scalars))
    }

    @Test("typo variants and prefix completions equal brute force across adds, replacements and deletes")
    func walkEqualsBruteForce() throws {
        let seed = propertySeed()
        print("DictionaryWalkerTests seed: \(seed) (replay with VAULT_TEST_SEED=\(seed))")
        var rng = SeededRandom(seed: seed)
        let model = try DictionaryModel()
        var checked = 0, nonEmpty = 0
        for round in 0..<6 {
            var changes: [(id: String, words: [String]?)] = []
            for _ in 0..<(40 + rng.below(80)) {
                let id = "d\(rng.below(250))"
                changes.append((id, rng.chance(15) ? nil : (0..<(1 + rng.below(12))).map { _ in Self.randomWord(&rng) }))
            }
            try model.apply(changes)
            let dfs = model.documentFrequencies
            // The model's words are exactly the index's terms (the analyzer kept them as written).
            #expect(try model.storedTerms() == dfs, "seed \(seed) round \(round): the index's terms differ from the model")
            let words = dfs.keys.sorted()
            let snapshot = try model.index.snapshot()
            defer { snapshot.close() }
            for _ in 0..<80 {
                let query = Self.randomQuery(&rng, words: words)
                let maxDistance = rng.below(4)
                let limit = rng.pick([1, 3, 10, 1_000])
                let context = "seed \(seed) round \(round) '\(query)' max \(maxDistance) limit \(limit)"
                var work = DictionaryWalkWork()
                let variants = try snapshot.typoVariants(of: query, maxDistance: maxDistance, limit: limit, work: &work)
                #expect(variants == model.bruteForceTypoVariants(of: query, maxDistance: maxDistance, limit: limit), "\(context)")
                if maxDistance <= 1 { #expect(work.steps + work.seeks < words.count, "\(context): \(work) for \(words.count) terms") }
                let prefixDistance = rng.below(3)
                let completions = try snapshot.prefixCompletions(of: query, maxDistance: prefixDistance, limit: limit)
                #expect(
                    completions == model.bruteForceCompletions(of: query, maxDistance: prefixDistance, limit: limit),
                    "\(context): prefix mode, max \(prefixDistance)")
                if !variants.isEmpty { nonEmpty += 1 }
                checked += 1
            }
            // Short prefixes with no typos: the prefix table path.
            for prefix in Set(words.map { String($0.unicodeScalars.prefix(1 + rng.below(3))) }).sorted().prefix(60) {
                let limit = rng.pick([1, 5, 32, 100])
                var work = DictionaryWalkWork()
                let completions = try snapshot.prefixCompletions(of: prefix, maxDistance: 0, limit: limit, work: &work)
                #expect(completions == model.bruteForceCompletions(of: prefix, maxDistance: 0, limit: limit), "seed \(seed) prefix '\(prefix)' limit \(limit)")
                if limit <= PrefixTermList.guaranteedCount { #expect(work.usedPrefixTable, "prefix '\(prefix)' limit \(limit)") }
            }
        }
        #expect(nonEmpty > checked / 3, "most queries should have variants: \(nonEmpty) of \(checked)")
    }

    @Test("edge cases: empty, one scalar, too long, a 255-byte term, non-ASCII, bad arguments")
    func edgeCases() throws {
        let model = try DictionaryModel()
        let longest = String(repeating: "a", count: 255)
        try model.apply([
            ("1", ["a", "b", "é", "ж", longest]), ("2", ["ab", "ba", "a"]), ("3", ["日"]),
            ("4", [String(repeating: "é", count: 127)]),
        ])
        let snapshot = try model.index.snapshot()
        defer { snapshot.close() }
        #expect(try snapshot.typoVariants(of: "", maxDistance: 2, limit: 10).isEmpty)
        #expect(try snapshot.prefixCompletions(of: "", maxDistance: 0, limit: 10).isEmpty)
        #expect(try snapshot.typoVariants(of: "a", maxDistance: 0, limit: 10) == [TermVariant(term: "a", distance: 0, isPrefix: false, documentFrequency: 2)])
        for (word, maxDistance) in [("a", 2), ("é", 2), ("ab", 2), ("日", 2), ("ж", 1)] {
            #expect(try snapshot.typoVariants(of: word, maxDistance: maxDistance, limit: 100)
                == model.bruteForceTypoVariants(of: word, maxDistance: maxDistance, limit: 100), "'\(word)'")
        }
        // The longest indexable term, reached with one typo from 254 or 256 scalars.
        for length in [254, 255, 256] {
            let word = String(repeating: "a", count: length)
            #expect(try snapshot.typoVariants(of: word, maxDistance: 1, limit: 10).map(\.term) == [longest], "length \(length)")
        }
        #expect(try snapshot.typoVariants(of: String(repeating: "a", count: 300), maxDistance: 2, limit: 10).isEmpty)
        #expect(try snapshot.typoVariants(of: String(repeating: "é", count: 126), maxDistance: 1, limit: 10).count == 1)
        #expect(try snapshot.prefixCompletions(of: "aaaa", maxDistance: 0, limit: 10).map(\.term) == [longest])
        #expect(try snapshot.prefixCompletions(of: "a", maxDistance: 0, limit: 10) == [
            TermVariant(term: "a", distance: 0, isPrefix: false, documentFrequency: 2),
            TermVariant(term: "aa" + String(repeating: "a", count: 253), distance: 0, isPrefix: true, documentFrequency: 1),
            TermVariant(term: "ab", distance: 0, isPrefix: true, documentFrequency: 1),
        ])
        #expect(try snapshot.typoVariants(of: "zzz", maxDistance: 1, limit: 0).isEmpty)
        #expect(throws: IndexError.invalidQuery("maxDistance must be in 0...4, not 5")) {
            _ = try snapshot.typoVariants(of: "a", maxDistance: 5, limit: 1)
        }
        #expect(throws: IndexError.invalidQuery("maxDistance must be in 0...4, not -1")) {
            _ = try snapshot.prefixCompletions(of: "a", maxDistance: -1, limit: 1)
        }
        #expect(throws: IndexError.invalidQuery("limit must not be negative, not -1")) {
            _ = try snapshot.typoVariants(of: "a", maxDistance: 1, limit: -1)
        }
    }
}
