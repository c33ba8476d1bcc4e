import Testing
import VaultAnalysis
import VaultCorpus
@testable import VaultIndex

/// Highlighter invariants and edge cases:
/// 1. random texts from a small vocabulary (accents, case, CJK, emoji, technical words, varied
///    separators) with random matched terms, some as prefixes: without a crop, removing the tags
///    gives back the input exactly; every tagged span starts a token whose term matches and is
///    the whole token or the prefix that was asked for; every matching token is tagged; the
///    reported positions are the tagged spans; with a random crop, the output without markers and
///    tags is a slice of the input made of whole tokens, with a marker exactly at the cut ends;
/// 2. empty text, whitespace and emoji-only text come back unchanged with no matches, crop or not;
/// 3. a 100 KB text is formatted completely (every match tagged, round trip exact) with and without a crop;
/// 4. text containing the tag strings is not escaped: the tags are inserted as they are;
/// 5. token offsets that leave the text, overlap, or cut a UTF-8 sequence are dropped, not trapped on.
@Suite("highlighter properties")
struct HighlighterPropertyTests {
    let analyzer = Analyzer(AnalyzerConfiguration(stemming: .english))

    static let vocabulary = [
        "Running", "runs", "run", "Résumé", "resume", "RÉSUMÉS", "Chat-GPT", "Node.js", "北京", "天气很好",
        "🙂", "C++", "l'école", "1,000", "café", "Café", "ÉCOLE", "Straße", "gpt-4o", "v2.0", "Zoë", "e\u{301}te\u{301}",
    ]
    static let separators = [" ", " ", " ", ", ", ". ", " — ", "\n", "\t", "", " (", ") "]

    static func randomText(_ rng: inout SeededRandom) -> String {
        var text = rng.chance(20) ? rng.pick(separators) : ""
        for index in 0..<rng.below(25) {
            if index > 0 { text += rng.pick(separators) }
            text += rng.pick(vocabulary)
        }
        return text
    }

    /// The spans between `pre` and `post` in `formatted`, as byte ranges of the text without tags.
    static func taggedSpans(_ formatted: [UInt8], pre: [UInt8], post: [UInt8]) -> (untagged: [UInt8], spans: [Range<Int>]) {
        var untagged: [UInt8] = []
        var spans: [Range<Int>] = []
        var open: Int?
        var index = 0
        while index < formatted.count {
            if formatted[index...].starts(with: pre) {
                open = untagged.count
                index += pre.count
            } else if formatted[index...].starts(with: post), let start = open {
                spans.append(start..<untagged.count)
                open = nil
                index += post.count
            } else {
                untagged.append(formatted[index])
                index += 1
            }
        }
        return (untagged, spans)
    }

    @Test("1: random texts round-trip, and every tagged span is a matching token")
    func randomTexts() {
        let seed = propertySeed()
        print("HighlighterPropertyTests.randomTexts seed: \(seed) (replay with VAULT_TEST_SEED=\(seed))")
        var rng = SeededRandom(seed: seed)
        let highlighter = Highlighter(analyzer: analyzer)
        let allTerms = Array(Set(Self.vocabulary.flatMap { analyzer.terms($0) })).sorted()
        let pre = "<em>", post = "</em>", marker = "…"
        for trial in 0..<300 {
            let text = Self.randomText(&rng)
            var matched: [String: TermMatch] = [:]
            for term in allTerms where rng.chance(30) {
                matched[term] = rng.chance(70) ? .whole : .prefix(characters: rng.below(5))
            }
            let context = "seed \(seed) trial \(trial) text \(text.debugDescription) matched \(matched)"
            let bytes = Array(text.utf8)
            let tokens = analyzer.analyze(text)
            // The tokens that should be tagged, with the bytes each highlights.
            var expected: [Range<Int>] = []
            for token in tokens {
                switch matched[token.term] {
                case .whole: expected.append(token.byteRange)
                case .prefix(let characters) where characters > 0:
                    let word = String(decoding: bytes[token.byteRange], as: UTF8.self)
                    expected.append(token.byteRange.lowerBound..<(token.byteRange.lowerBound + word.prefix(characters).utf8.count))
                default: break
                }
            }

            let formatted = highlighter.format(text, match: { matched[$0] }, options: HighlightOptions())
            let (untagged, spans) = Self.taggedSpans(Array(formatted.text.utf8), pre: Array(pre.utf8), post: Array(post.utf8))
            #expect(untagged == bytes, "\(context): tags removed != input")
            #expect(spans == expected, "\(context): tagged spans")
            #expect(formatted.matches.map { $0.start..<($0.start + $0.length) } == expected, "\(context): positions")
            for span in spans {
                let token = tokens.first { $0.byteRange.lowerBound == span.lowerBound }
                #expect(token.map { matched[$0.term] != nil && span.upperBound <= $0.byteRange.upperBound } == true, "\(context): span \(span)")
            }

            // A random crop: a slice of the input of whole tokens, marked exactly where it was cut.
            let length = 1 + rng.below(8)
            let cropped = highlighter.format(text, match: { matched[$0] }, options: HighlightOptions(cropLength: length))
            var body = Array(cropped.text.utf8)
            let markerBytes = Array(marker.utf8)
            let startsCut = body.starts(with: markerBytes)
            if startsCut { body.removeFirst(markerBytes.count) }
            let endsCut = body.count >= markerBytes.count && Array(body.suffix(markerBytes.count)) == markerBytes
            if endsCut { body.removeLast(markerBytes.count) }
            let (slice, croppedSpans) = Self.taggedSpans(body, pre: Array(pre.utf8), post: Array(post.utf8))
            #expect(cropped.matches == formatted.matches, "\(context): crop changes positions")
            if tokens.count <= length {
                #expect(!startsCut && !endsCut && slice == bytes, "\(context): crop of a short text")
                continue
            }
            // The vocabulary repeats, so the slice may occur several times: one occurrence must fit.
            let starts = startsCut ? tokens.map(\.byteRange.lowerBound).filter { $0 > 0 } : [0]
            let fits = starts.contains { start in
                let end = start + slice.count
                guard end <= bytes.count, Array(bytes[start..<end]) == slice, endsCut == (end < bytes.count) else { return false }
                let kept = tokens.filter { $0.byteRange.lowerBound >= start && $0.byteRange.upperBound <= end }
                let spansHere = croppedSpans.map { ($0.lowerBound + start)..<($0.upperBound + start) }
                return kept.count == length && (!endsCut || kept.last?.byteRange.upperBound == end)
                    && spansHere == expected.filter { $0.lowerBound >= start && $0.upperBound <= end }
            }
            #expect(fits, "\(context): crop \(length) gave \(cropped.text.debugDescription)")
        }
    }

