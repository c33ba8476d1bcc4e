/// A run of postings of one term in doc-number order, decoded into flat arrays: the writer's working
/// form of a block (and of a batch's new postings before they are cut into blocks).
///
/// For posting `i`: `docs[i]`, `masks[i]` (bit f set when the term occurs in searchable field f), and
/// for each set bit in ascending order a `(tf, fieldLength)` pair in `stats` and `tf` positions in
/// `positions`.
struct PostingsChunk: Equatable {
    var docs: [UInt32] = []
    var masks: [UInt32] = []
    var stats: [UInt32] = []
    var positions: [UInt32] = []

    var count: Int { docs.count }
    var isEmpty: Bool { docs.isEmpty }

    /// Appends one posting; `fields` lists (field, field length, positions) in ascending field order.
    mutating func append(doc: UInt32, fields: [(field: Int, length: UInt32, positions: [UInt32])]) {
        precondition(docs.last.map { $0 < doc } ?? true, "postings must be appended in doc order")
        var mask: UInt32 = 0
        for entry in fields {
            mask |= 1 << UInt32(entry.field)
            stats.append(UInt32(entry.positions.count))
            stats.append(entry.length)
            positions.append(contentsOf: entry.positions)
        }
        docs.append(doc)
        masks.append(mask)
    }

    /// Appends every posting of `other`, whose docs must all follow ours.
    mutating func append(contentsOf other: PostingsChunk) {
        precondition(other.docs.first.map { first in docs.last.map { $0 < first } ?? true } ?? true)
        docs += other.docs
        masks += other.masks
        stats += other.stats
        positions += other.positions
    }

    /// Calls `body(i, statRange, positionRange)` for each posting, in order: where its
    /// (tf, length) pairs sit in `stats` and its positions in `positions`.
    private func forEachPosting(_ body: (Int, Range<Int>, Range<Int>) -> Void) {
        var statIndex = 0, positionIndex = 0
        for i in 0..<docs.count {
            let statEnd = statIndex + 2 * masks[i].nonzeroBitCount
            var positionCount = 0
            for s in stride(from: statIndex, to: statEnd, by: 2) { positionCount += Int(stats[s]) }
            body(i, statIndex..<statEnd, positionIndex..<(positionIndex + positionCount))
            statIndex = statEnd
            positionIndex += positionCount
        }
    }

    /// Appends posting `i` of `other`, given its ranges.
    private mutating func copyPosting(_ i: Int, _ statRange: Range<Int>, _ positionRange: Range<Int>, of other: PostingsChunk) {
        docs.append(other.docs[i])
        masks.append(other.masks[i])
        stats.append(contentsOf: other.stats[statRange])
        positions.append(contentsOf: other.positions[positionRange])
    }

    /// Removes the postings of the given docs; returns how many were removed.
    mutating func remove(docs removed: Set<UInt32>) -> Int {
        var kept = PostingsChunk()
        forEachPosting { i, statRange, positionRange in
            if !removed.contains(docs[i]) { kept.copyPosting(i, statRange, positionRange, of: self) }
        }
        let removedCount = docs.count - kept.docs.count
        self = kept
        return removedCount
    }

    /// Splits into chunks of at most `size` postings, in order.
    func split(size: Int) -> [PostingsChunk] {
        if count <= size { return [self] }
        var result: [PostingsChunk] = []
        var current = PostingsChunk()
        forEachPosting { i, statRange, positionRange in
            current.copyPosting(i, statRange, positionRange, of: self)
            if current.count == size {
                result.append(current)
                current = PostingsChunk()
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    /// The most (tf, length) points kept per field in a block summary.
    static let frontierLimit = 6

    /// The block summary kept in the term's skip table: last doc, count, and per field the Pareto
    /// frontier of (tf, field length) over the block's postings — the postings no other posting beats
    /// with both a higher tf and a shorter field. A field's BM25F share grows with tf and shrinks with
    /// length for every k1, b and average length, so its maximum over the block is reached on the
    /// frontier: the bound is exact per field whatever the ranking settings. A frontier longer than
    /// ``frontierLimit`` keeps its first points and folds the rest into one point (their highest tf,
    /// their shortest length), which still dominates them.
    func summary(block: UInt32) -> BlockSummary {
        var perField = [[(tf: UInt32, length: UInt32)]](repeating: [], count: IndexSettings.maximumSearchableFields)
        var fieldMask: UInt32 = 0
        var statIndex = 0
        for i in 0..<docs.count {
            var mask = masks[i]
            fieldMask |= mask
            while mask != 0 {
                perField[mask.trailingZeroBitCount].append((stats[statIndex], stats[statIndex + 1]))
                mask &= mask - 1
                statIndex += 2
            }
        }
        var bounds: [UInt32] = []
        var mask = fieldMask
        while mask != 0 {
            let points = perField[mask.trailingZeroBitCount].sorted { $0.length != $1.length ? $0.length < $1.length : $0.tf > $1.tf }
            var frontier: [(tf: UInt32, length: UInt32)] = []
            for point in points where point.tf > (frontier.last?.tf ?? 0) { frontier.append(point) }
            if frontier.count > Self.frontierLimit {
                let rest = frontier[(Self.frontierLimit - 1)...]
                frontier = Array(frontier.prefix(Self.frontierLimit - 1))
                frontier.append((rest.map(\.tf).max()!, rest.map(\.length).min()!))
            }
            bounds.append(UInt32(frontier.count))
            for point in frontier {
                bounds.append(point.tf)
                bounds.append(point.length)
            }
            mask &= mask - 1
        }
        return BlockSummary(block: block, lastDoc: docs.last ?? 0, count: UInt32(count), fieldMask: fieldMask, bounds: bounds)
    }
}
