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
    /// The field mask bits a posting may set (damage beyond them would index past the field arrays).
    private let fieldMask: UInt32

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
    /// Set when a block fails to decode or breaks an invariant (doc numbers that do not ascend
    /// within the skip table's range, a field mask naming no existing field, more positions than
    /// bytes); the search reports the index as damaged with this message, which names the key.
    private(set) var corruption: String?

    init(skip: SkipTable, transaction: Transaction, databases: IndexDatabases, fieldMask: UInt32) {
        self.skip = skip
        self.transaction = transaction
        self.databases = databases
        self.fieldMask = fieldMask
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
        let value: UnsafeRawBufferPointer
        do {
            guard let found = try transaction.get(databases.postings, key: key) else {
                return fail(databases.postings, key, "the block the skip table names (term \(skip.termID), block \(skip.blockIDs[index])) is missing")
            }
            value = found
        } catch {
            return fail(databases.postings, key, "\(error)")
        }
        buffer = value
        blocksDecoded += 1
        var reader = ByteReader(value)
        let count = Int(reader.varint())
        guard count >= 1, count <= BlockCodec.blockSize else { return fail(databases.postings, key, "a block of \(count) postings") }
        // Doc numbers ascend past the previous block's last doc and end at this block's, as the skip
        // table says: then every cursor moves forward only, and stays below the snapshot's capacity.
        let floor = index == 0 ? 0 : skip.lastDocs[index - 1]
        var current: UInt32 = 0
        for i in 0..<count {
            let gap = reader.varint()
            let (next, overflow) = current.addingReportingOverflow(gap)
            guard !overflow, (i == 0 && (index == 0 || next > floor)) || (i > 0 && gap > 0) else {
                return fail(databases.postings, key, "doc numbers do not ascend (posting \(i))")
            }
            current = next
            decoded.append(current)
        }
        offsetTable = reader.offset
        statsBase = offsetTable + 2 * decoded.count
        if reader.failed || statsBase > value.count { return fail(databases.postings, key, "the block ends inside its doc numbers or offsets") }
        if current != skip.lastDocs[index] { return fail(databases.postings, key, "the block ends at doc \(current), the skip table says \(skip.lastDocs[index])") }
        doc = decoded[0]
    }

    /// Records damage in `database` at `key` and exhausts the cursor.
    private func fail(_ database: Database, _ key: [UInt8], _ what: String) {
        fail("'\(database.name)' key \(KeyText.describe(key)) (term \(skip.termID)): \(what)")
    }

    private func fail(_ what: String) {
        if corruption == nil { corruption = what }
        doc = Self.exhausted
        blockIndex = skip.count
    }

    /// The key of the current block (for messages).
    private var currentKey: [UInt8] {
        IndexDatabases.blockKey(term: skip.termID, block: blockIndex < skip.count ? skip.blockIDs[blockIndex] : 0)
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
        guard mask != 0, mask & ~fieldMask == 0, !reader.failed else {
            return fail(databases.postings, currentKey, "posting \(position) has field mask 0x\(String(mask, radix: 16))")
        }
        while mask != 0 {
            let tf = reader.varint(), length = reader.varint()
            body(mask.trailingZeroBitCount, tf, length)
            mask &= mask - 1
        }
        if reader.failed { fail(databases.postings, currentKey, "the frequencies of posting \(position) run past the block") }
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
            if f == field {
                let lower = min(start, positionValues.count)
                return positionValues[lower..<min(max(lower, start + tf), positionValues.count)]
            }
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
        guard blockIndex < skip.count else { return }
        let key = IndexDatabases.blockKey(term: skip.termID, block: skip.blockIDs[blockIndex])
        let value: UnsafeRawBufferPointer
        do {
            guard let found = try transaction.get(databases.positions, key: key) else {
                return fail(databases.positions, key, "the positions of a stored block are missing")
            }
            value = found
        } catch {
            return fail(databases.positions, key, "\(error)")
        }
        var reader = ByteReader(value)
        for i in 0..<docs.count {
            starts.append(values.count)
            var stats = statsReader(i)
            let mask = stats.varint()
            for _ in 0..<mask.nonzeroBitCount {
                let tf = Int(stats.varint())
                _ = stats.varint()
                // Each position takes a byte at least: a larger tf is damage, not a loop to run.
                guard tf <= reader.remaining else { return fail(databases.positions, key, "posting \(i) claims \(tf) positions, \(reader.remaining) bytes are left") }
                var p: UInt32 = 0
                for k in 0..<tf {
                    let gap = reader.varint()
                    let (next, overflow) = p.addingReportingOverflow(gap)
                    guard !overflow, k == 0 || gap > 0 else { return fail(databases.positions, key, "positions of posting \(i) do not ascend") }
                    p = next
                    values.append(p)
                }
            }
            if stats.failed { return fail(databases.postings, currentKey, "the frequencies of posting \(i) run past the block") }
        }
        if reader.failed { fail(databases.positions, key, "the positions run past the end of the value") }
    }
}
