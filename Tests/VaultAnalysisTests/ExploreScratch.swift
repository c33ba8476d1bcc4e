import Testing
@testable import VaultAnalysis

@Test func explore() {
    let a = Analyzer(AnalyzerConfiguration())
    let s = Analyzer(AnalyzerConfiguration(stemming: .english))
    for text in ["C++ C# F# Node.js gpt-4o 12.5% 1,000 john.doe@example.com", "https://docs.example.com/v2/api-keys?x=1",
                 "I ❤️ prompts 🚀 don't l’école v2.0 snake_case 4o 10:30", "Élève déjà à l'école", "Straße Müller naïve résumé",
                 "我爱北京天安门", "東京タワーに行きました", "สวัสดีครับ", "ＡＢＣ ﬁle ｶﾀｶﾅ 한국어 가 が", "John's caresses ponies running 1,000,000.50 12,5 ١٢٣"] {
        print(a.analyze(text).map { "\($0.term)|\($0.kind)|\($0.byteRange)|\($0.characterRange)" })
        print(s.terms(text))
    }
    print(s.normalize(word: "Running"), s.normalize(word: "1,000"), s.normalize(word: "C++"), s.normalize(word: "l'école"))
}
