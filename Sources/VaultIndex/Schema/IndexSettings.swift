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
    /// Which typos a query word may carry (query time).
    public var typoTolerance: TypoTolerance
    /// Whether the last query word also matches as a prefix when the query ends in the middle of a
    /// word (no space or punctuation after it): search-as-you-type (query time).
    public var prefixSearch: Bool
    /// The ranking criteria in order (query time); see ``RankingRule``. `bm25` is appended when absent.
    public var rankingRules: [RankingRule]
    /// The ranking rules other than `bm25` apply to queries of at most this many words (query time).
    /// Bucket ranking suits search-box queries; for longer queries — questions, pasted sentences — the
    /// number of words matched is a weak signal and BM25F alone ranks better (README, "Ranking rules").
    public var rankingRulesMaxWords: Int
    /// Synonyms (query time): each key — a word or several — also matches each of its values.
    /// Multi-way synonyms list each word under the others; one-way ones only under the key.
    public var synonyms: [String: [String]]
    /// The non-text attributes: what may be filtered, faceted, sorted and made distinct, and their
    /// types. Changing them rebuilds the columns from the stored documents, without re-analyzing text.
    public var attributes: [AttributeSettings]
    /// Which documents are public and who owns the others; nil when every document is public (a
    /// BEIR corpus). The fields it names get columns whether or not they are listed in ``attributes``.
    public var visibility: VisibilitySettings?

    /// The longest query (in words) ranked by every rule when the settings say nothing.
    public static let defaultRankingRulesMaxWords = 1
    /// The ranking rules used when the settings name none.
    public static let defaultRankingRules: [RankingRule] = [.words, .typo, .prefix, .bm25, .proximity, .attribute, .exactness]

    /// The most searchable fields an index may have (postings keep a field bit mask).
    public static let maximumSearchableFields = 16

    /// Settings with the given fields.
    public init(
        searchableFields: [FieldSettings], k1: Double = 1.2, analysis: AnalyzerConfiguration, stopWords: [String] = [],
        typoTolerance: TypoTolerance = TypoTolerance(), prefixSearch: Bool = true,
        rankingRules: [RankingRule] = IndexSettings.defaultRankingRules, rankingRulesMaxWords: Int = IndexSettings.defaultRankingRulesMaxWords,
        synonyms: [String: [String]] = [:], attributes: [AttributeSettings] = [], visibility: VisibilitySettings? = nil
    ) {
        self.attributes = attributes
        self.visibility = visibility
        self.rankingRulesMaxWords = rankingRulesMaxWords
        self.searchableFields = searchableFields
        self.k1 = k1
        self.analysis = analysis
        self.stopWords = stopWords
        self.typoTolerance = typoTolerance
        self.prefixSearch = prefixSearch
        self.rankingRules = rankingRules
        self.synonyms = synonyms
    }

    private enum CodingKeys: String, CodingKey {
        case searchableFields, k1, analysis, stopWords, typoTolerance, prefixSearch, rankingRules, rankingRulesMaxWords, synonyms, attributes, visibility
    }

    /// Decodes settings. Only `searchableFields` is required; the rest take their defaults (k1 1.2,
    /// English stemming, no stop words, default typo tolerance, prefix search on, default rules, no synonyms).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        searchableFields = try container.decode([FieldSettings].self, forKey: .searchableFields)
        k1 = try container.decodeIfPresent(Double.self, forKey: .k1) ?? 1.2
        analysis = try container.decodeIfPresent(AnalyzerConfiguration.self, forKey: .analysis) ?? AnalyzerConfiguration(stemming: .english)
        stopWords = try container.decodeIfPresent([String].self, forKey: .stopWords) ?? []
        typoTolerance = try container.decodeIfPresent(TypoTolerance.self, forKey: .typoTolerance) ?? TypoTolerance()
        prefixSearch = try container.decodeIfPresent(Bool.self, forKey: .prefixSearch) ?? true
        rankingRules = try container.decodeIfPresent([RankingRule].self, forKey: .rankingRules) ?? Self.defaultRankingRules
        rankingRulesMaxWords = try container.decodeIfPresent(Int.self, forKey: .rankingRulesMaxWords) ?? Self.defaultRankingRulesMaxWords
        synonyms = try container.decodeIfPresent([String: [String]].self, forKey: .synonyms) ?? [:]
        attributes = try container.decodeIfPresent([AttributeSettings].self, forKey: .attributes) ?? []
        visibility = try container.decodeIfPresent(VisibilitySettings.self, forKey: .visibility)
    }

    /// The attribute covering the concrete field `field`, if any.
    public func attribute(for field: String) -> AttributeSettings? {
        attributes.first { $0.covers(field) }
    }

    /// The ranking rules for a query of `words` words, with `bm25` appended when absent.
    func effectiveRankingRules(words: Int) -> [RankingRule] {
        if words > rankingRulesMaxWords { return [.bm25] }
        return rankingRules.contains(.bm25) ? rankingRules : rankingRules + [.bm25]
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
        try typoTolerance.validate()
        if rankingRulesMaxWords < 0 { throw .invalidSettings("rankingRulesMaxWords must be >= 0") }
        if Set(rankingRules).count != rankingRules.count { throw .invalidSettings("rankingRules lists a rule twice") }
        for (key, values) in synonyms {
            if key.allSatisfy(\.isWhitespace) || values.contains(where: { $0.allSatisfy(\.isWhitespace) }) {
                throw .invalidSettings("synonyms: '\(key)' has an empty key or value")
            }
        }
        var attributeNames = Set<String>()
        for attribute in attributes {
            if attribute.name.isEmpty { throw .invalidSettings("an attribute has an empty name") }
            if !attributeNames.insert(attribute.name).inserted { throw .invalidSettings("attribute '\(attribute.name)' is listed twice") }
            if attribute.sortable && (attribute.type == .string || attribute.type == .strings) {
                throw .invalidSettings("attribute '\(attribute.name)': only number and bool attributes can be sortable")
            }
            if attribute.distinct && attribute.type == .strings {
                throw .invalidSettings("attribute '\(attribute.name)': a list attribute cannot be distinct")
            }
        }
        if let visibility {
            for field in visibility.fields where attribute(for: field).map({ $0.type != .string && $0.type != .bool }) ?? false {
                throw .invalidSettings("visibility field '\(field)' must be a string or bool attribute")
            }
        }
    }

    /// Whether two documents have the same searchable text (so replacing one by the other changes no
    /// postings).
    func hasSameSearchableText(_ a: Document, _ b: Document) -> Bool {
        searchableFields.allSatisfy { a.fields[$0.name] == b.fields[$0.name] }
    }

    /// Whether `other` differs from these settings in what the columns hold (attributes or visibility).
    func hasSameColumns(as other: IndexSettings) -> Bool {
        attributes == other.attributes && visibility == other.visibility
    }

    /// Whether `other` differs only in query-time ranking settings (same fields, same analysis).
    func hasSameAnalysis(as other: IndexSettings) -> Bool {
        analysis == other.analysis && searchableFields.map(\.name) == other.searchableFields.map(\.name)
    }
}
