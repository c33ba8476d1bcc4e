import Testing
import VaultAnalysis

/// Word segmentation: what becomes a token, in which order, and which kind.
@Suite struct SegmentationTests {
    let analyzer = Analyzer(AnalyzerConfiguration())

    @Test func englishSentenceWithPunctuation() {
        #expect(
            analyzer.terms("The quick, brown fox — it jumps over 2 lazy dogs! (Really?)")
                == ["the", "quick", "brown", "fox", "it", "jumps", "over", "2", "lazy", "dogs", "really"])
    }

    @Test func positionsAreConsecutiveFromZero() {
        let tokens = analyzer.analyze("Hello, world: 北京 and Node.js -- again!")
        #expect(tokens.map(\.position) == Array(0..<UInt32(tokens.count)))
        #expect(tokens.map(\.term) == ["hello", "world", "北京", "and", "node", "js", "again"])
    }

    @Test func termsMatchAnalyze() {
        let text = "Élève déjà à l'école; C++ & gpt-4o cost $12.5 (1,000 runs) — 我爱北京天安门 สวัสดีครับ"
        #expect(analyzer.terms(text) == analyzer.analyze(text).map(\.term))
    }

    @Test func chineseIsSegmentedByDictionary() {
        let text = "我爱北京天安门"
        let tokens = analyzer.analyze(text)
        #expect(tokens.count > 1)
        #expect(tokens.map(\.term).joined() == text)
        #expect(tokens.contains { $0.term == "北京" })
        #expect(tokens.allSatisfy { $0.kind == .ideographic })
    }

    @Test func japaneseMixedKanaAndKanji() {
        let text = "東京タワーに行きました"
        let terms = analyzer.terms(text)
        #expect(terms.count > 1)
        #expect(terms.joined() == text)
        #expect(terms.first == "東京タワー")
        #expect(terms.contains("行き"))
    }

    @Test func thaiIsSegmentedByDictionary() {
        let terms = analyzer.terms("สวัสดีครับ")
        #expect(terms == ["สวัสดี", "ครับ"])
    }

    @Test func koreanWordsAreWords() {
        let tokens = analyzer.analyze("한국어 검색")
        #expect(tokens.map(\.term) == ["한국어", "검색"])
        #expect(tokens.allSatisfy { $0.kind == .word })
    }

    @Test func emojiAndPunctuationProduceNoToken() {
        #expect(analyzer.terms("I ❤️ prompts 🚀") == ["i", "prompts"])
        #expect(analyzer.terms("👩‍💻🔥 !!! ... --- *** 🇫🇷") == [])
    }

    @Test func kinds() {
        let tokens = analyzer.analyze("prompt 42 北京 カタカナ")
        #expect(tokens.map(\.kind) == [.word, .number, .ideographic, .ideographic])
    }
}
