import VaultStorage

/// How far an index has followed its primary store's change log: the last sequence number applied
/// and the name of the source configuration the documents were built with.
///
/// It lives in `meta` under the key `"ingest"` (sequence as 8 bytes big-endian, then the source
/// name in UTF-8) and is written by the tailer inside the same write transaction as the batch it
/// describes (``IndexWriter/apply(_:commitMetadata:)``), so a crash can neither lose a change nor
/// apply one twice.
public struct IngestCursor: Sendable, Equatable {
    /// The last change-log sequence number whose change is in the index.
    public var sequence: Int64
    /// The source configuration's name.
    public var source: String

    /// A cursor.
    public init(sequence: Int64, source: String) {
        self.sequence = sequence
        self.source = source
    }

    static let key = Array("ingest".utf8)

    func encoded() -> [UInt8] {
        var bytes: [UInt8] = []
        KeyCodec.append(UInt64(bitPattern: sequence), to: &bytes)
        return bytes + Array(source.utf8)
    }

    static func decode(_ raw: UnsafeRawBufferPointer) throws(IndexError) -> IngestCursor {
        guard raw.count >= 8 else { throw .corrupt("ingest cursor record") }
        let sequence = KeyCodec.decodeUInt64(raw)
        return IngestCursor(sequence: Int64(bitPattern: sequence), source: String(decoding: raw.dropFirst(8), as: UTF8.self))
    }
}

extension Index {
    /// Stores `cursor` in `transaction`; call it from `commitMetadata` so it commits with the batch.
    public func storeIngestCursor(_ cursor: IngestCursor, in transaction: WriteTransaction) throws {
        try transaction.put(databases.meta, key: IngestCursor.key, value: cursor.encoded())
    }

    /// The cursor as seen by `transaction` (inside a write, the value about to be replaced).
    public func ingestCursor(in transaction: Transaction) throws -> IngestCursor? {
        guard let raw = try transaction.get(databases.meta, key: IngestCursor.key) else { return nil }
        return try IngestCursor.decode(raw)
    }

    /// The cursor as last committed, or nil when the index was never fed from a change log.
    public func ingestCursor() throws(IndexError) -> IngestCursor? { try snapshot().ingestCursor() }
}

extension IndexSnapshot {
    /// The cursor as of this snapshot, or nil when there is none.
    public func ingestCursor() throws(IndexError) -> IngestCursor? {
        let raw = try IndexError.wrap { try transaction.get(index.databases.meta, key: IngestCursor.key) }
        guard let raw else { return nil }
        return try IngestCursor.decode(raw)
    }

    /// Calls `body` with every stored document, in doc-number order (to compare two indexes
    /// document by document).
    public func forEachDocument(_ body: (Document) throws -> Void) throws {
        let cursor = try IndexError.wrap { try transaction.cursor(index.databases.docs) }
        var entry = try IndexError.wrap { try cursor.first() }
        while let current = entry {
            try body(try StoredDocumentCodec.decode(current.value))
            entry = try IndexError.wrap { try cursor.next() }
        }
    }
}
