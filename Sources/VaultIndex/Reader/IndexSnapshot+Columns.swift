import VaultStorage

/// Reading the columns of a snapshot: facet sets as ``DocSet``s, the facet value dictionary, and
/// numeric columns block by block. Every decode is checked; damage raises ``IndexError/corrupt(_:)``
/// naming the database and key.
extension IndexSnapshot {
    /// Doc numbers are below this (the capacity of every ``DocSet`` of this snapshot).
    var docCapacity: UInt32 { statistics.nextDocNumber }

    /// The id of a column field, or nil when no document ever had a column value for it.
    func columnFieldID(_ name: String) throws(IndexError) -> UInt16? {
        try IndexError.wrap {
            guard let raw = try transaction.get(index.databases.fieldIDs, key: Array(name.utf8)) else { return nil }
            guard raw.count == 2 else { throw IndexError.damaged(index.databases.fieldIDs, key: Array(name.utf8), "a field id of \(raw.count) bytes") }
            return UInt16(raw[0]) << 8 | UInt16(raw[1])
        }
    }

    /// The dictionary entry of (field, kind, normalized value), if any document has it.
    func facetEntry(field: String, kind: ColumnKeys.Kind, value: String = "") throws(IndexError) -> ColumnKeys.Entry? {
        guard let id = try columnFieldID(field) else { return nil }
        return try IndexError.wrap {
            let key = ColumnKeys.facetValueKey(field: id, kind: kind, value: value)
            guard let raw = try transaction.get(index.databases.facetValues, key: key) else { return nil }
            guard let entry = ColumnKeys.Entry.decode(raw) else { throw IndexError.damaged(index.databases.facetValues, key: key, "the entry of '\(field)' = '\(value)' has \(raw.count) bytes") }
            return entry
        }
    }

    /// The documents of one facet set (empty when absent).
    func docSet(field: String, kind: ColumnKeys.Kind, value: String = "") throws(IndexError) -> DocSet {
        guard let entry = try facetEntry(field: field, kind: kind, value: value) else { return DocSet(capacity: docCapacity) }
        var set = DocSet(capacity: docCapacity)
        try addSet(entry.set, to: &set)
        return set
    }

    /// ORs the stored set `id` into `set`.
    func addSet(_ id: UInt32, to set: inout DocSet) throws(IndexError) {
        try forEachContainer(of: id) { high, bytes in DocSetContainer.add(bytes, high: high, to: &set) }
    }

    /// Whether the facet entry (field, kind, normalized value) holds `doc`: one container read.
    func facetContains(field: String, kind: ColumnKeys.Kind, value: String, doc: UInt32) throws(IndexError) -> Bool {
        guard let entry = try facetEntry(field: field, kind: kind, value: value) else { return false }
        return try IndexError.wrap {
            let high = UInt16(truncatingIfNeeded: doc >> 16)
            guard let bytes = try transaction.get(index.databases.facetSets, key: ColumnKeys.setKey(set: entry.set, high: high)) else { return false }
            guard let found = DocSetContainer.contains(bytes, low: UInt16(truncatingIfNeeded: doc)) else {
                throw IndexError.damaged(index.databases.facetSets, key: ColumnKeys.setKey(set: entry.set, high: high), "container \(high) of set \(entry.set) is malformed")
            }
            return found
        }
    }

    /// How many members the stored set `id` shares with `set`.
    func intersectionCount(ofSet id: UInt32, with set: DocSet) throws(IndexError) -> Int {
        var total = 0
        try forEachContainer(of: id) { high, bytes in
            guard let n = DocSetContainer.intersectionCount(bytes, high: high, with: set) else { return false }
            total += n
            return true
        }
        return total
    }

    /// Calls `body` with each container of stored set `id`; `body` returns false when the bytes are malformed.
    private func forEachContainer(of id: UInt32, _ body: (UInt16, UnsafeRawBufferPointer) -> Bool) throws(IndexError) {
        try IndexError.wrap {
            let cursor = try transaction.cursor(index.databases.facetSets)
            var entry = try cursor.seek(atLeast: ColumnKeys.setKey(set: id, high: 0))
            while let (key, value) = entry, key.count == 6, KeyCodec.decodeUInt32(key) == id {
                let high = UInt16(key[4]) << 8 | UInt16(key[5])
                guard body(high, value) else { throw IndexError.damaged(index.databases.facetSets, key: key, "container \(high) of set \(id) is malformed") }
                entry = try cursor.next()
            }
        }
    }

