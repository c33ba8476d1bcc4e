import Foundation
import Testing
import VaultAnalysis
@testable import VaultIndex

/// Highlighting and cropping of stored text (`Highlighter`), on texts whose answer is known by reading them:
/// 1. an exact match is wrapped in the default tags; other words and separators are kept as written;
/// 2. a stemmed match (`run`) highlights the document's spelling (`Running`);
/// 3. the original accents and case are kept (`Résumé` for the folded term, `NODE`);
/// 4. a prefix match highlights only the typed characters, never splitting a combining accent;
///    a prefix count of 0 is no match, one past the word highlights the whole word;
/// 5. split words (`Chat-GPT` → `chat`, `gpt`) and touching matches each get their own tags;
/// 6. a Chinese word segmented by ICU is highlighted on its own;
/// 7. custom tags (and empty ones) are used as given;
/// 8. match positions are UTF-8 byte offsets into the original text (checked by slicing its bytes),
///    cover only the prefix of a prefix match, and include matches outside the crop window;
/// 9. a crop keeps `cropLength` words centred on the matches, with the marker only at cut ends,
///    the text between kept words as written, and the text's own start or end punctuation when reached;
/// 10. the crop picks the densest window: most distinct terms, then most matches, then the earliest;
/// 11. without a match the crop keeps the first words; a crop length at or past the word count,
///     0 or negative keeps the whole text with no marker;
/// 12. a list field is formatted value by value, positions relative to each value.
@Suite("highlighter")
struct HighlighterTests {
    let analyzer = Analyzer(AnalyzerConfiguration(stemming: .english))

    /// A highlighter over the index's analysis.
    var highlighter: Highlighter { Highlighter(analyzer: analyzer) }

    /// A `match` closure for query words, normalized the way the index normalizes them.
    func matching(_ words: [String], prefixes: [String: Int] = [:]) -> (String) -> TermMatch? {
        let whole = Set(words.map { analyzer.normalize(word: $0) })
        var prefix: [String: Int] = [:]
        for (word, count) in prefixes { prefix[analyzer.normalize(word: word)] = count }
        return { term in
            if whole.contains(term) { return .whole }
            return prefix[term].map { .prefix(characters: $0) }
        }
    }

    func format(_ text: String, _ words: [String], prefixes: [String: Int] = [:], options: HighlightOptions = HighlightOptions()) -> FormattedText {
        highlighter.format(text, match: matching(words, prefixes: prefixes), options: options)
    }

    /// The original text of each match, sliced from the UTF-8 bytes independently of the formatter.
    func slices(_ text: String, _ matches: [MatchPosition]) -> [String] {
        let bytes = Array(text.utf8)
        return matches.map { String(decoding: bytes[$0.start..<($0.start + $0.length)], as: UTF8.self) }
    }

    @Test("1-3: exact, stemmed, accents and case kept")
    func wholeMatches() {
        #expect(format("Write a cover letter.", ["letter"]).text == "Write a cover <em>letter</em>.")
        #expect(format("Running shoes for runners", ["run"]).text == "<em>Running</em> shoes for runners")
        // The folded (and stemmed) term of `resume` matches the accented, capitalized original.
        #expect(analyzer.normalize(word: "Résumé") == analyzer.normalize(word: "resume"))
        #expect(format("Mon Résumé, 2024", ["resume"]).text == "Mon <em>Résumé</em>, 2024")
        #expect(format("Install NODE quickly", ["node"]).text == "Install <em>NODE</em> quickly")
        #expect(format("Straße", ["strasse"]).text == "<em>Straße</em>")
    }

    @Test("4: prefix matches highlight the typed characters")
    func prefixMatches() {
        #expect(format("Highlighting text", [], prefixes: ["highlighting": 4]).text == "<em>High</em>lighting text")
        // NFD: `e` + U+0301; three characters are `R`, `é`, `s`, the accent stays on its letter.
        let decomposed = "Re\u{301}sume\u{301} here"
        #expect(format(decomposed, [], prefixes: ["resume": 3]).text == "<em>Re\u{301}s</em>ume\u{301} here")
        #expect(format("Résumé", [], prefixes: ["resume": 2]).text == "<em>Ré</em>sumé")
        #expect(format("Go now", [], prefixes: ["go": 9]).text == "<em>Go</em> now")
        let none = format("Go now", [], prefixes: ["go": 0])
        #expect(none.text == "Go now" && none.matches.isEmpty)
    }

    @Test("5-6: split words, touching matches and CJK")
    func splitAndCJK() {
        #expect(format("Ask Chat-GPT now", ["chat", "gpt"]).text == "Ask <em>Chat</em>-<em>GPT</em> now")
        #expect(format("Node.js", ["node", "js"]).text == "<em>Node</em>.<em>js</em>")
        let sentence = "我喜欢北京的天气"
        let terms = analyzer.analyze(sentence).map(\.term)
        #expect(terms.contains("北京"), "ICU segments 北京 as a word: \(terms)")
        let formatted = format(sentence, ["北京"])
        #expect(formatted.text == "我喜欢<em>北京</em>的天气")
        #expect(slices(sentence, formatted.matches) == ["北京"])
        #expect(formatted.matches == [MatchPosition(start: 9, length: 6)])
    }

