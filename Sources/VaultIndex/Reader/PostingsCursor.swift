import VaultStorage

/// Iterates one term's postings in doc order inside a snapshot: `next`, `advance(to:)`, and, for the
/// current doc, its per-field term frequencies, field lengths and positions.
///
/// Blocks are read straight from the memory map. Seeking uses the term's skip table, so a block is
/// decoded only when the cursor lands in it, and a block's frequencies only when a doc in it is scored.
final class PostingsCursor {
    static let exhausted = UInt32.max

    let skip: SkipTable
    private let transaction: Transaction
    private let databases: IndexDatabases

    /// The current doc number, or ``exhausted``.
    private(set) var doc: UInt32 = 0
    private var blockIndex = -1
    private var buffer = UnsafeRawBufferPointer(start: nil, count: 0)
    private var docs: [UInt32] = []
    private var position = 0
    /// Where the block's frequency offset table starts, and the frequencies after it.
    private var offsetTable = 0
    private var statsBase = 0
    private var positionsDecoded = false
    private var positionStart: [Int] = []
    private var positionValues: [UInt32] = []
    /// Blocks this cursor decoded (a work counter).
    private(set) var blocksDecoded = 0
    /// Set when a block fails to decode; the search reports the index as damaged.
    private(set) var corruption: String?

    init(skip: SkipTable, transaction: Transaction, databases: IndexDatabases) {
        self.skip = skip
        self.transaction = transaction
        self.databases = databases
        docs.reserveCapacity(BlockCodec.blockSize)
        loadBlock(0)
    }

    private func loadBlock(_ index: Int) {
        blockIndex = index
        positionsDecoded = false
        // Build into a local array: appending to a class's stored array costs an exclusivity check each time.
        var decoded = docs
        docs = []
        decoded.removeAll(keepingCapacity: true)
        defer { docs = decoded }
        position = 0
        guard index < skip.count else { doc = Self.exhausted; return }
        let key = IndexDatabases.blockKey(term: skip.termID, block: skip.blockIDs[index])
        guard let value = try? transaction.get(databases.postings, key: key) else {
            fail("missing postings block \(skip.blockIDs[index]) of term \(skip.termID)")
            return
        }
        buffer = value
        blocksDecoded += 1
        var reader = ByteReader(value)
        let count = Int(reader.varint())
        var current: UInt32 = 0
        for i in 0..<min(count, BlockCodec.blockSize * 2) {
            let gap = reader.varint()
            current = i == 0 ? gap : current &+ gap
            decoded.append(current)
        }
        offsetTable = reader.offset
        statsBase = offsetTable + 2 * decoded.count
        if reader.failed || decoded.isEmpty || statsBase > value.count { fail("postings block of term \(skip.termID)"); return }
        doc = decoded[0]
    }

    private func fail(_ what: String) {
        corruption = what
        doc = Self.exhausted
        blockIndex = skip.count
    }

    /// Moves to the next posting.
    @inline(__always)
    func next() {
        position += 1
        if position < docs.count { doc = docs[position] } else { loadBlock(blockIndex + 1) }
    }

    /// Moves to the first posting whose doc is at least `target` (never backwards). Blocks that end
    /// before `target` are skipped by the skip table without being read.
    func advance(to target: UInt32) {
        if doc >= target { return }
        if skip.lastDocs[blockIndex] < target {
            loadBlock(skip.block(atLeast: target, from: blockIndex + 1))
            if doc >= target { return }
        }
        while position < docs.count && docs[position] < target { position += 1 }
        if position < docs.count { doc = docs[position] } else { loadBlock(blockIndex + 1) }
    }

    /// The score bound and last doc of the block that holds the first posting at or after `target`,
    /// found in the skip table without reading the block (0 and `exhausted` when there is none).
    /// Never moves the cursor.
    @inline(__always)
    func shallowBound(atLeast target: UInt32) -> (bound: Double, lastDoc: UInt32) {
        let block = doc >= target ? blockIndex : skip.block(atLeast: target, from: blockIndex)
        return block < skip.count ? (skip.bounds[block], skip.lastDocs[block]) : (0, Self.exhausted)
    }

    /// A reader at the frequencies of posting `index` of the current block.
    @inline(__always)
    private func statsReader(_ index: Int) -> ByteReader {
        let entry = offsetTable + 2 * index
        let offset = Int(buffer[entry]) | Int(buffer[entry + 1]) << 8
        return ByteReader(buffer, offset: statsBase + offset)
    }

    /// Calls `body(field, tf, fieldLength)` for each field the current doc has the term in.
    @inline(__always)
    func forEachField(_ body: (Int, UInt32, UInt32) -> Void) {
        guard position < docs.count else { return }
        var reader = statsReader(position)
        var mask = reader.varint()
        while mask != 0 {
            let tf = reader.varint(), length = reader.varint()
            body(mask.trailingZeroBitCount, tf, length)
            mask &= mask - 1
        }
        if reader.failed { fail("frequencies of term \(skip.termID)") }
    }

    /// The positions of the term in `field` of the current doc (empty when it does not occur there).
    func positions(field: Int) -> ArraySlice<UInt32> {
        if !positionsDecoded { decodePositions() }
        guard position < positionStart.count else { return [] }
        var reader = statsReader(position)
        var mask = reader.varint()
        var start = positionStart[position]
        while mask != 0 {
            let f = mask.trailingZeroBitCount
            let tf = Int(reader.varint())
            _ = reader.varint()
            if f == field { return positionValues[start..<min(start + tf, positionValues.count)] }
            if f > field { break }
            start += tf
            mask &= mask - 1
        }
        return []
    }

    /// Decodes the positions of the whole block (phrase queries only).
    private func decodePositions() {
        positionsDecoded = true
        var starts = positionStart, values = positionValues
        starts.removeAll(keepingCapacity: true)
        values.removeAll(keepingCapacity: true)
        defer { positionStart = starts; positionValues = values }
        let key = IndexDatabases.blockKey(term: skip.termID, block: skip.blockIDs[blockIndex])
        guard let value = try? transaction.get(databases.positions, key: key) else {
            fail("missing positions block of term \(skip.termID)")
            return
        }
        var reader = ByteReader(value)
        for i in 0..<docs.count {
            starts.append(values.count)
            var stats = statsReader(i)
            let mask = stats.varint()
            for _ in 0..<mask.nonzeroBitCount {
                let tf = Int(stats.varint())
                _ = stats.varint()
                var p: UInt32 = 0
                for k in 0..<tf {
                    let gap = reader.varint()
                    p = k == 0 ? gap : p &+ gap
                    values.append(p)
                }
            }
        }
        if reader.failed { fail("positions of term \(skip.termID)") }
    }
}
