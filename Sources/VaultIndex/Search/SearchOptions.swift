/// How query words combine (Meilisearch's `matchingStrategy`, plus `any`).
public enum MatchingMode: String, Sendable, Codable, CaseIterable {
    /// A document matches when it has any query word; the `words` rule ranks documents that match
    /// more words first.
    case any
    /// A document matches only when it has every query word (in some form: exact, typo, prefix, synonym).
    case all
    /// Every word is required; when nothing matches, words are dropped from the end of the query
    /// until something does.
    case last
    /// Like `last`, but the most frequent word is dropped first.
    case frequency
}

/// One sort criterion: `field:asc` or `field:desc`.
public struct SortKey: Sendable, Equatable, Hashable {
    /// A sortable attribute.
    public var field: String
    /// Highest values first.
    public var descending: Bool

    /// A sort key.
    public init(field: String, descending: Bool) {
        self.field = field
        self.descending = descending
    }

    /// Parses Meilisearch's `field:asc` / `field:desc`.
    public static func parse(_ text: String) throws(IndexError) -> SortKey {
        guard let colon = text.lastIndex(of: ":") else {
            throw .invalidSearch(parameter: "sort", message: "`\(text)` is not a sort key: write `field:asc` or `field:desc`")
        }
        let field = String(text[..<colon]), direction = text[text.index(after: colon)...].lowercased()
        guard !field.isEmpty, direction == "asc" || direction == "desc" else {
            throw .invalidSearch(parameter: "sort", message: "`\(text)` is not a sort key: write `field:asc` or `field:desc`")
        }
        return SortKey(field: field, descending: direction == "desc")
    }
}

/// How facet values are ordered in a distribution.
public enum FacetValueOrder: String, Sendable, Codable, CaseIterable {
    /// Most documents first, then by value.
    case count
    /// By value (normalized, in Unicode scalar order).
    case alpha
}

/// Options of one search.
public struct SearchOptions: Sendable, Equatable {
    /// How many hits to return (offset mode).
    public var limit: Int = 10
    /// How many of the best hits to skip first (offset mode).
    public var offset: Int = 0
    /// Page mode (Meilisearch's `page` / `hitsPerPage`): the 1-based page to return. Page mode counts
    /// ``SearchResults/totalHits`` exactly.
    public var page: Int?
    /// Page mode: hits per page (default 20 when only `page` is given).
    public var hitsPerPage: Int?
    /// Whether documents need all words or any.
    public var matching: MatchingMode = .any
    /// Meilisearch's name for ``matching``.
    public var matchingStrategy: MatchingMode {
        get { matching }
        set { matching = newValue }
    }
    /// Whether each hit carries a ``HitExplanation``.
    public var explain = false
    /// A filter (``FilterParser`` makes one from Meilisearch's syntax); ANDed with the scope.
    public var filter: FilterExpression?
    /// Facetable attributes to count values of, over every matching document.
    public var facets: [String] = []
    /// The most values returned per facet.
    public var maxValuesPerFacet = 100
    /// Value order per facet; the key `*` applies to facets not named. Default: count.
    public var sortFacetValuesBy: [String: FacetValueOrder] = [:]
    /// Sort keys, most significant first; relevance breaks ties.
    public var sort: [SortKey] = []
    /// Sort fields computed when the search runs (besides the sortable columns); see ``ComputedSortFields``.
    public var computedSortFields = ComputedSortFields()
    /// A distinct attribute: at most one hit (the best ranked) per value; totals and facets count
    /// the distinct hits.
    public var distinct: String?

    /// What to highlight and crop in the hits.
    public var formatting = HighlightRequest()

    /// The largest `limit + offset` accepted.
    public static let maximumWindow = 10_000
    /// The most distinct terms a query may have after analysis.
    public static let maximumQueryTerms = 1_000
    /// The most facets one search may ask for.
    public static let maximumFacets = 100

    /// Options with defaults: the 10 best hits, any word matches.
    public init(limit: Int = 10, offset: Int = 0, matching: MatchingMode = .any, explain: Bool = false) {
        self.limit = limit
        self.offset = offset
        self.matching = matching
        self.explain = explain
    }

