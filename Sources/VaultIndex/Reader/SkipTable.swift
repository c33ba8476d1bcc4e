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
    /// the block bounds. Checks the layout as ``TermInfo/decode(_:bounds:)`` does (with `limits`), so a cursor can
    /// trust what it reads here: last docs ascend below the capacity, masks name existing fields.
    /// - Throws: ``IndexError/corrupt(_:)`` saying what is wrong (the caller adds the key).
    init(_ raw: UnsafeRawBufferPointer, limits: DecodeBounds, scorer: BM25F?, weight: (UInt32) -> Double) throws(IndexError) {
        var reader = ByteReader(raw)
        termID = reader.varint()
        documentFrequency = reader.varint()
        termWeight = weight(documentFrequency)
        let nextBlock = reader.varint()  // the writer's business, but no block id reaches it
        let blockCount = Int(reader.varint())
        guard !reader.failed, blockCount >= 1, blockCount <= reader.remaining / 4 else {
            throw .corrupt("a dictionary entry with \(blockCount) blocks in \(raw.count) bytes")
        }
        blockIDs.reserveCapacity(blockCount)
        lastDocs.reserveCapacity(blockCount)
        bounds.reserveCapacity(blockCount)
        var lastDoc: UInt32 = 0
        var postings: UInt64 = 0
        for index in 0..<blockCount {
            let id = reader.varint()
            let gap = reader.varint()
            let (following, overflow) = lastDoc.addingReportingOverflow(gap)
            guard !overflow, index == 0 || gap > 0, following < limits.docCapacity, id < nextBlock else {
                throw .corrupt("block \(index) (id \(id)) breaks the skip table's order")
            }
            lastDoc = following
            blockIDs.append(id)
            lastDocs.append(lastDoc)
            let count = reader.varint()
            guard count >= 1, count <= UInt32(BlockCodec.blockSize) else { throw .corrupt("block \(index) claims \(count) postings") }
            postings += UInt64(count)
            var mask = reader.varint()
            guard limits.isValid(mask: mask) else { throw .corrupt("block \(index) has field mask 0x\(String(mask, radix: 16)) (\(limits.fieldCount) fields)") }
            var pseudo = 0.0
            while mask != 0 {
                let field = mask.trailingZeroBitCount
                let points = reader.varint()
                guard points >= 1, points <= UInt32(PostingsChunk.frontierLimit) else { throw .corrupt("block \(index) has a frontier of \(points) points") }
                var best = 0.0
                for _ in 0..<points {
                    let tf = reader.varint(), length = reader.varint()
                    if let scorer { best = max(best, scorer.fieldFrequency(field: field, tf: tf, length: length)) }
                }
                pseudo += best
                mask &= mask - 1
            }
            let bound = scorer?.saturate(pseudo, termWeight: termWeight) ?? 0
            self.bounds.append(bound)
            maximumBound = max(maximumBound, bound)
        }
        if reader.failed || !reader.isAtEnd { throw .corrupt("the dictionary entry does not end where its blocks do") }
        guard postings == UInt64(documentFrequency) else {
            throw .corrupt("document frequency \(documentFrequency), the blocks hold \(postings) postings")
        }
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
