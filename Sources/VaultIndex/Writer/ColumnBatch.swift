import VaultStorage

/// The column changes of one write transaction: documents entering and leaving facet sets, and
/// numeric values set or cleared. ``flush(_:)`` writes each touched set container and numeric block
/// once, so a batch of 1,000 counter updates rewrites each block it touches a single time.
struct ColumnBatch {
    private struct SetChange {
        var added: [UInt32] = []
        var removed: [UInt32] = []
        var spelling: String
    }

    private var setChanges: [ColumnValues.SetKey: SetChange] = [:]
    /// field -> doc -> new value (nil: cleared).
    private var numberChanges: [String: [UInt32: Double?]] = [:]

    var isEmpty: Bool { setChanges.isEmpty && numberChanges.isEmpty }

    /// Records that `doc` leaves `old`'s entries and enters `new`'s (either may be nil); entries both
    /// share are untouched.
    mutating func change(doc: UInt32, from old: ColumnValues?, to new: ColumnValues?) {
        let oldSets = old?.sets ?? [:], newSets = new?.sets ?? [:]
        for (key, spelling) in oldSets where newSets[key] == nil {
            setChanges[key, default: SetChange(spelling: spelling)].removed.append(doc)
        }
        for (key, spelling) in newSets where oldSets[key] == nil {
            setChanges[key, default: SetChange(spelling: spelling)].added.append(doc)
        }
        let oldNumbers = old?.numbers ?? [:], newNumbers = new?.numbers ?? [:]
        for (field, _) in oldNumbers where newNumbers[field] == nil { numberChanges[field, default: [:]][doc] = .some(nil) }
        for (field, value) in newNumbers where oldNumbers[field] != value { numberChanges[field, default: [:]][doc] = value }
    }

    /// Writes the changes in `txn`.
    func flush(_ txn: WriteTransaction, _ db: IndexDatabases) throws {
        var meta = try ColumnMeta.load(txn, db)
        var fieldIDs: [String: UInt16] = [:]
        func fieldID(_ name: String) throws -> UInt16 {
            if let id = fieldIDs[name] { return id }
            let id = try meta.fieldID(name, txn, db)
            fieldIDs[name] = id
            return id
        }
        for key in setChanges.keys.sorted() {
            let change = setChanges[key]!
            let field = try fieldID(key.field)
            try applySetChange(change, key: ColumnKeys.facetValueKey(field: field, kind: key.kind, value: key.value), meta: &meta, txn, db)
        }
        for field in numberChanges.keys.sorted() {
            let id = try fieldID(field)
            var byBlock: [UInt32: [(slot: Int, value: Double?)]] = [:]
            for (doc, value) in numberChanges[field]! {
                byBlock[doc / UInt32(NumericBlock.docs), default: []].append((Int(doc % UInt32(NumericBlock.docs)), value))
            }
            for (block, changes) in byBlock {
                let key = ColumnKeys.numberKey(field: id, block: block)
                var stored = NumericBlock()
                if let raw = try txn.get(db.numbers, key: key) {
                    guard let decoded = NumericBlock(raw) else { throw IndexError.damaged(db.numbers, key: key, "block \(block) of field '\(field)' has \(raw.count) bytes") }
                    stored = decoded
                }
                for change in changes { stored.set(change.slot, change.value) }
                if stored.isEmpty { try txn.delete(db.numbers, key: key) } else { try txn.put(db.numbers, key: key, value: stored.encoded()) }
            }
        }
        try meta.store(txn, db)
    }

