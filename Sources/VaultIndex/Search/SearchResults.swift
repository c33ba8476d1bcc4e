/// One result of a search.
public struct SearchHit: Sendable, Equatable {
    /// The document's external id.
    public var id: String
    /// The internal document number (changes when the document is replaced).
    public var documentNumber: UInt32
    /// The ranking score: the ranking rules' values and BM25F folded into one number that orders
    /// hits exactly as they are returned (higher first).
    public var score: Double
    /// `score` scaled to 0...1 by the best score the query could reach (Meilisearch's `_rankingScore`).
    public var rankingScore: Double = 0
    /// Why the hit ranks where it does (when ``SearchOptions/explain`` is set).
    public var explanation: HitExplanation?
    /// Highlighted and cropped fields (when ``SearchOptions/formatting`` asks for them).
    public var formatted: [String: FormattedField] = [:]
    /// Byte positions of the matches per field (when ``HighlightRequest/showMatchesPosition`` is set).
    public var matchesPosition: [String: [MatchPosition]]?

    /// A hit.
    public init(id: String, documentNumber: UInt32, score: Double, rankingScore: Double = 0, explanation: HitExplanation? = nil) {
        self.id = id
        self.documentNumber = documentNumber
        self.score = score
        self.rankingScore = rankingScore
        self.explanation = explanation
    }
}

/// The results of a search, best first.
public struct SearchResults: Sendable, Equatable {
    /// The hits in the requested window.
    public var hits: [SearchHit]
    /// The analyzed terms that were searched (after folding and stemming), in query order.
    public var terms: [String]
    /// How much work the search did: machine-independent, for comparing query plans.
    public var work: SearchWork
    /// A corrected query built from the term dictionary, when this one matched nothing or very little.
    public var didYouMean: String?
    /// The query words dropped by the `last` or `frequency` matching strategy to find results.
    public var droppedWords: [String] = []
    /// How many documents match: exact whenever the search had to find every match anyway (facets,
    /// sort, distinct, placeholder or page mode), when the scan found fewer matches than it could
    /// keep, and whenever a scope or filter restricts the search (a document frequency would count
    /// documents the caller may not see); otherwise (every document visible) a lower bound from the
    /// query's most frequent word. See ``totalHitsAreExact``.
    public var estimatedTotalHits = 0
    /// Whether ``estimatedTotalHits`` is the exact count.
    public var totalHitsAreExact = false
    /// Page mode: the exact number of matching documents (no cap).
    public var totalHits: Int?
    /// Page mode: the number of pages of `hitsPerPage`.
    public var totalPages: Int?
    /// Value counts per requested facet, in the requested order, over every matching document.
    public var facetDistribution: [String: [FacetValueCount]] = [:]
    /// Minimum and maximum per requested numeric facet, over every matching document.
    public var facetStats: [String: FacetStats] = [:]

    /// Results.
    public init(hits: [SearchHit], terms: [String], work: SearchWork, didYouMean: String? = nil, droppedWords: [String] = []) {
        self.hits = hits
        self.terms = terms
        self.work = work
        self.didYouMean = didYouMean
        self.droppedWords = droppedWords
    }
}

/// Work counters of one search.
public struct SearchWork: Sendable, Equatable {
    /// Postings blocks read (doc numbers decoded).
    public var blocksDecoded = 0
    /// Postings whose frequencies were read and scored.
    public var postingsScored = 0
    /// Documents offered to the top-k heap.
    public var candidates = 0
    /// No work yet.
    public init() {}
}

/// One facet value and how many matching documents have it.
public struct FacetValueCount: Sendable, Equatable {
    /// The value as first indexed (values that differ only in case are one value).
    public var value: String
    /// Matching documents with the value.
    public var count: Int

    /// A count.
    public init(value: String, count: Int) {
        self.value = value
        self.count = count
    }
}

/// The range of a numeric facet over the matching documents.
public struct FacetStats: Sendable, Equatable {
    /// The smallest value.
    public var min: Double
    /// The largest value.
    public var max: Double

    /// Stats.
    public init(min: Double, max: Double) {
        self.min = min
        self.max = max
    }
}
