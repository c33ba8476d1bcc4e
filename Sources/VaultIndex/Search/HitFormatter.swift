import VaultAnalysis

/// Fills ``SearchHit/formatted`` and ``SearchHit/matchesPosition`` from the stored text of each
/// hit, with the terms the query matched through: exact words, typo variants, synonyms, splits and
/// joins highlight whole tokens; a completion of the still-typed last word highlights the typed
/// characters only. Hits are in the request's scope already, so only their own text is shown.
struct HitFormatter {
    let snapshot: IndexSnapshot
    let request: HighlightRequest
    let matches: [String: TermMatch]
    let highlighter: Highlighter

    init(plan: QueryPlan, snapshot: IndexSnapshot, request: HighlightRequest, analyzer: Analyzer) {
        self.snapshot = snapshot
        self.request = request
        highlighter = Highlighter(analyzer: analyzer)
        var matches: [String: TermMatch] = [:]
        for source in plan.sources {
            for term in source.terms where plan.terms[term].cursor != nil {
                let text = plan.terms[term].term
                if source.isPrefix {
                    if matches[text] == nil { matches[text] = .prefix(characters: plan.slots[source.slot].typedCharacters) }
                } else {
                    matches[text] = .whole
                }
            }
        }
        self.matches = matches
    }

    /// Formats the requested fields of `hit`.
    func format(_ hit: inout SearchHit) throws(IndexError) {
        guard let document = try snapshot.storedDocument(number: hit.documentNumber) else { return }
        let searchable = snapshot.settings.searchableFields.map(\.name)
        let highlighted = Set(request.highlight.contains("*") ? searchable : request.highlight)
        var fields = highlighted.union(request.crop.keys)
        if request.showMatchesPosition { fields.formUnion(searchable) }
        var formatted: [String: FormattedField] = [:]
        var positions: [String: [MatchPosition]] = [:]
        let match: (String) -> TermMatch? = { matches[$0] }
        for field in fields.sorted() {
            guard let value = document.fields[field] else { continue }
            var options = HighlightOptions(cropMarker: request.cropMarker)
            if highlighted.contains(field) {
                options.preTag = request.preTag
                options.postTag = request.postTag
            } else {
                options.preTag = ""
                options.postTag = ""
            }
            if let length = request.crop[field] { options.cropLength = length ?? request.cropLength }
            let result: FormattedField
            switch value {
            case .string(let text): result = .text(highlighter.format(text, match: match, options: options))
            case .strings(let texts): result = .list(highlighter.format(texts, match: match, options: options))
            case .number, .bool: continue
            }
            if highlighted.contains(field) || request.crop[field] != nil { formatted[field] = result }
            if request.showMatchesPosition, !result.matches.isEmpty { positions[field] = result.matches }
        }
        hit.formatted = formatted
        hit.matchesPosition = request.showMatchesPosition ? positions : nil
    }
}
