import VaultAnalysis

/// How one searchable field is weighted in BM25F.
public struct FieldSettings: Codable, Sendable, Equatable {
    /// The document field's name (`title`, `text`, `content`, ...).
    public var name: String
    /// The field's weight: a term occurrence here counts `weight` times one in a weight-1 field.
    public var weight: Double
    /// BM25's length normalization for this field, 0 (none) ... 1 (full).
    public var b: Double

    /// A searchable field.
    public init(name: String, weight: Double = 1, b: Double = 0.75) {
        self.name = name
        self.weight = weight
        self.b = b
    }
}

/// The settings of one index. Analysis settings are fixed when the index is created (changing them
/// needs a rebuild); ranking settings (weights, `b`, `k1`) apply at query time and may change freely.
public struct IndexSettings: Codable, Sendable, Equatable {
    /// The fields that are analyzed and searched, in order; at most ``maximumSearchableFields``.
    public var searchableFields: [FieldSettings]
    /// BM25's term-frequency saturation.
    public var k1: Double
    /// The analysis applied to every searchable field and to queries.
    public var analysis: AnalyzerConfiguration
    /// Words dropped from unquoted query words (never from documents, never inside quoted phrases,
    /// and not when every word of a query is one). A ranking setting: it can change without a rebuild.
    public var stopWords: [String]

    /// The most searchable fields an index may have (postings keep a field bit mask).
    public static let maximumSearchableFields = 16

    /// Settings with the given fields.
    public init(searchableFields: [FieldSettings], k1: Double = 1.2, analysis: AnalyzerConfiguration, stopWords: [String] = []) {
        self.searchableFields = searchableFields
        self.k1 = k1
        self.analysis = analysis
        self.stopWords = stopWords
    }

    private enum CodingKeys: String, CodingKey { case searchableFields, k1, analysis, stopWords }

    /// Decodes settings; `stopWords` may be absent (none).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        searchableFields = try container.decode([FieldSettings].self, forKey: .searchableFields)
        k1 = try container.decode(Double.self, forKey: .k1)
        analysis = try container.decode(AnalyzerConfiguration.self, forKey: .analysis)
        stopWords = try container.decodeIfPresent([String].self, forKey: .stopWords) ?? []
    }

    /// The defaults for BEIR-style corpora (`title`, `text`): English stemming and stop words,
    /// k1 1.5, b 0.75, titles weighted 2.5. One setting for every data set (no per-corpus tuning),
    /// chosen on a plateau of SciFact and Cranfield nDCG@10 (README, "Ranking quality").
    public static let beir = IndexSettings(
        searchableFields: [FieldSettings(name: "title", weight: 2.5, b: 0.75), FieldSettings(name: "text", weight: 1, b: 0.75)],
        k1: 1.5,
        analysis: AnalyzerConfiguration(stemming: .english),
        stopWords: StopWords.english)

    /// Checks the settings, naming the first problem.
    public func validate() throws(IndexError) {
        if searchableFields.isEmpty { throw .invalidSettings("at least one searchable field is needed") }
        if searchableFields.count > Self.maximumSearchableFields {
            throw .invalidSettings("at most \(Self.maximumSearchableFields) searchable fields are supported")
        }
        var seen = Set<String>()
        for field in searchableFields {
            if field.name.isEmpty { throw .invalidSettings("a searchable field has an empty name") }
            if !seen.insert(field.name).inserted { throw .invalidSettings("field '\(field.name)' is listed twice") }
            if !(field.weight > 0 && field.weight.isFinite) { throw .invalidSettings("field '\(field.name)': weight must be > 0") }
            if !(0...1).contains(field.b) { throw .invalidSettings("field '\(field.name)': b must be in 0...1") }
        }
        if !(k1 >= 0 && k1.isFinite) { throw .invalidSettings("k1 must be >= 0") }
    }

    /// Whether `other` differs only in query-time ranking settings (same fields, same analysis).
    func hasSameAnalysis(as other: IndexSettings) -> Bool {
        analysis == other.analysis && searchableFields.map(\.name) == other.searchableFields.map(\.name)
    }
}
