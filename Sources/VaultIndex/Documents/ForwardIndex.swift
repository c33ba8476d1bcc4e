/// The forward index of one document (`docterms`): its searchable field lengths and the ids of
/// its terms, which a delete visits to take the document out of every postings list.
///
/// ```
/// field count: varint | per field: length varint | term count: varint | term ids ascending:
/// first absolute, then gaps (varints)
/// ```
struct ForwardIndex: Equatable {
    var fieldLengths: [UInt32]
    var termIDs: [UInt32]

    func encoded() -> [UInt8] {
        var writer = ByteWriter(capacity: termIDs.count * 2 + 8)
        writer.varint(fieldLengths.count)
        for length in fieldLengths { writer.varint(length) }
        writer.varint(termIDs.count)
        var previous: UInt32 = 0
        for id in termIDs {
            writer.varint(id - previous)
            previous = id
        }
        return writer.bytes
    }

    /// Decodes a stored entry of an index with `fieldCount` searchable fields, checking that the
    /// term ids ascend and that nothing is left over.
    /// - Throws: ``IndexError/corrupt(_:)`` saying what is wrong (the caller adds the key).
    static func decode(_ raw: UnsafeRawBufferPointer, fieldCount: Int) throws(IndexError) -> ForwardIndex {
        var reader = ByteReader(raw)
        let fields = Int(reader.varint())
        guard !reader.failed, fields == fieldCount else { throw .corrupt("a forward index of \(fields) fields, the index has \(fieldCount)") }
        var lengths: [UInt32] = []
        for _ in 0..<fields { lengths.append(reader.varint()) }
        let count = Int(reader.varint())
        guard !reader.failed, count <= reader.remaining else { throw .corrupt("a forward index of \(count) terms in \(raw.count) bytes") }
        var ids: [UInt32] = []
        ids.reserveCapacity(count)
        var id: UInt32 = 0
        for _ in 0..<count {
            let gap = reader.varint()
            let (next, overflow) = id.addingReportingOverflow(gap)
            guard !overflow, gap > 0 else { throw .corrupt("the term ids of a forward index do not ascend") }
            id = next
            ids.append(id)
        }
        if reader.failed || !reader.isAtEnd { throw .corrupt("the forward index does not end where its terms do") }
        return ForwardIndex(fieldLengths: lengths, termIDs: ids)
    }
}
