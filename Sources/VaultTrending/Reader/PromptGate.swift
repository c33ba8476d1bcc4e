import VaultIndex

/// Which prompts a list may hold: the index's public scope intersected with a ``PromptSelection``
/// (compiled by VaultIndex's filter engine over the same snapshot). Without a selection every
/// listed prompt passes and nothing is computed.
struct PromptGate {
    /// The allowed doc numbers; nil when the selection is everything.
    let allowed: DocSet?
    let snapshot: IndexSnapshot

    init(snapshot: IndexSnapshot, selection: PromptSelection) throws(TrendingError) {
        self.snapshot = snapshot
        guard !selection.isEverything else {
            allowed = nil
            return
        }
        var parts: [FilterExpression] = []
        if let category = selection.category { parts.append(try Self.categoryFilter(category, snapshot)) }
        if let tag = selection.tag { parts.append(Self.equals("tags", tag)) }
        if let model = selection.model { parts.append(Self.equals("model", model)) }
        if let filter = selection.filter { parts.append(filter) }
        let expression: FilterExpression = parts.count == 1 ? parts[0] : .and(parts)
        let set = try TrendingError.wrap { try snapshot.visibleDocuments(scope: .publicOnly, filter: expression) }
        allowed = set ?? DocSet(capacity: 0)
    }

    /// Whether prompt `id` may be listed (it is already known to be listed in trending's state).
    func allows(_ id: Int64) throws(TrendingError) -> Bool {
        guard let allowed else { return true }
        guard let number = try TrendingError.wrap({ try snapshot.documentNumber(of: String(id)) }) else { return false }
        return allowed.contains(number)
    }

    /// The allowed prompt ids when the set has at most `limit` members (score them one by one), else nil.
    func smallSet(limit: Int) throws(TrendingError) -> [Int64]? {
        guard let allowed, allowed.count <= limit else { return nil }
        var ids: [Int64] = []
        for number in allowed.members {
            let id = try TrendingError.wrap { try snapshot.documentID(number: number) }
            if let value = Int64(id) { ids.append(value) }
        }
        return ids
    }

    private static func equals(_ field: String, _ value: String) -> FilterExpression {
        .condition(FilterCondition(field: field, fieldRange: 0..<0, test: .equals(FilterValue(text: value, range: 0..<0))))
    }

    /// `category.lvlN = PATH` for the path whose last segment is `slug` (so descendants, whose paths
    /// extend it, match too); any level that ends in the slug. No match selects nothing.
    private static func categoryFilter(_ slug: String, _ snapshot: IndexSnapshot) throws(TrendingError) -> FilterExpression {
        let wanted = FilterValue.normalize(slug)
        var matches: [FilterExpression] = []
        for level in 0..<16 {
            let field = "category.lvl\(level)"
            let values = try TrendingError.wrap { try snapshot.facetValues(of: field) }
            if values.isEmpty && level > 0 { break }
            for value in values where value == wanted || value.hasSuffix("/" + wanted) {
                matches.append(equals(field, value))
            }
        }
        // No such category: a condition nothing satisfies.
        return matches.isEmpty ? equals("category", "\u{1}none") : (matches.count == 1 ? matches[0] : .or(matches))
    }
}
