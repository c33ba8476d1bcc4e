/// Exact facet counts over a set of documents: for each value of a facet, how many members of the
/// set have it (the value's stored set intersected with the candidates, container by container —
/// bitmap containers by popcount, arrays by lookup). Nothing is sampled and nothing is cut at the
/// top k; values no candidate has are left out, so a value only a private document carries never
/// shows outside its owner's scope.
struct FacetCounter {
    let snapshot: IndexSnapshot

    /// The counted values of `facet` over `candidates`, ordered by `order`, at most `maxValues`.
    func distribution(of facet: String, over candidates: DocSet, order: FacetValueOrder, maxValues: Int) throws(IndexError) -> [FacetValueCount] {
        var counted: [(normalized: String, value: FacetValueCount)] = []
        try snapshot.forEachFacetValue(field: facet) { normalized, entry in
            let count = try snapshot.intersectionCount(ofSet: entry.set, with: candidates)
            if count > 0 { counted.append((normalized, FacetValueCount(value: entry.spelling, count: count))) }
            return true
        }
        switch order {
        case .alpha:
            break  // the dictionary is already in normalized-value order
        case .count:
            counted.sort { a, b in
                a.value.count != b.value.count ? a.value.count > b.value.count : a.normalized.unicodeScalars.lexicographicallyPrecedes(b.normalized.unicodeScalars)
            }
        }
        return counted.prefix(maxValues).map(\.value)
    }

    /// The minimum and maximum of the numeric column `facet` over `candidates`, nil when none has a value.
    func stats(of facet: String, over candidates: DocSet) throws(IndexError) -> FacetStats? {
        var low = Double.infinity, high = -Double.infinity
        try snapshot.forEachNumericBlock(field: facet) { block, view in
            let base = Int(block) * NumericBlock.docs
            for w in 0..<4 {
                var bits = view.presentWord(w) & candidates.word(base / 64 + w)
                while bits != 0 {
                    let value = view.value(64 * w + bits.trailingZeroBitCount)
                    low = min(low, value)
                    high = max(high, value)
                    bits &= bits - 1
                }
            }
        }
        return low <= high ? FacetStats(min: low, max: high) : nil
    }
}