    /// Whether totals are counted exactly (page mode).
    public var isPageMode: Bool { page != nil || hitsPerPage != nil }

    /// The window of ranked hits returned: `(offset, limit)` in either mode.
    var window: (offset: Int, limit: Int) {
        guard isPageMode else { return (offset, limit) }
        let size = hitsPerPage ?? 20
        let page = self.page ?? 1
        return page < 1 ? (0, 0) : ((page - 1) * size, size)
    }

    /// The order of values of `facet`.
    func facetOrder(_ facet: String) -> FacetValueOrder { sortFacetValuesBy[facet] ?? sortFacetValuesBy["*"] ?? .count }

    func validate(settings: IndexSettings) throws(IndexError) {
        if limit < 0 || offset < 0 { throw .invalidSearch(parameter: "limit", message: "limit and offset must not be negative") }
        if limit > Self.maximumWindow || offset > Self.maximumWindow - limit {
            throw .invalidSearch(parameter: "limit", message: "limit + offset must be at most \(Self.maximumWindow)")
        }
        if let page, page < 0 { throw .invalidSearch(parameter: "page", message: "page must be at least 0") }
        if let hitsPerPage, hitsPerPage < 0 || hitsPerPage > Self.maximumWindow {
            throw .invalidSearch(parameter: "hitsPerPage", message: "hitsPerPage must be in 0...\(Self.maximumWindow)")
        }
        if isPageMode, let page, page > 1 {
            let size = hitsPerPage ?? 20
            let (skipped, overflow) = (page - 1).multipliedReportingOverflow(by: size)
            if overflow || skipped > Self.maximumWindow - size {
                throw .invalidSearch(parameter: "page", message: "(page - 1) × hitsPerPage + hitsPerPage must be at most \(Self.maximumWindow)")
            }
        }
        if maxValuesPerFacet < 0 || maxValuesPerFacet > Self.maximumWindow {
            throw .invalidSearch(parameter: "maxValuesPerFacet", message: "maxValuesPerFacet must be in 0...\(Self.maximumWindow)")
        }
        if facets.count > Self.maximumFacets { throw .invalidSearch(parameter: "facets", message: "at most \(Self.maximumFacets) facets") }
        for facet in facets where facet != "*" { try settings.require(facet, \.facetable, as: "facetable", parameter: "facets") }
        for key in sort where !computedSortFields.contains(key.field) {
            try settings.require(key.field, \.sortable, as: "sortable", parameter: "sort")
        }
        if formatting.cropLength < 0 || formatting.crop.values.contains(where: { ($0 ?? 0) < 0 }) {
            throw .invalidSearch(parameter: "cropLength", message: "crop lengths must not be negative")
        }
        if let distinct { try settings.require(distinct, \.distinct, as: "distinct", parameter: "distinct") }
    }

    /// The facets asked for, with `*` expanded to every facetable field some live document has (a
    /// field id outlives the last document with the field, e.g. a category level after a move).
    func expandedFacets(in snapshot: IndexSnapshot) throws(IndexError) -> [String] {
        guard facets.contains("*") else { return facets }
        var names: [String] = []
        for name in try snapshot.columnFieldNames() where snapshot.settings.columnAttribute(for: name)?.facetable == true {
            if try snapshot.facetEntry(field: name, kind: .exists) != nil { names.append(name) }
        }
        return names
    }
}

extension IndexSettings {
    /// Throws `invalidSearch(parameter:)` unless `field`'s attribute has the `use` flag, naming the
    /// attributes that have it: "attribute `title` is not facetable; facetable attributes: …".
    func require(_ field: String, _ use: KeyPath<AttributeSettings, Bool>, as adjective: String, parameter: String) throws(IndexError) {
        guard columnAttribute(for: field)?[keyPath: use] != true else { return }
        let allowed = attributes.filter { $0[keyPath: use] }.map(\.name).sorted().joined(separator: ", ")
        throw .invalidSearch(parameter: parameter, message: "attribute `\(field)` is not \(adjective); \(adjective) attributes: \(allowed)")
    }
}
