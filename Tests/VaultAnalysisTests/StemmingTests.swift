import Testing
@testable import VaultAnalysis

/// English stemming (Snowball's Porter2) and where it does not apply.
@Suite struct StemmingTests {
    let stemming = Analyzer(AnalyzerConfiguration(stemming: .english))
    let plain = Analyzer(AnalyzerConfiguration())

    /// Reference pairs from the Porter2 description and its sample vocabulary.
    @Test(arguments: [
        ("running", "run"), ("generously", "generous"), ("consigned", "consign"), ("knightly", "knight"),
        ("caresses", "caress"), ("ponies", "poni"), ("relational", "relat"), ("prompts", "prompt"),
        ("cats", "cat"), ("happiness", "happi"),
    ])
    func porter2Reference(word: String, stem: String) {
        #expect(stemming.normalize(word: word) == stem)
        #expect(stemming.terms(word) == [stem])
    }

    @Test func documentationExample() {
        #expect(stemming.terms("Running Node.js on C++") == ["run", "node", "js", "on", "c++"])
    }

    @Test func possessiveIsStrippedByTheStemmerOnly() {
        #expect(stemming.terms("John's prompts") == ["john", "prompt"])
        #expect(plain.terms("John's prompts") == ["john's", "prompts"])
    }

    @Test func numbersAndWordsWithDigitsAreNotStemmed() {
        #expect(stemming.terms("12.5 1,000 gpt-4o mp3s") == ["12.5", "1000", "gpt", "4o", "mp3s"])
    }

    @Test func technicalNamesAreNotStemmed() {
        #expect(stemming.terms("C# C++") == ["c#", "c++"])
    }

    @Test func ideographsAreNotStemmed() {
        #expect(stemming.terms("我爱北京天安门") == plain.terms("我爱北京天安门"))
    }

    @Test func stemmingOffLeavesWordsIntact() {
        #expect(plain.terms("Running generously relational ponies") == ["running", "generously", "relational", "ponies"])
    }

    @Test func foldingHappensBeforeStemming() {
        #expect(stemming.terms("RUNNING Résumés") == ["run", "resum"])
    }

    @Test func cachedStemsEqualUncachedStems() {
        // Far more distinct words than cache slots, each stemmed twice, so slots are evicted and reused.
        let cached = CachedStemmer(language: .english)
        let snowball = SnowballStemmer(language: .english)
        let suffixes = ["", "s", "ing", "ed", "ly", "ness", "ational", "ies", "'s"]
        var words: [String] = []
        for first in ["con", "re", "pro", "in", "de", "ex"] {
            for middle in ["sign", "lat", "mot", "form", "cept", "duc", "fin", "mit", "pos", "tract", "vert"] {
                for infix in ["", "al", "iz", "at", "ic"] {
                    for suffix in suffixes { words.append(first + middle + infix + suffix) }
                }
            }
        }
        #expect(words.count > 2 * CachedStemmer.slotCount)
        for round in 0..<3 {
            for word in words.shuffled() {
                var bytes = word
                let stem = bytes.withUTF8 { cached.stem($0) }
                #expect(stem == snowball.stem(word), "round \(round): \(word)")
            }
        }
    }
}