    @Test("7: custom and empty tags")
    func customTags() {
        let options = HighlightOptions(preTag: "[[", postTag: "]]")
        #expect(format("a cover letter", ["cover", "letter"], options: options).text == "a [[cover]] [[letter]]")
        let none = HighlightOptions(preTag: "", postTag: "", cropLength: 2, cropMarker: "...")
        #expect(format("one two three four five", ["three"], options: none).text == "...two three...")
    }

    @Test("8: match positions are UTF-8 byte offsets into the original")
    func positions() {
        let text = "Résumé: the résumés of Zoë — RÉSUMÉ"
        let formatted = format(text, ["resume"])
        #expect(slices(text, formatted.matches) == ["Résumé", "résumés", "RÉSUMÉ"])
        #expect(formatted.matches.first == MatchPosition(start: 0, length: 8))
        let prefix = format("Zoë Résumé", [], prefixes: ["resume": 3])
        #expect(slices("Zoë Résumé", prefix.matches) == ["Rés"])
        #expect(prefix.matches == [MatchPosition(start: 5, length: 4)])
        // Matches outside the crop window are still reported.
        let cropped = format("alpha one two three four five alpha", ["alpha"], options: HighlightOptions(cropLength: 2))
        #expect(cropped.text == "<em>alpha</em> one…")
        #expect(cropped.matches.count == 2)
        #expect(MatchPosition(start: 3, length: 5) == (try? JSONRoundTrip.decode(MatchPosition(start: 3, length: 5))))
    }

    static let counting = "one two three four five six seven eight nine ten."

    @Test("9: crop windows and markers")
    func cropWindows() {
        func crop(_ word: String, _ length: Int) -> String {
            format(Self.counting, [word], options: HighlightOptions(cropLength: length)).text
        }
        #expect(crop("five", 3) == "…four <em>five</em> six…")
        #expect(crop("five", 4) == "…three four <em>five</em> six…")
        #expect(crop("five", 1) == "…<em>five</em>…")
        #expect(crop("one", 3) == "<em>one</em> two three…")
        #expect(crop("ten", 3) == "…eight nine <em>ten</em>.")
        #expect(crop("nine", 4) == "…seven eight <em>nine</em> ten.")
        // Separators inside the window are kept as written; the marker replaces the cut outside it.
        let spaced = "Intro:  first,\tsecond — third; fourth!"
        #expect(format(spaced, ["second"], options: HighlightOptions(cropLength: 3)).text == "…first,\t<em>second</em> — third…")
        #expect(format(spaced, ["second"], options: HighlightOptions(cropLength: 3, cropMarker: "")).text == "first,\t<em>second</em> — third")
    }

    @Test("10: the densest window is chosen")
    func densestWindow() {
        let text = "alpha lorem ipsum dolor sit amet elit sed beta gamma tempor alpha magna aliqua ut enim beta beta beta"
        let options = HighlightOptions(cropLength: 4)
        // Three distinct terms within four words beat three matches of one term.
        #expect(format(text, ["alpha", "beta", "gamma"], options: options).text == "…<em>beta</em> <em>gamma</em> tempor <em>alpha</em>…")
        // With one term, two matches beat one.
        let pairs = "beta lorem ipsum dolor sit amet beta beta elit sed tempor magna"
        #expect(format(pairs, ["beta"], options: HighlightOptions(cropLength: 3)).text == "…amet <em>beta</em> <em>beta</em>…")
        // On a tie, the earliest.
        let tie = "lorem ipsum beta dolor sit amet elit sed beta tempor magna"
        #expect(format(tie, ["beta"], options: HighlightOptions(cropLength: 3)).text == "…ipsum <em>beta</em> dolor…")
    }

    @Test("11: no match, long crop lengths, zero")
    func cropLimits() {
        #expect(format(Self.counting, ["zebra"], options: HighlightOptions(cropLength: 3)).text == "one two three…")
        for length in [10, 11, 500, 0, -3] {
            let formatted = format(Self.counting, ["five"], options: HighlightOptions(cropLength: length))
            #expect(formatted.text == "one two three four <em>five</em> six seven eight nine ten.", "cropLength \(length)")
        }
    }

    @Test("12: a list field is formatted value by value")
    func listField() {
        let values = ["Python", "code review", "", "🙂", "CODE"]
        let formatted = highlighter.format(values, match: matching(["code"]), options: HighlightOptions())
        #expect(formatted.map(\.text) == ["Python", "<em>code</em> review", "", "🙂", "<em>CODE</em>"])
        #expect(formatted.map(\.matches) == [[], [MatchPosition(start: 0, length: 4)], [], [], [MatchPosition(start: 0, length: 4)]])
    }
}

/// Encodes and decodes a value through JSON, as `_matchesPosition` is served.
enum JSONRoundTrip {
    static func decode<T: Codable>(_ value: T) throws -> T {
        try JSONDecoder().decode(T.self, from: try JSONEncoder().encode(value))
    }
}
