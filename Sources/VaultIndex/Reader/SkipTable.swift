/// A term's skip table decoded for searching: flat arrays (no per-block allocation) of block ids,
/// last docs and, computed once per query, each block's BM25F score bound.
///
/// Reads the layout ``TermInfo`` writes; the writer keeps using ``TermInfo``, whose per-block
/// records are convenient to edit but too slow to decode on every query.
struct SkipTable {
    private(set) var blockIDs: [UInt32] = []
    private(set) var lastDocs: [UInt32] = []
    /// Upper bound of the term's score in each block (0 when decoded without a scorer).
    private(set) var bounds: [Double] = []
    /// The largest block bound.
    private(set) var maximumBound = 0.0
    let termID: UInt32
    let documentFrequency: UInt32

    var count: Int { blockIDs.count }

    /// The weight (`qtf · idf · (k1 + 1)`) the block bounds were computed with.
    let termWeight: Double

    /// Decodes `raw` (a `terms` value); `scorer` and `weight` (given the document frequency) give
    /// the block bounds.
    init(_ raw: UnsafeRawBufferPointer, scorer: BM25F?, weight: (UInt32) -> Double) throws(IndexError) {
        var reader = ByteReader(raw)
        termID = reader.varint()
        documentFrequency = reader.varint()
        termWeight = weight(documentFrequency)
        _ = reader.varint()  // next block id: the writer's business
        let blockCount = Int(reader.varint())
        guard blockCount <= raw.count else { throw .corrupt("term dictionary entry") }
        blockIDs.reserveCapacity(blockCount)
        lastDocs.reserveCapacity(blockCount)
        bounds.reserveCapacity(blockCount)
        var lastDoc: UInt32 = 0
        for _ in 0..<blockCount {
            blockIDs.append(reader.varint())
            lastDoc &+= reader.varint()
            lastDocs.append(lastDoc)
            _ = reader.varint()  // count
            var mask = reader.varint()
            var pseudo = 0.0
            while mask != 0 {
                let field = mask.trailingZeroBitCount
                var best = 0.0
                for _ in 0..<min(reader.varint(), 64) {
                    let tf = reader.varint(), length = reader.varint()
                    if let scorer { best = max(best, scorer.fieldFrequency(field: field, tf: tf, length: length)) }
                }
                pseudo += best
                mask &= mask - 1
            }
            let bound = scorer?.saturate(pseudo, termWeight: termWeight) ?? 0
            bounds.append(bound)
            maximumBound = max(maximumBound, bound)
        }
        if reader.failed || blockCount == 0 { throw .corrupt("term dictionary entry of term \(termID)") }
    }

    /// The first block at or after `start` whose last doc is at least `target` (`count` if none).
    /// Gallops, then binary-searches: O(log distance).
    @inline(__always)
    func block(atLeast target: UInt32, from start: Int) -> Int {
        var low = start
        if low >= count || lastDocs[low] >= target { return low }
        var step = 1
        var high = low + 1
        while high < count && lastDocs[high] < target {
            low = high
            step *= 2
            high = low + step
        }
        high = min(high, count)
        while low < high {
            let mid = (low + high) / 2
            if lastDocs[mid] < target { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
