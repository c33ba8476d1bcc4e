import VaultStorage

/// The columns' part of ``IndexSnapshot/check()``: recomputes, from the stored documents and the
/// settings, what every facet set, dictionary entry and numeric block must hold, and compares with
/// what is stored — missing or extra members, wrong counts, stale min/max, entries no document
/// needs, blocks that do not decode. O(documents × column values).
struct ColumnCheck {
    let snapshot: IndexSnapshot

    func run(limit: Int) throws -> [String] {
        var problems: [String] = []
        func problem(_ text: String) { if problems.count < limit { problems.append(text) } }
        let txn = snapshot.transaction
        let db = snapshot.index.databases
        let schema = ColumnSchema(settings: snapshot.settings)

        // What the documents imply.
        var expectedSets: [ColumnValues.SetKey: [UInt32]] = [:]
        var expectedNumbers: [String: [UInt32: Double]] = [:]
        let docs = try txn.cursor(db.docs)
        var entry = try docs.first()
        while let (key, value) = entry {
            guard key.count == 4 else {
                entry = try docs.next()
                continue  // reported by the documents' check
            }
            let doc = KeyCodec.decodeUInt32(key)
            guard let document = try? StoredDocumentCodec.decode(value) else {
                problem("docs: document \(doc) does not decode")
                entry = try docs.next()
                continue
            }
            let values = ColumnValues(document: document, schema: schema)
            for key in values.sets.keys { expectedSets[key, default: []].append(doc) }
            for (field, number) in values.numbers { expectedNumbers[field, default: [:]][doc] = number }
            entry = try docs.next()
        }

        // Field ids, both ways.
        var names: [UInt16: String] = [:]
        let fields = try txn.cursor(db.fieldIDs)
        entry = try fields.first()
        while let (key, value) = entry {
            if value.count == 2 { names[UInt16(value[0]) << 8 | UInt16(value[1])] = String(decoding: key, as: UTF8.self) } else {
                problem("fieldids: the entry of '\(String(decoding: key, as: UTF8.self))' has \(value.count) bytes")
            }
            entry = try fields.next()
        }

        // Every dictionary entry against the documents.
        var seenSets = Set<UInt32>()
        let dictionary = try txn.cursor(db.facetValues)
        entry = try dictionary.first()
        while let (key, value) = entry {
            guard key.count >= 3, let field = names[UInt16(key[0]) << 8 | UInt16(key[1])], let kind = ColumnKeys.Kind(rawValue: key[2]),
                let stored = ColumnKeys.Entry.decode(value)
            else {
                problem("facetvalues: an entry does not decode")
                entry = try dictionary.next()
                continue
            }
            let text = String(decoding: UnsafeRawBufferPointer(rebasing: key[3...]), as: UTF8.self)
            let setKey = ColumnValues.SetKey(field: field, kind: kind, value: text)
            let label = "facet '\(field)' \(kind) '\(text)'"
            seenSets.insert(stored.set)
            var members = DocSet(capacity: snapshot.docCapacity)
            do { try snapshot.addSet(stored.set, to: &members) } catch { problem("\(label): \(error)") }
            let want = expectedSets.removeValue(forKey: setKey) ?? []
            if members.members != want.sorted() {
                problem("\(label): the set holds \(members.count) documents, the stored documents give \(want.count)")
            }
            if Int(stored.count) != want.count { problem("\(label): count \(stored.count), the stored documents give \(want.count)") }
            entry = try dictionary.next()
        }
        for key in expectedSets.keys.sorted().prefix(5) { problem("facet '\(key.field)' \(key.kind) '\(key.value)': no dictionary entry for \(expectedSets[key]!.count) documents") }

        // No container of a set the dictionary does not name.
        let sets = try txn.cursor(db.facetSets)
        entry = try sets.first()
        while let (key, _) = entry {
            if key.count != 6 { problem("facetsets: a key of \(key.count) bytes") } else if !seenSets.contains(KeyCodec.decodeUInt32(key)) {
                problem("facetsets: set \(KeyCodec.decodeUInt32(key)) has no dictionary entry")
            }
            entry = try sets.next()
        }

        // Numeric blocks: values, presence and the min/max header.
        let numbers = try txn.cursor(db.numbers)
        entry = try numbers.first()
        while let (key, value) = entry {
            guard key.count == 6, let field = names[UInt16(key[0]) << 8 | UInt16(key[1])] else {
                problem("numbers: a key does not decode")
                entry = try numbers.next()
                continue
            }
            let block = KeyCodec.decodeUInt32(key, at: 2)
            guard let decoded = NumericBlock(value), let view = NumericBlockView(value) else {
                problem("numbers: block \(block) of '\(field)' has \(value.count) bytes")
                entry = try numbers.next()
                continue
            }
            var low = Double.infinity, high = -Double.infinity
            for slot in 0..<NumericBlock.docs {
                let doc = block * UInt32(NumericBlock.docs) + UInt32(slot)
                let want = expectedNumbers[field]?.removeValue(forKey: doc)
                let got = decoded.has(slot) ? decoded.values[slot] : nil
                if want != got { problem("numbers: '\(field)' of doc \(doc) is \(got.map { "\($0)" } ?? "absent"), the document has \(want.map { "\($0)" } ?? "none")") }
                if let got {
                    low = min(low, got)
                    high = max(high, got)
                }
            }
            if decoded.isEmpty { problem("numbers: block \(block) of '\(field)' is empty but stored") }
            if !decoded.isEmpty && (view.minimum != low || view.maximum != high) { problem("numbers: block \(block) of '\(field)' has a stale min/max") }
            entry = try numbers.next()
        }
        for (field, left) in expectedNumbers where !left.isEmpty { problem("numbers: '\(field)' lacks \(left.count) documents' values") }
        return problems
    }
}
