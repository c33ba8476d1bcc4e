import Testing
@testable import VaultAnalysis

/// The thin wrappers around the C shim and libstemmer, tested on their own.
@Suite struct WrapperTests {
    @Test func segmenterReportsByteOffsetsAndStatuses() {
        let segmenter = WordSegmenter()
        var text = "Hi, 北京 42!"
        let segments = text.withUTF8 { bytes in
            var segments: [WordSegment] = []
            segmenter.forEachSegment(in: bytes) { segments.append($0) }
            return segments
        }
        #expect(segments.map(\.start) == [0, 4, 11])
        #expect(segments.map(\.end) == [2, 10, 13])
        #expect(segments.map { TokenKind(ruleStatus: $0.ruleStatus) } == [.word, .ideographic, .number])
    }

    @Test func segmenterHandlesEmptyText() {
        let segmenter = WordSegmenter()
        var count = 0
        segmenter.forEachSegment(in: UnsafeBufferPointer(start: nil, count: 0)) { _ in count += 1 }
        #expect(count == 0)
    }

    @Test func folder() {
        let folder = TextFolder()
        #expect(folder.fold("Hello", foldDiacritics: true) == "hello")
        #expect(folder.fold("Straße", foldDiacritics: true) == "strasse")
        #expect(folder.fold("Ça déjà", foldDiacritics: true) == "ca deja")
        #expect(folder.fold("Ça déjà", foldDiacritics: false) == "ça déjà")
        #expect(folder.fold("don’t", foldDiacritics: true) == "don't")
        #expect(folder.fold("", foldDiacritics: true) == "")
        // The scratch buffers grow: a long non-ASCII input after short ones.
        #expect(folder.fold(String(repeating: "Ü", count: 5_000), foldDiacritics: true) == String(repeating: "u", count: 5_000))
        #expect(folder.fold("ﷺ", foldDiacritics: true).unicodeScalars.count == 18)
    }

    @Test func snowball() {
        let stemmer = SnowballStemmer(language: .english)
        #expect(stemmer.stem("running") == "run")
        #expect(stemmer.stem("") == "")
    }

    @Test func ruleStatusRanges() {
        #expect(TokenKind(ruleStatus: 100) == .number)
        #expect(TokenKind(ruleStatus: 200) == .word)
        #expect(TokenKind(ruleStatus: 300) == .ideographic)
        #expect(TokenKind(ruleStatus: 400) == .ideographic)
        #expect(TokenKind(ruleStatus: 500) == .other)
    }
}
