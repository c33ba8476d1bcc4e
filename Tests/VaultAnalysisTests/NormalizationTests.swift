import Testing
import VaultAnalysis

/// Case folding, compatibility forms and diacritic removal.
@Suite struct NormalizationTests {
    let analyzer = Analyzer(AnalyzerConfiguration())
    let keepingDiacritics = Analyzer(AnalyzerConfiguration(foldDiacritics: false))

    @Test func frenchAccents() {
        #expect(analyzer.terms("Élève déjà à l'école") == ["eleve", "deja", "a", "ecole"])
        #expect(analyzer.terms("Résumé naïve façade") == ["resume", "naive", "facade"])
    }

    @Test func germanSharpSAndUmlauts() {
        #expect(analyzer.terms("Straße Müller") == ["strasse", "muller"])
        #expect(analyzer.terms("STRASSE MÜLLER") == ["strasse", "muller"])
    }

    @Test func fullWidthAndLigatures() {
        #expect(analyzer.terms("ＡＢＣ") == ["abc"])
        #expect(analyzer.terms("ﬁle ﬂow") == ["file", "flow"])
        #expect(analyzer.terms("ｶﾀｶﾅ") == ["カタカナ"])
    }

    @Test func otherScriptsCaseFold() {
        #expect(analyzer.terms("ΣΟΦΙΑ Москва") == ["σοφια", "москва"])
    }

    @Test func diacriticsKeptWhenNotFolding() {
        #expect(keepingDiacritics.terms("Élève déjà Straße") == ["élève", "déjà", "strasse"])
    }

    @Test func composedAndDecomposedInputMatch() {
        #expect(analyzer.terms("e\u{301}cole") == analyzer.terms("\u{E9}cole"))
        #expect(keepingDiacritics.terms("e\u{301}cole") == ["\u{E9}cole"])
    }

    @Test func marksThatAreLettersOfTheirScriptStay() {
        // Thai vowel signs, Devanagari signs and the kana voicing mark are not accents.
        #expect(analyzer.terms("สวัสดี") == ["สวัสดี"])
        #expect(analyzer.terms("हिन्दी") == ["हिन्दी"])
        #expect(analyzer.terms("が") == ["が"])
    }

    @Test func arabicVowelMarksAreFolded() {
        // Harakat are script-neutral combining marks, like Latin accents.
        #expect(analyzer.terms("مُحَمَّد") == ["محمد"])
        #expect(keepingDiacritics.terms("مُحَمَّد") == ["مُحَمَّد"])
    }

    @Test func normalizeWord() {
        #expect(analyzer.normalize(word: "Müller") == "muller")
        #expect(analyzer.normalize(word: "ＡＢＣ") == "abc")
        #expect(analyzer.normalize(word: "C++") == "c++")
        #expect(analyzer.normalize(word: "1,000") == "1000")
        #expect(analyzer.normalize(word: "l’École") == "ecole")
        #expect(analyzer.normalize(word: "") == "")
    }
}
