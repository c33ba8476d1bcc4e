/// The value of one key of the `prefixes` database: the most frequent terms starting with a prefix
/// of 1–3 scalars, with their document frequencies, ranked by df descending, then term bytewise.
///
/// Guarantee (exact with slack): the stored entries are always the exact top `entries.count` terms
/// of the prefix, and `entries.count >= guaranteedCount` unless the list is complete (holds every
/// term of the prefix). So the first ``guaranteedCount`` entries are the exact top 32 at every
/// commit. Invariant: every term of the prefix that is not listed ranks after every listed one.
/// Up to ``capacity`` entries are kept, so decreases that push entries off the end only rarely
/// force a refill (a scan of the prefix's terms in the dictionary).
///
/// ```
/// flags: UInt8 (bit 0: complete) | count: varint | count × (term length varint, term bytes, df varint)
/// ```
struct PrefixTermList: Equatable {
    /// One listed term.
    struct Entry: Equatable {
        var term: [UInt8]
        var documentFrequency: UInt32
    }

    /// Terms listed for every prefix that has that many (the exact top N).
    static let guaranteedCount = 32
    /// Most terms stored for one prefix.
    static let capacity = 64
    /// The longest prefix, in scalars, with a list.
    static let maximumPrefixScalars = 3

    /// The listed terms, best first.
    private(set) var entries: [Entry] = []
    /// Whether every term of the prefix is listed.
    private(set) var isComplete = true
    /// The sizes in force (the constants above, smaller in unit tests).
    let guaranteedCount: Int
    let capacity: Int

    /// An empty, complete list (a prefix no term has yet).
    init(guaranteedCount: Int = PrefixTermList.guaranteedCount, capacity: Int = PrefixTermList.capacity) {
        precondition(0 < guaranteedCount && guaranteedCount <= capacity)
        self.guaranteedCount = guaranteedCount
        self.capacity = capacity
    }

    /// Whether `a` ranks before `b`: higher df first, then the bytewise smaller term.
    static func ranksBefore(_ a: Entry, _ b: Entry) -> Bool {
        a.documentFrequency != b.documentFrequency
            ? a.documentFrequency > b.documentFrequency : a.term.lexicographicallyPrecedes(b.term)
    }

    /// Whether the list must be rebuilt from the dictionary (it no longer holds the exact top N).
    var needsRefill: Bool { !isComplete && entries.count < guaranteedCount }

    /// Records that `term` (which starts with the prefix) now has `documentFrequency` documents
    /// (0: it left the dictionary), keeping the invariant. May leave the list short (see
    /// ``needsRefill``).
    mutating func update(term: [UInt8], documentFrequency: UInt32) {
        let updated = Entry(term: term, documentFrequency: documentFrequency)
        if let index = entries.firstIndex(where: { $0.term == term }) {
            let bound = entries[entries.count - 1]  // every unlisted term ranks after it
            entries.remove(at: index)
            guard documentFrequency > 0 else { return }
            // An incomplete list keeps the term only while it still ranks no later than the bound;
            // past it, an unlisted term might now rank before it.
            if isComplete || !Self.ranksBefore(bound, updated) { insertSorted(updated) }
        } else {
            guard documentFrequency > 0 else { return }
            if isComplete {
                insertSorted(updated)
            } else if let last = entries.last, Self.ranksBefore(updated, last) {
                insertSorted(updated)
            }
            // Otherwise it ranks after the last listed term and stays unlisted.
            if entries.count > capacity {
                entries.removeLast(entries.count - capacity)
                isComplete = false
            }
        }
    }

    private mutating func insertSorted(_ entry: Entry) {
        var low = 0, high = entries.count
        while low < high {
            let mid = (low + high) / 2
            if Self.ranksBefore(entries[mid], entry) { low = mid + 1 } else { high = mid }
        }
        entries.insert(entry, at: low)
    }

    /// Replaces the list with the best terms of `all` (every term of the prefix, any order).
    mutating func rebuild(from all: [Entry]) {
        entries = all.filter { $0.documentFrequency > 0 }.sorted(by: Self.ranksBefore)
        isComplete = entries.count <= capacity
        if !isComplete { entries.removeLast(entries.count - capacity) }
    }

    /// The stored bytes.
    func encoded() -> [UInt8] {
        var writer = ByteWriter(capacity: 2 + entries.count * 12)
        writer.bytes.append(isComplete ? 1 : 0)
        writer.varint(entries.count)
        for entry in entries {
            writer.varint(entry.term.count)
            writer.bytes.append(contentsOf: entry.term)
            writer.varint(entry.documentFrequency)
        }
        return writer.bytes
    }

    /// Decodes a stored list.
    /// - Throws: ``IndexError/corrupt(_:)`` when the bytes are damaged.
    static func decode(_ buffer: UnsafeRawBufferPointer) throws(IndexError) -> PrefixTermList {
        var list = PrefixTermList()
        var reader = ByteReader(buffer)
        guard buffer.count >= 1, buffer[0] <= 1 else { throw .corrupt("a prefix list with flags \(buffer.first ?? 0)") }
        reader.offset = 1
        list.isComplete = buffer[0] == 1
        let count = Int(reader.varint())
        guard count <= buffer.count else { throw .corrupt("a prefix list of \(count) terms in \(buffer.count) bytes") }
        list.entries.reserveCapacity(count)
        for _ in 0..<count {
            let length = Int(reader.varint())
            guard reader.offset + length <= buffer.count else { throw .corrupt("a listed term runs past the end of the prefix list") }
            let term = Array(buffer[reader.offset..<(reader.offset + length)])
            reader.offset += length
            list.entries.append(Entry(term: term, documentFrequency: reader.varint()))
        }
        if reader.failed || !reader.isAtEnd { throw .corrupt("the prefix list does not end where its terms do") }
        return list
    }
}