    /// Every live document.
    func allDocuments() throws(IndexError) -> DocSet {
        try docSet(field: ColumnKeys.allDocumentsField, kind: .exists)
    }

    /// Calls `body` with each value entry of `field` whose normalized value starts with `prefix`, in
    /// normalized-value order; `body` returns false to stop.
    func forEachFacetValue(
        field: String, prefix: String = "", _ body: (_ normalized: String, _ entry: ColumnKeys.Entry) throws -> Bool
    ) throws(IndexError) {
        guard let id = try columnFieldID(field) else { return }
        try IndexError.wrap {
            let fieldPrefix = ColumnKeys.valuePrefix(field: id)
            let start = fieldPrefix + Array(prefix.utf8)
            let cursor = try transaction.cursor(index.databases.facetValues)
            var current = try cursor.seek(atLeast: start)
            while let (key, value) = current, key.count >= start.count, key.starts(with: start) {
                guard let entry = ColumnKeys.Entry.decode(value) else { throw IndexError.damaged(index.databases.facetValues, key: key, "an entry of '\(field)' has \(value.count) bytes") }
                let normalized = String(decoding: UnsafeRawBufferPointer(rebasing: key[fieldPrefix.count...]), as: UTF8.self)
                guard try body(normalized, entry) else { return }
                current = try cursor.next()
            }
        }
    }

    /// Calls `body` with each stored block of the numeric column `field`, in doc order.
    func forEachNumericBlock(field: String, _ body: (_ block: UInt32, _ view: NumericBlockView) throws -> Void) throws(IndexError) {
        guard let id = try columnFieldID(field) else { return }
        try IndexError.wrap {
            let cursor = try transaction.cursor(index.databases.numbers)
            let prefix = [UInt8(id >> 8), UInt8(id & 0xFF)]
            var current = try cursor.seek(atLeast: prefix)
            while let (key, value) = current, key.count == 6, key[0] == prefix[0], key[1] == prefix[1] {
                let block = KeyCodec.decodeUInt32(key, at: 2)
                guard let view = NumericBlockView(value) else { throw IndexError.damaged(index.databases.numbers, key: key, "block \(block) of field '\(field)' has \(value.count) bytes") }
                try body(block, view)
                current = try cursor.next()
            }
        }
    }

    /// A reader of single values of a numeric column (caches the last block it read).
    func numericColumn(_ field: String) throws(IndexError) -> NumericColumnReader? {
        guard let id = try columnFieldID(field) else { return nil }
        return NumericColumnReader(field: field, fieldID: id, transaction: transaction, database: index.databases.numbers)
    }
}

/// Reads values of one numeric column by doc number, keeping the last block's view (blocks live
/// in the memory map for the snapshot's lifetime).
struct NumericColumnReader {
    let field: String
    let fieldID: UInt16
    let transaction: Transaction
    let database: Database
    private var block: UInt32 = .max
    private var view: NumericBlockView?

    init(field: String, fieldID: UInt16, transaction: Transaction, database: Database) {
        self.field = field
        self.fieldID = fieldID
        self.transaction = transaction
        self.database = database
    }

    /// The value of `doc`, or nil when it has none.
    mutating func value(_ doc: UInt32) throws(IndexError) -> Double? {
        let wanted = doc / UInt32(NumericBlock.docs)
        if wanted != block {
            block = wanted
            let key = ColumnKeys.numberKey(field: fieldID, block: wanted)
            let raw = try IndexError.wrap { try transaction.get(database, key: key) }
            if let raw {
                guard let decoded = NumericBlockView(raw) else { throw .damaged(database, key: key, "block \(wanted) of field '\(field)' has \(raw.count) bytes") }
                view = decoded
            } else {
                view = nil
            }
        }
        let slot = Int(doc % UInt32(NumericBlock.docs))
        guard let view, view.has(slot) else { return nil }
        return view.value(slot)
    }
}
