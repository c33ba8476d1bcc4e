import Foundation

/// Facet search: the values of one facet that match a typed query — as a prefix of the value or of
/// one of its words, with the typo tolerance of query words (the same automaton) — counted over the
/// documents that match the search's own `q` and filter in the request's scope. Values with no such
/// document are left out, so a value carried only by someone's private prompt never shows.
extension Searcher {
    /// The values of `facet` matching `facetQuery`, most documents first (then by value), at most `limit`.
    public func facetSearch(
        facet: String, facetQuery: String, query: String = "", scope: SearchScope, options: SearchOptions = SearchOptions(),
        limit: Int = 100, in snapshot: IndexSnapshot
    ) throws(IndexError) -> [FacetValueCount] {
        try options.validate(settings: snapshot.settings)
        try snapshot.settings.require(facet, \.facetable, as: "facetable", parameter: "facetName")
        guard snapshot.settings.columnAttribute(for: facet)?.hasFacetPostings == true else {
            throw .invalidSearch(parameter: "facetName", message: "attribute `\(facet)` is a number: its values cannot be searched")
        }
        guard limit >= 0, limit <= SearchOptions.maximumWindow else {
            throw .invalidSearch(parameter: "limit", message: "limit must be in 0...\(SearchOptions.maximumWindow)")
        }
        let allowed = try snapshot.allowedDocuments(scope: scope, filter: options.filter)
        let candidates = try matchingDocuments(query, options: options, allowed: allowed, in: snapshot)
        let matcher = FacetValueMatcher(query: facetQuery, tolerance: snapshot.settings.typoTolerance)
        var found: [(normalized: String, value: FacetValueCount)] = []
        try snapshot.forEachFacetValue(field: facet) { normalized, entry in
            guard matcher.matches(normalized) else { return true }
            let count = try snapshot.intersectionCount(ofSet: entry.set, with: candidates)
            if count > 0 { found.append((normalized, FacetValueCount(value: entry.spelling, count: count))) }
            return true
        }
        found.sort { a, b in
            a.value.count != b.value.count ? a.value.count > b.value.count : a.normalized.unicodeScalars.lexicographicallyPrecedes(b.normalized.unicodeScalars)
        }
        return found.prefix(limit).map(\.value)
    }
}

/// Whether a normalized facet value matches a typed facet query: the query (lowercased) is within
/// the allowed edits of a prefix of the value, or of a prefix of one of its words (split at
/// anything that is not a letter or digit). An empty query matches every value.
struct FacetValueMatcher {
    private let query: String
    private let automaton: TypoAutomaton?

    init(query: String, tolerance: TypoTolerance) {
        self.query = FilterValue.normalize(query.trimmingCharacters(in: .whitespaces))
        guard !self.query.isEmpty else { automaton = nil; return }
        let characters = self.query.unicodeScalars.count
        let digit = self.query.unicodeScalars.contains { $0.properties.numericType != nil }
        let edits = tolerance.enabled ? min(tolerance.allowedEdits(characters: characters, containsDigit: digit), TypoAutomaton.maximumDistance) : 0
        automaton = TypoAutomaton(word: self.query, maxDistance: edits, matchesPrefixes: true)
    }

    func matches(_ value: String) -> Bool {
        guard let automaton else { return true }
        if value.hasPrefix(query) { return true }
        let words = value.split { !($0.isLetter || $0.isNumber) }
        for candidate in [Substring(value)] + words {
            var state = automaton.start()
            for scalar in candidate.unicodeScalars {
                state = automaton.step(state, scalar.value)
                if automaton.isAcceptedAsPrefix(state) { return true }
                if automaton.isDead(state) { break }
            }
        }
        return false
    }
}
