import CLMDB

/// A cursor over one database, iterating keys in byte order. Keys and values it returns point into
/// the memory map and die with the transaction (or with the next move, for a write transaction).
/// Values come without their checksum (see ``ValueChecksum``), checked when the database verifies reads.
public final class Cursor {
    private var handle: OpaquePointer?
    /// Keeps the transaction alive while the cursor is.
    private let transaction: Transaction
    private let database: Database

    /// One entry: key and value buffers valid until the next move or the end of the transaction.
    public typealias Entry = (key: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer)

    init(transaction: Transaction, database: Database) throws {
        self.transaction = transaction
        self.database = database
        var cursor: OpaquePointer?
        try StorageError.check(mdb_cursor_open(transaction.live, database.dbi, &cursor), "opening a cursor on '\(database.name)'")
        self.handle = cursor
    }

    deinit { if let handle { mdb_cursor_close(handle) } }

    private func rawMove(_ op: MDB_cursor_op, key: UnsafeRawBufferPointer? = nil) throws -> Entry? {
        guard transaction.handle != nil else { preconditionFailure("cursor used after its transaction ended") }
        var k = MDB_val(mv_size: key?.count ?? 0, mv_data: UnsafeMutableRawPointer(mutating: key?.baseAddress))
        var v = MDB_val()
        let code = mdb_cursor_get(handle, &k, &v, op)
        if code == MDB_NOTFOUND { return nil }
        try StorageError.check(code, "moving a cursor over '\(database.name)'")
        return (UnsafeRawBufferPointer(start: k.mv_data, count: k.mv_size), UnsafeRawBufferPointer(start: v.mv_data, count: v.mv_size))
    }

    private func move(_ op: MDB_cursor_op, key: UnsafeRawBufferPointer? = nil) throws -> Entry? {
        guard let (found, stored) = try rawMove(op, key: key) else { return nil }
        return (found, try Transaction.unwrap(stored, key: found, database: database))
    }

    /// The first entry, its value with the checksum (for ``Environment/verifyChecksums(of:limit:)``).
    func rawFirst() throws -> Entry? { try rawMove(MDB_FIRST) }
    /// The next entry, its value with the checksum.
    func rawNext() throws -> Entry? { try rawMove(MDB_NEXT) }

    /// The first entry in key order.
    public func first() throws -> Entry? { try move(MDB_FIRST) }
    /// The last entry in key order.
    public func last() throws -> Entry? { try move(MDB_LAST) }
    /// The entry after the current one.
    public func next() throws -> Entry? { try move(MDB_NEXT) }
    /// The entry before the current one.
    public func previous() throws -> Entry? { try move(MDB_PREV) }

    /// The first entry whose key is greater than or equal to `key`.
    public func seek(atLeast key: UnsafeRawBufferPointer) throws -> Entry? {
        try move(MDB_SET_RANGE, key: key)
    }

    /// The first entry whose key is greater than or equal to `key`.
    public func seek(atLeast key: [UInt8]) throws -> Entry? {
        try key.withUnsafeBytes { (k) in try seek(atLeast: k) }
    }
}
