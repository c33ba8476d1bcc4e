/// A language whose Snowball stemmer the analyzer can apply to word tokens.
public enum StemmingLanguage: String, Sendable, Codable, CaseIterable {
    /// Snowball's `english` stemmer (Porter2): `running` → `run`, `relational` → `relat`.
    case english

    /// The algorithm name `sb_stemmer_new` expects.
    var snowballAlgorithm: String {
        switch self {
        case .english: "english"
        }
    }
}
