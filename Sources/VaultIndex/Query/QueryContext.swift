import VaultAnalysis

/// What query planning needs besides the snapshot, derived once per settings: the analyzers, the
/// analyzed stop words and synonyms. Owned by a ``Searcher`` (not `Sendable`: analyzers hold ICU state).
final class QueryContext {
    /// The settings this context was derived from.
    let settings: IndexSettings
    /// Analyzes query text exactly like documents (stemming included).
    let analyzer: Analyzer
    /// Folds without stemming: for the still-typed last word, and for joins and splits.
    let surfaceAnalyzer: Analyzer
    let stopWords: Set<String>
    /// Synonyms keyed by the analyzed terms of the key; values are analyzed term sequences.
    let synonyms: [[String]: [[String]]]
    /// The longest synonym key, in terms.
    let longestSynonymKey: Int

    init(settings: IndexSettings, analyzer: Analyzer? = nil) {
        self.settings = settings
        let analyzer = analyzer ?? Analyzer(settings.analysis)
        self.analyzer = analyzer
        self.surfaceAnalyzer = Analyzer(AnalyzerConfiguration(stemming: nil, foldDiacritics: settings.analysis.foldDiacritics))
        self.stopWords = Set(settings.stopWords.map { analyzer.normalize(word: $0) })
        var synonyms: [[String]: [[String]]] = [:]
        for (key, values) in settings.synonyms {
            let keyTerms = analyzer.terms(key)
            guard !keyTerms.isEmpty else { continue }
            for value in values {
                let valueTerms = analyzer.terms(value)
                if !valueTerms.isEmpty && valueTerms != keyTerms && !(synonyms[keyTerms]?.contains(valueTerms) ?? false) {
                    synonyms[keyTerms, default: []].append(valueTerms)
                }
            }
        }
        self.synonyms = synonyms
        self.longestSynonymKey = synonyms.keys.map(\.count).max() ?? 0
    }
}