    @Test("2: texts without tokens come back unchanged")
    func noTokens() {
        let highlighter = Highlighter(analyzer: analyzer)
        for text in ["", "   ", "🙂🚀 👍🏽", "— … !!", "\n\t"] {
            for options in [HighlightOptions(), HighlightOptions(cropLength: 1), HighlightOptions(cropLength: 0)] {
                let formatted = highlighter.format(text, match: { _ in .whole }, options: options)
                #expect(formatted == FormattedText(text: text, matches: []), "\(text.debugDescription)")
            }
        }
    }

    @Test("3: a 100 KB text is formatted completely")
    func longText() {
        let highlighter = Highlighter(analyzer: analyzer)
        let sentence = "The Running résumé of Chat-GPT, 北京 and café owners. "
        let text = String(repeating: sentence, count: 100_000 / sentence.utf8.count + 1)
        #expect(text.utf8.count > 100_000)
        let repeats = text.utf8.count / sentence.utf8.count
        let terms: Set = [analyzer.normalize(word: "run"), "gpt", "北京"]
        let formatted = highlighter.format(text, match: { terms.contains($0) ? .whole : nil })
        #expect(formatted.matches.count == 3 * repeats)
        let (untagged, spans) = Self.taggedSpans(Array(formatted.text.utf8), pre: Array("<em>".utf8), post: Array("</em>".utf8))
        #expect(untagged == Array(text.utf8))
        #expect(spans.count == 3 * repeats)
        let cropped = highlighter.format(text, match: { terms.contains($0) ? .whole : nil }, options: HighlightOptions(cropLength: 10))
        #expect(cropped.text == "The <em>Running</em> résumé of Chat-<em>GPT</em>, <em>北京</em> and café owners…")
        #expect(cropped.matches.count == 3 * repeats)
    }

    @Test("4: tag strings inside the text are not escaped")
    func tagsInText() {
        let highlighter = Highlighter(analyzer: analyzer)
        let formatted = highlighter.format("use <em> tags", match: { $0 == "tag" ? .whole : nil })
        #expect(formatted.text == "use <em> <em>tags</em>")
        #expect(highlighter.format("<em>", match: { $0 == "em" ? .whole : nil }).text == "<<em>em</em>>")
        #expect(highlighter.format(["a </em> b"], match: { $0 == "b" ? .whole : nil }).map(\.text) == ["a </em> <em>b</em>"])
    }

    @Test("5: unusable token offsets are dropped")
    func invalidOffsets() {
        let bytes = Array("aé bc".utf8)  // a(0) é(1..<3) space(3) b(4) c(5)
        func token(_ range: Range<Int>) -> Token {
            Token(term: "t", position: 0, byteRange: range, characterRange: range, kind: .word)
        }
        let words = HighlightWords(
            tokens: [token(0..<3), token(2..<4), token(1..<2), token(4..<5), token(4..<6), token(5..<9), token(5..<5), token(5..<6)],
            bytes: bytes)
        // 2..<4 starts inside é, 1..<2 overlaps, 4..<6 overlaps 4..<5, 5..<9 leaves the text, 5..<5 is empty.
        #expect(words.ranges == [0..<3, 4..<5, 5..<6])
        #expect(HighlightWords(tokens: [token(-1..<2), token(0..<2)], bytes: bytes).ranges.isEmpty)
    }
}
