import Testing
import VaultAnalysis

/// Byte and scalar offsets point at the original text, for highlighting and snippets.
@Suite struct OffsetTests {
    let analyzer = Analyzer(AnalyzerConfiguration())

    static let multilingual = """
        Élève déjà à l’école — Herr Müller aus der Straße 12. 我爱北京天安门！東京タワーに行きました。\
        สวัสดีครับ ＡＢＣ ﬁle 한국어 I ❤️ C++, C# & Node.js (gpt-4o, 12.5%, 1,000) john.doe@example.com \
        https://docs.example.com/v2/api-keys?x=1 🚀 naïve café e\u{301}t\u{E9}
        """

    @Test func handWrittenOffsets() {
        let tokens = analyzer.analyze("Herr Müller, 北京 C++")
        #expect(tokens.map(\.term) == ["herr", "muller", "北京", "c++"])
        #expect(tokens.map(\.byteRange) == [0..<4, 5..<12, 14..<20, 21..<24])
        #expect(tokens.map(\.characterRange) == [0..<4, 5..<11, 13..<15, 16..<19])
    }

    @Test func elidedArticleIsOutsideTheRange() {
        let token = analyzer.analyze("à l’école")[1]
        #expect(token.term == "ecole")
        #expect(token.byteRange == 7..<13)
        #expect(token.characterRange == 4..<9)
    }

    @Test func byteRangesSliceTheOriginalIntoTheUnstemmedTerm() {
        let text = Self.multilingual
        let utf8 = Array(text.utf8)
        let tokens = analyzer.analyze(text)
        #expect(tokens.count > 40)
        for token in tokens {
            let slice = String(decoding: utf8[token.byteRange], as: UTF8.self)
            #expect(analyzer.normalize(word: slice) == token.term, "\(slice) at \(token.byteRange)")
        }
    }

    @Test func characterRangesSliceTheOriginalIntoTheUnstemmedTerm() {
        let text = Self.multilingual
        let scalars = Array(text.unicodeScalars)
        for token in analyzer.analyze(text) {
            var slice = String.UnicodeScalarView()
            slice.append(contentsOf: scalars[token.characterRange])
            #expect(analyzer.normalize(word: String(slice)) == token.term, "\(String(slice)) at \(token.characterRange)")
        }
    }

    @Test func rangesAreOrderedAndPositionsConsecutive() {
        let tokens = analyzer.analyze(Self.multilingual)
        #expect(tokens.map(\.position) == Array(0..<UInt32(tokens.count)))
        for (previous, next) in zip(tokens, tokens.dropFirst()) {
            #expect(previous.byteRange.upperBound <= next.byteRange.lowerBound)
            #expect(previous.characterRange.upperBound <= next.characterRange.lowerBound)
        }
    }

    @Test func stemmingDoesNotMoveOffsets() {
        let stemming = Analyzer(AnalyzerConfiguration(stemming: .english))
        let plain = analyzer.analyze(Self.multilingual)
        let stemmed = stemming.analyze(Self.multilingual)
        #expect(plain.map(\.byteRange) == stemmed.map(\.byteRange))
        #expect(plain.map(\.characterRange) == stemmed.map(\.characterRange))
        #expect(plain.map(\.kind) == stemmed.map(\.kind))
    }
}
