/// A set of doc numbers as a dense bitmap over `0..<capacity` (one bit per doc number ever given).
///
/// Filters compile into these, the scope is one, and the executor asks ``contains(_:)`` and
/// ``next(atLeast:)`` to skip candidates before scoring. Set algebra is word-at-a-time: on 200,000
/// doc numbers one operation touches 3,125 words. Doc numbers at or past `capacity` are never members.
public struct DocSet: Sendable, Equatable {
    /// One past the largest doc number the set can hold.
    public let capacity: UInt32
    private(set) var words: [UInt64]

    /// An empty set of doc numbers below `capacity`.
    public init(capacity: UInt32) {
        self.capacity = capacity
        words = [UInt64](repeating: 0, count: (Int(capacity) + 63) / 64)
    }

    /// Every doc number below `capacity`.
    public static func full(capacity: UInt32) -> DocSet {
        var set = DocSet(capacity: capacity)
        for i in set.words.indices { set.words[i] = .max }
        set.clearTail()
        return set
    }

    /// A set holding `docs` (those below `capacity`).
    public init<S: Sequence>(capacity: UInt32, docs: S) where S.Element == UInt32 {
        self.init(capacity: capacity)
        for doc in docs { insert(doc) }
    }

    private mutating func clearTail() {
        let extra = words.count * 64 - Int(capacity)
        if extra > 0, !words.isEmpty { words[words.count - 1] &= UInt64.max >> UInt64(extra) }
    }

    /// Whether `doc` is in the set.
    @inline(__always)
    public func contains(_ doc: UInt32) -> Bool {
        guard doc < capacity else { return false }
        return words[Int(doc >> 6)] & (1 << UInt64(doc & 63)) != 0
    }

    /// Adds `doc` (ignored when at or past `capacity`).
    @inline(__always)
    public mutating func insert(_ doc: UInt32) {
        guard doc < capacity else { return }
        words[Int(doc >> 6)] |= 1 << UInt64(doc & 63)
    }

    /// Removes `doc`.
    @inline(__always)
    public mutating func remove(_ doc: UInt32) {
        guard doc < capacity else { return }
        words[Int(doc >> 6)] &= ~(1 << UInt64(doc & 63))
    }

    /// ORs 64 bits in at word `index` (doc numbers `64·index ..< 64·index + 64`).
    @inline(__always)
    mutating func orWord(_ index: Int, _ bits: UInt64) {
        guard index < words.count else { return }
        words[index] |= bits
        if index == words.count - 1 { clearTail() }
    }

    /// The word at `index` (0 past the end).
    @inline(__always)
    func word(_ index: Int) -> UInt64 { index < words.count ? words[index] : 0 }

    /// The number of members. O(capacity / 64).
    public var count: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }

    /// Whether the set has no member.
    public var isEmpty: Bool { !words.contains { $0 != 0 } }

    /// The smallest member at least `doc`, or `UInt32.max` when there is none.
    @inline(__always)
    public func next(atLeast doc: UInt32) -> UInt32 {
        guard doc < capacity else { return .max }
        var index = Int(doc >> 6)
        var word = words[index] & (UInt64.max << UInt64(doc & 63))
        while word == 0 {
            index += 1
            if index == words.count { return .max }
            word = words[index]
        }
        return UInt32(index << 6) + UInt32(word.trailingZeroBitCount)
    }

    /// Calls `body` with each member in ascending order.
    @inline(__always)
    public func forEach<E: Error>(_ body: (UInt32) throws(E) -> Void) throws(E) {
        for (index, original) in words.enumerated() where original != 0 {
            var word = original
            while word != 0 {
                try body(UInt32(index << 6) + UInt32(word.trailingZeroBitCount))
                word &= word - 1
            }
        }
    }

    /// The members in ascending order.
    public var members: [UInt32] {
        var out: [UInt32] = []
        forEach { out.append($0) }
        return out
    }

    /// Keeps only members of `other`.
    public mutating func formIntersection(_ other: DocSet) {
        for i in words.indices { words[i] &= other.word(i) }
    }

    /// Adds the members of `other` (those below this set's capacity).
    public mutating func formUnion(_ other: DocSet) {
        for i in words.indices { words[i] |= other.word(i) }
        clearTail()
    }

    /// Removes the members of `other`.
    public mutating func subtract(_ other: DocSet) {
        for i in words.indices { words[i] &= ~other.word(i) }
    }

    /// The members of `self` that are also in `other`.
    public func intersection(_ other: DocSet) -> DocSet {
        var copy = self
        copy.formIntersection(other)
        return copy
    }

    /// How many members `self` and `other` share, without building the intersection.
    public func intersectionCount(_ other: DocSet) -> Int {
        var total = 0
        for i in words.indices { total += (words[i] & other.word(i)).nonzeroBitCount }
        return total
    }
}
