/// How an ``Analyzer`` turns text into terms; one per field in the index settings.
///
/// Decoding accepts missing keys and uses the defaults, so `{}` is the default configuration:
/// ```json
/// { "stemming": "english", "foldDiacritics": true }
/// ```
public struct AnalyzerConfiguration: Sendable, Codable, Equatable {
    /// The stemmer applied to word tokens (never to numbers, ideographs or words containing
    /// digits), or `nil` for no stemming.
    public var stemming: StemmingLanguage?
    /// Whether diacritics are removed after case folding, so `résumé` matches `resume`.
    public var foldDiacritics: Bool = true

    /// Creates a configuration.
    ///
    /// - Parameters:
    ///   - stemming: the stemmer for word tokens, or `nil` (the default) for none.
    ///   - foldDiacritics: whether to remove diacritics; `true` by default.
    public init(stemming: StemmingLanguage? = nil, foldDiacritics: Bool = true) {
        self.stemming = stemming
        self.foldDiacritics = foldDiacritics
    }

    private enum CodingKeys: String, CodingKey {
        case stemming, foldDiacritics
    }

    /// Decodes a configuration; a missing key takes its default value.
    ///
    /// - Throws: `DecodingError` when a present key has the wrong type or an unknown language.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        stemming = try container.decodeIfPresent(StemmingLanguage.self, forKey: .stemming)
        foldDiacritics = try container.decodeIfPresent(Bool.self, forKey: .foldDiacritics) ?? true
    }
}
