/// The best `capacity` entries offered so far (score descending, id ascending), kept sorted.
/// O(capacity) per accepted entry; lists ask for at most 10,000.
struct TopEntries {
    let capacity: Int
    private(set) var entries: [RankedEntry] = []

    init(capacity: Int) { self.capacity = capacity }

    var isFull: Bool { entries.count >= capacity }

    /// The entry that a newcomer must beat once full.
    var worst: RankedEntry? { isFull ? entries.last : nil }

    /// Whether no entry with a score up to `bound` (with a relative slack for rounding) can still enter.
    func cannotAdmit(bound: Double) -> Bool {
        guard let worst else { return false }
        return bound * (1 + 1e-12) < worst.score
    }

    mutating func offer(_ entry: RankedEntry) {
        guard capacity > 0 else { return }
        if let worst, !entry.precedes(worst) { return }
        var low = 0, high = entries.count
        while low < high {
            let mid = (low + high) / 2
            if entries[mid].precedes(entry) { low = mid + 1 } else { high = mid }
        }
        entries.insert(entry, at: low)
        if entries.count > capacity { entries.removeLast() }
    }

    func page(offset: Int) -> [RankedEntry] { Array(entries.dropFirst(offset)) }
}
