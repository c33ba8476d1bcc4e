/// Open groups of a threshold walk (``TrendingReader`` seed and rating), ordered by the bound of
/// their next entry: `popBest` takes the highest. A sorted array (the groups number at most a few
/// hundred at once): O(log g) to find a place, O(g) to move, O(1) to take the best.
struct CandidateQueue<Element> {
    private var items: [(bound: Double, element: Element)] = []

    var isEmpty: Bool { items.isEmpty }

    /// The best bound, or −∞ when empty.
    var bestBound: Double { items.last?.bound ?? -.infinity }

    mutating func push(_ element: Element, bound: Double) {
        var low = 0, high = items.count
        while low < high {
            let mid = (low + high) / 2
            if items[mid].bound <= bound { low = mid + 1 } else { high = mid }
        }
        items.insert((bound, element), at: low)
    }

    mutating func popBest() -> Element? { items.popLast()?.element }
}
