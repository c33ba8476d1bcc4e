import Testing
import VaultAnalysis

/// Odd, empty and large input never crashes and stays consistent.
@Suite struct RobustnessTests {
    let analyzer = Analyzer(AnalyzerConfiguration(stemming: .english))

    @Test func emptyAndWhitespace() {
        #expect(analyzer.analyze("").isEmpty)
        #expect(analyzer.terms("").isEmpty)
        #expect(analyzer.terms(" \t\n\u{A0}\u{3000}\r\n ").isEmpty)
    }

    @Test func oddInput() {
        #expect(analyzer.terms("a\u{FFFD}b") == ["a", "b"])
        #expect(analyzer.terms("\u{301}\u{301}") == [])
        // A joiner glues its neighbours into one word (UAX #29 WB4) and NFKC_Casefold drops it.
        #expect(analyzer.terms("\u{0}\u{1}\u{7F}x\u{200D}y\u{FEFF}") == ["xy"])
        #expect(analyzer.terms("ﷺ").count == 1)
        #expect(analyzer.terms("..,,@@::__''") == [])
        #expect(analyzer.normalize(word: "\u{301}") == "")
    }

    @Test func hundredThousandCharacters() {
        let sentence = "Élève déjà C++ Node.js 12.5% 我爱北京天安门 สวัสดีครับ running 🚀 "
        let text = String(repeating: sentence, count: 100_000 / sentence.count + 1)
        #expect(text.count >= 100_000)
        let tokens = analyzer.analyze(text)
        #expect(tokens.map(\.position) == Array(0..<UInt32(tokens.count)))
        #expect(tokens.count == analyzer.analyze(sentence).count * (100_000 / sentence.count + 1))
        #expect(tokens.last?.byteRange.upperBound ?? 0 <= text.utf8.count)
    }

    @Test func hundredThousandCharacterWord() {
        let word = String(repeating: "a", count: 100_000)
        #expect(analyzer.terms(word) == [word])
        let accented = String(repeating: "é", count: 100_000)
        #expect(analyzer.terms(accented) == [String(repeating: "e", count: 100_000)])
    }

    @Test func hundredThousandEmoji() {
        #expect(analyzer.terms(String(repeating: "🚀", count: 100_000)).isEmpty)
    }

    @Test func analyzersOnManyTasksAgree() async {
        let text = OffsetTests.multilingual
        let expected = analyzer.terms(text)
        let results = await withTaskGroup(of: [String].self) { group in
            for _ in 0..<8 {
                group.addTask {
                    let analyzer = Analyzer(AnalyzerConfiguration(stemming: .english))
                    var last: [String] = []
                    for _ in 0..<50 { last = analyzer.terms(text) }
                    return last
                }
            }
            var results: [[String]] = []
            for await result in group { results.append(result) }
            return results
        }
        #expect(results.count == 8)
        #expect(results.allSatisfy { $0 == expected })
    }

    @Test func reusingAnAnalyzerGivesTheSameResult() {
        let text = OffsetTests.multilingual
        let first = analyzer.analyze(text)
        _ = analyzer.analyze("something else entirely")
        #expect(analyzer.analyze(text) == first)
    }
}
