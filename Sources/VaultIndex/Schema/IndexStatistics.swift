import VaultStorage

/// Collection statistics kept in `meta`, updated in the same transaction as every batch.
public struct IndexStatistics: Sendable, Equatable {
    /// Live (not deleted) documents.
    public var documentCount: UInt32 = 0
    /// The next document number to hand out; numbers are never reused, so postings stay append-only.
    public var nextDocNumber: UInt32 = 1
    /// The next term id to hand out.
    public var nextTermID: UInt32 = 1
    /// Sum of the token counts of each searchable field over live documents.
    public var fieldLengthTotals: [UInt64]

    init(fieldCount: Int) { fieldLengthTotals = Array(repeating: 0, count: fieldCount) }

    /// The average length of each field (1 when the index is empty, to avoid dividing by zero).
    public var averageFieldLengths: [Double] {
        fieldLengthTotals.map { documentCount == 0 ? 1 : max(Double($0) / Double(documentCount), 1e-9) }
    }

    func encoded() -> [UInt8] {
        var writer = ByteWriter()
        writer.varint(documentCount)
        writer.varint(nextDocNumber)
        writer.varint(nextTermID)
        writer.varint(fieldLengthTotals.count)
        for total in fieldLengthTotals {
            writer.uint32(UInt32(truncatingIfNeeded: total >> 32))
            writer.uint32(UInt32(truncatingIfNeeded: total))
        }
        return writer.bytes
    }

    static func decode(_ buffer: UnsafeRawBufferPointer) throws(IndexError) -> IndexStatistics {
        var reader = ByteReader(buffer)
        var stats = IndexStatistics(fieldCount: 0)
        stats.documentCount = reader.varint()
        stats.nextDocNumber = reader.varint()
        stats.nextTermID = reader.varint()
        let count = Int(reader.varint())
        guard count <= IndexSettings.maximumSearchableFields else { throw .corrupt("a statistics record for \(count) fields") }
        for _ in 0..<count { stats.fieldLengthTotals.append(UInt64(reader.uint32()) << 32 | UInt64(reader.uint32())) }
        if reader.failed || !reader.isAtEnd { throw .corrupt("the statistics record does not decode") }
        guard stats.nextDocNumber >= 1, stats.documentCount < stats.nextDocNumber, stats.nextTermID >= 1 else {
            throw .corrupt("statistics with \(stats.documentCount) documents, next doc number \(stats.nextDocNumber), next term id \(stats.nextTermID)")
        }
        return stats
    }

    /// The statistics stored in `transaction`, checked against `settings` (one length total per
    /// searchable field).
    static func load(_ transaction: Transaction, _ databases: IndexDatabases, settings: IndexSettings) throws -> IndexStatistics {
        guard let raw = try transaction.get(databases.meta, key: MetaKey.statistics) else {
            throw IndexError.damaged(databases.meta, key: MetaKey.statistics, "the statistics are missing")
        }
        let statistics: IndexStatistics
        do { statistics = try decode(raw) } catch { throw error.at(databases.meta, key: MetaKey.statistics) }
        guard statistics.fieldLengthTotals.count == settings.searchableFields.count else {
            throw IndexError.damaged(
                databases.meta, key: MetaKey.statistics,
                "\(statistics.fieldLengthTotals.count) field length totals for \(settings.searchableFields.count) searchable fields")
        }
        return statistics
    }
}
