/// Open groups of a threshold walk (``TrendingReader`` seed and rating), ordered by the bound of
/// their next entry: `popBest` takes the highest. A binary max-heap: O(log g) to push and to pop
/// (a seed walk over an old store opens thousands of creation hours).
struct CandidateQueue<Element> {
    private var items: [(bound: Double, element: Element)] = []

    var isEmpty: Bool { items.isEmpty }

    /// The best bound, or −∞ when empty.
    var bestBound: Double { items.first?.bound ?? -.infinity }

    mutating func push(_ element: Element, bound: Double) {
        items.append((bound, element))
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard items[child].bound > items[parent].bound else { break }
            items.swapAt(child, parent)
            child = parent
        }
    }

    mutating func popBest() -> Element? {
        guard !items.isEmpty else { return nil }
        items.swapAt(0, items.count - 1)
        let best = items.removeLast().element
        var parent = 0
        while true {
            let left = 2 * parent + 1, right = left + 1
            var largest = parent
            if left < items.count && items[left].bound > items[largest].bound { largest = left }
            if right < items.count && items[right].bound > items[largest].bound { largest = right }
            if largest == parent { break }
            items.swapAt(parent, largest)
            parent = largest
        }
        return best
    }
}
