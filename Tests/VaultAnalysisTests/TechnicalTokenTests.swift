import Testing
import VaultAnalysis

/// Technical vocabulary stays searchable: languages, frameworks, model names, numbers, addresses.
@Suite struct TechnicalTokenTests {
    let analyzer = Analyzer(AnalyzerConfiguration())

    @Test func languagesWithSymbolSuffixes() {
        #expect(analyzer.terms("C++, C# and F# beat Notepad++") == ["c++", "c#", "and", "f#", "beat", "notepad++"])
    }

    @Test func symbolSuffixOnlyWhenNotFollowedByAWord() {
        #expect(analyzer.terms("C++17") == ["c", "17"])
        #expect(analyzer.terms("item#3") == ["item", "3"])
        #expect(analyzer.terms("a + b") == ["a", "b"])
    }

    @Test func dottedNamesSplit() {
        let tokens = analyzer.analyze("Try Node.js today")
        #expect(tokens.map(\.term) == ["try", "node", "js", "today"])
        #expect(tokens.map(\.position) == [0, 1, 2, 3])
    }

    @Test func modelNames() {
        #expect(analyzer.terms("gpt-4o") == ["gpt", "4o"])
        #expect(analyzer.terms("GPT-3.5-turbo and claude-3") == ["gpt", "3.5", "turbo", "and", "claude", "3"])
    }

    @Test func numbersKeepTheirDecimalPoint() {
        let tokens = analyzer.analyze("12.5% of 3.14.15")
        #expect(tokens.map(\.term) == ["12.5", "of", "3.14.15"])
        #expect(tokens[0].kind == .number)
        #expect(tokens[0].byteRange == 0..<4)
    }

    @Test func thousandsSeparatorsAreDropped() {
        #expect(analyzer.terms("1,000 and 1,000,000.50") == ["1000", "and", "1000000.50"])
        #expect(analyzer.analyze("1,000")[0].byteRange == 0..<5)
    }

    @Test func otherCommasInNumbersSplit() {
        #expect(analyzer.terms("12,5 and 1,00") == ["12", "5", "and", "1", "00"])
    }

    @Test func versionsStayWhole() {
        #expect(analyzer.terms("v2.0 and python3.11") == ["v2.0", "and", "python3.11"])
    }

    @Test func emailAddress() {
        #expect(analyzer.terms("Mail john.doe@example.com now") == ["mail", "john", "doe", "example", "com", "now"])
    }

    @Test func url() {
        #expect(
            analyzer.terms("https://docs.example.com/v2/api-keys?x=1")
                == ["https", "docs", "example", "com", "v2", "api", "keys", "x", "1"])
        #expect(analyzer.terms("https://example.com/a-b") == ["https", "example", "com", "a", "b"])
    }

    @Test func identifiers() {
        #expect(analyzer.terms("snake_case and __init__ and a:b") == ["snake", "case", "and", "init", "and", "a", "b"])
    }

    @Test func apostrophes() {
        #expect(analyzer.terms("don't") == ["don't"])
        #expect(analyzer.terms("Don’t stop") == ["don't", "stop"])
        #expect(analyzer.terms("O'Brien's") == ["o'brien's"])
    }

    @Test func frenchAndItalianElision() {
        #expect(analyzer.terms("l'école qu’il dell'anno d'Artagnan") == ["ecole", "il", "anno", "artagnan"])
    }

    @Test func fullWidthSeparatorsSplitToo() {
        #expect(analyzer.terms("Ｎｏｄｅ．ｊｓ") == ["node", "js"])
    }
}