    private func applySetChange(_ change: SetChange, key: [UInt8], meta: inout ColumnMeta, _ txn: WriteTransaction, _ db: IndexDatabases) throws {
        var entry: ColumnKeys.Entry
        if let raw = try txn.get(db.facetValues, key: key) {
            guard let decoded = ColumnKeys.Entry.decode(raw) else { throw IndexError.damaged(db.facetValues, key: key, "an entry of \(raw.count) bytes") }
            entry = decoded
        } else {
            guard change.removed.isEmpty else { throw IndexError.damaged(db.facetValues, key: key, "a document leaves a value the index does not have") }
            guard meta.nextSetID < UInt32.max else { throw IndexError.damaged(db.meta, key: ColumnKeys.metaKey, "no set id is left") }
            entry = ColumnKeys.Entry(set: meta.nextSetID, count: 0, spelling: change.spelling)
            meta.nextSetID += 1
        }
        var byHigh: [UInt16: (added: [UInt16], removed: [UInt16])] = [:]
        for doc in change.added { byHigh[UInt16(doc >> 16), default: ([], [])].added.append(UInt16(doc & 0xFFFF)) }
        for doc in change.removed { byHigh[UInt16(doc >> 16), default: ([], [])].removed.append(UInt16(doc & 0xFFFF)) }
        var count = Int(entry.count)
        for (high, delta) in byHigh {
            let setKey = ColumnKeys.setKey(set: entry.set, high: high)
            guard let updated = DocSetContainer.applying(try txn.get(db.facetSets, key: setKey), adding: delta.added, removing: delta.removed) else {
                throw IndexError.damaged(db.facetSets, key: setKey, "container \(high) of set \(entry.set) is malformed")
            }
            guard updated.removed == delta.removed.count else { throw IndexError.damaged(db.facetSets, key: setKey, "set \(entry.set) lacks a document it should hold") }
            count += delta.added.count - updated.removed
            if updated.count == 0 { try txn.delete(db.facetSets, key: setKey) } else { try txn.put(db.facetSets, key: setKey, value: updated.bytes) }
        }
        if count <= 0 {
            try txn.delete(db.facetValues, key: key)
        } else {
            entry.count = UInt32(count)
            try txn.put(db.facetValues, key: key, value: entry.encoded())
        }
    }
}

/// The column counters in `meta["columns"]` and the field-id table.
struct ColumnMeta {
    var nextSetID: UInt32 = 0
    var nextFieldID: UInt16 = 0

    static func load(_ txn: Transaction, _ db: IndexDatabases) throws -> ColumnMeta {
        guard let raw = try txn.get(db.meta, key: ColumnKeys.metaKey) else { return ColumnMeta() }
        guard raw.count == 6 else { throw IndexError.damaged(db.meta, key: ColumnKeys.metaKey, "a columns entry of \(raw.count) bytes") }
        return ColumnMeta(nextSetID: KeyCodec.decodeUInt32(raw), nextFieldID: UInt16(raw[4]) << 8 | UInt16(raw[5]))
    }

    func store(_ txn: WriteTransaction, _ db: IndexDatabases) throws {
        var out: [UInt8] = []
        KeyCodec.append(nextSetID, to: &out)
        out.append(UInt8(nextFieldID >> 8))
        out.append(UInt8(nextFieldID & 0xFF))
        try txn.put(db.meta, key: ColumnKeys.metaKey, value: out)
    }

    /// The id of field `name`, assigned when first seen.
    mutating func fieldID(_ name: String, _ txn: WriteTransaction, _ db: IndexDatabases) throws -> UInt16 {
        if let raw = try txn.get(db.fieldIDs, key: Array(name.utf8)) {
            guard raw.count == 2 else { throw IndexError.damaged(db.fieldIDs, key: Array(name.utf8), "a field id of \(raw.count) bytes") }
            return UInt16(raw[0]) << 8 | UInt16(raw[1])
        }
        guard nextFieldID < UInt16.max else { throw IndexError.invalidDocument("more than 65,535 column fields") }
        let id = nextFieldID
        nextFieldID += 1
        try txn.put(db.fieldIDs, key: Array(name.utf8), value: [UInt8(id >> 8), UInt8(id & 0xFF)])
        return id
    }
}
