/// Keeps the `k` best (score, doc) pairs seen: higher score first, and among equal scores the
/// lower doc number (the one seen first, since docs arrive in ascending order).
///
/// A binary min-heap whose root is the current k-th best: `threshold` is the score a new doc must
/// beat once the heap is full. Insertion is O(log k).
struct TopKHeap {
    struct Entry {
        var score: Double
        var doc: UInt32
    }

    let capacity: Int
    private(set) var entries: [Entry] = []

    init(capacity: Int) {
        self.capacity = capacity
        entries.reserveCapacity(min(capacity, 1 << 16))
    }

    var isFull: Bool { entries.count >= capacity }

    /// The score to beat; -infinity until the heap is full.
    var threshold: Double { isFull && capacity > 0 ? entries[0].score : -.infinity }

    /// Whether `a` ranks below `b`.
    @inline(__always)
    private static func worse(_ a: Entry, _ b: Entry) -> Bool {
        a.score < b.score || (a.score == b.score && a.doc > b.doc)
    }

    /// Offers a doc; it is kept when it ranks above the current k-th.
    mutating func offer(score: Double, doc: UInt32) {
        guard capacity > 0 else { return }
        let entry = Entry(score: score, doc: doc)
        if entries.count < capacity {
            entries.append(entry)
            siftUp(entries.count - 1)
        } else if Self.worse(entries[0], entry) {
            entries[0] = entry
            siftDown(0)
        }
    }

    private mutating func siftUp(_ start: Int) {
        var child = start
        while child > 0 {
            let parent = (child - 1) / 2
            guard Self.worse(entries[child], entries[parent]) else { return }
            entries.swapAt(child, parent)
            child = parent
        }
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        while true {
            let left = 2 * parent + 1, right = left + 1
            var smallest = parent
            if left < entries.count && Self.worse(entries[left], entries[smallest]) { smallest = left }
            if right < entries.count && Self.worse(entries[right], entries[smallest]) { smallest = right }
            if smallest == parent { return }
            entries.swapAt(parent, smallest)
            parent = smallest
        }
    }

    /// The kept entries, best first.
    func sorted() -> [Entry] { entries.sorted { Self.worse($1, $0) } }
}
