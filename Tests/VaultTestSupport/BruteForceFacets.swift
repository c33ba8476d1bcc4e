import VaultIndex

/// Facet distributions and number stats counted by scanning documents (Meilisearch semantics).
///
/// - A document counts once per distinct value of the field: a list field counts each distinct
///   element once per document; values are told apart by `lowercased()`.
/// - A value is reported in the spelling seen first: the first document in `documents` order that
///   has it, and within a list its first element with that lowercased form.
/// - Strings (also `""`) are values as they are; a bool is `"true"` or `"false"`; a number is
///   ``RandomFilterGenerator/numberText(_:)`` of it (`10`, `3.25`).
/// - Order `.count`: count descending, then the lowercased value ascending; `.alpha`: the
///   lowercased value ascending. "Ascending" compares UTF-8 bytes. Then the first `maxValues`.
public enum BruteForceFacets {
    /// How a distribution is ordered.
    public enum Order: Sendable {
        /// Most frequent first; ties by value.
        case count
        /// By value.
        case alpha
    }

    /// The values of `field` over `documents` with their document counts.
    public static func distribution(of field: String, over documents: [Document], maxValues: Int = 100, sortBy order: Order = .count) -> [(value: String, count: Int)] {
        var spelling: [String: String] = [:]
        var counts: [String: Int] = [:]
        for document in documents {
            var inDocument = Set<String>()
            for text in facetTexts(document.fields[field]) {
                let key = text.lowercased()
                guard inDocument.insert(key).inserted else { continue }
                if spelling[key] == nil { spelling[key] = text }
                counts[key, default: 0] += 1
            }
        }
        let keys = counts.keys.sorted { a, b in
            if order == .count, counts[a]! != counts[b]! { return counts[a]! > counts[b]! }
            return a.utf8.lexicographicallyPrecedes(b.utf8)
        }
        return keys.prefix(max(0, maxValues)).map { (spelling[$0]!, counts[$0]!) }
    }

    /// The least and greatest number of `field` over `documents`; nil when none has a number there.
    public static func stats(of field: String, over documents: [Document]) -> (min: Double, max: Double)? {
        var low = Double.infinity, high = -Double.infinity
        for document in documents {
            guard case .number(let x) = document.fields[field] else { continue }
            low = min(low, x)
            high = max(high, x)
        }
        return low <= high ? (low, high) : nil
    }

    /// The facet values of one field value, as reported.
    public static func facetTexts(_ value: FieldValue?) -> [String] {
        switch value {
        case nil: return []
        case .string(let s): return [s]
        case .strings(let list): return list
        case .number(let x): return [RandomFilterGenerator.numberText(x)]
        case .bool(let b): return [b ? "true" : "false"]
        }
    }
}
