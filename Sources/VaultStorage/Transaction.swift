import CLMDB

/// An LMDB transaction. Reads see one consistent snapshot for the transaction's whole life.
///
/// Values returned by ``get(_:key:)`` and by cursors point into the memory map: they are valid only
/// until the transaction ends, and must be copied (or decoded) before that. Transactions are not
/// `Sendable`: a transaction belongs to the code that began it.
public class Transaction {
    var handle: OpaquePointer?
    /// The environment this transaction reads.
    public let environment: Environment

    init(environment: Environment, writable: Bool) throws {
        self.environment = environment
        var txn: OpaquePointer?
        try StorageError.check(
            mdb_txn_begin(environment.handle, nil, writable ? 0 : UInt32(MDB_RDONLY), &txn),
            writable ? "beginning a write transaction" : "beginning a read transaction")
        self.handle = txn
    }

    deinit { if let handle { mdb_txn_abort(handle) } }

    /// Ends the transaction without committing. Safe to call more than once.
    public func abort() {
        if let handle { mdb_txn_abort(handle) }
        handle = nil
    }

    func commit() throws {
        guard let txn = handle else { return }
        handle = nil
        try StorageError.check(mdb_txn_commit(txn), "committing")
    }

    /// LMDB's id of the snapshot this transaction reads (a read transaction: the last committed
    /// write's id), so two transactions with the same id see the same data.
    public var snapshotID: UInt64 { UInt64(mdb_txn_id(live)) }

    var live: OpaquePointer {
        guard let handle else { preconditionFailure("transaction used after it ended") }
        return handle
    }

    /// The value stored under `key` (without its checksum), or nil. The buffer dies with the
    /// transaction.
    /// - Throws: ``StorageError/damaged(_:)`` when the value is too short to carry a checksum, or
    ///   (for a database opened with `verifiesReads`) when the checksum does not match.
    public func get(_ database: Database, key: UnsafeRawBufferPointer) throws -> UnsafeRawBufferPointer? {
        guard let stored = try rawValue(database, key: key) else { return nil }
        return try Self.unwrap(stored, key: key, database: database)
    }

    /// The value stored under `key` as LMDB holds it, checksum included (for reading data written
    /// before checksums existed, such as an older index's format version).
    public func rawValue(_ database: Database, key: UnsafeRawBufferPointer) throws -> UnsafeRawBufferPointer? {
        var k = MDB_val(mv_size: key.count, mv_data: UnsafeMutableRawPointer(mutating: key.baseAddress))
        var v = MDB_val()
        let code = mdb_get(live, database.dbi, &k, &v)
        if code == MDB_NOTFOUND { return nil }
        try StorageError.check(code, "reading \(KeyText.describe(key)) from '\(database.name)'")
        return UnsafeRawBufferPointer(start: v.mv_data, count: v.mv_size)
    }

    /// The value stored under `key` as LMDB holds it, checksum included.
    public func rawValue(_ database: Database, key: [UInt8]) throws -> UnsafeRawBufferPointer? {
        try key.withUnsafeBytes { (raw) in try rawValue(database, key: raw) }
    }

    /// `stored` without its checksum, checked when `database` verifies reads.
    @inline(__always)
    static func unwrap(_ stored: UnsafeRawBufferPointer, key: UnsafeRawBufferPointer, database: Database) throws(StorageError) -> UnsafeRawBufferPointer {
        guard let value = ValueChecksum.strip(stored) else {
            throw .damaged("'\(database.name)' key \(KeyText.describe(key)): a value of \(stored.count) bytes has no checksum")
        }
        if database.verifiesReads && !ValueChecksum.matches(key: key, stored: stored) {
            throw .damaged("'\(database.name)' key \(KeyText.describe(key)): the value does not match its checksum")
        }
        return value
    }

    /// The value stored under `key` (without its checksum), or nil. The buffer dies with the transaction.
    public func get(_ database: Database, key: [UInt8]) throws -> UnsafeRawBufferPointer? {
        try key.withUnsafeBytes { (raw) in try get(database, key: raw) }
    }

    /// The value stored under `key`, copied out.
    public func getBytes(_ database: Database, key: [UInt8]) throws -> [UInt8]? {
        try get(database, key: key).map { Array($0) }
    }

    /// Opens a cursor over `database`, positioned nowhere; it dies with the transaction.
    public func cursor(_ database: Database) throws -> Cursor {
        try Cursor(transaction: self, database: database)
    }

    /// The number of entries in `database`.
    public func count(_ database: Database) throws -> Int {
        var stat = MDB_stat()
        try StorageError.check(mdb_stat(live, database.dbi, &stat), "reading stats of '\(database.name)'")
        return stat.ms_entries
    }
}

/// A read-only transaction: a snapshot of the environment at the moment it began.
/// Never blocks a writer and is never blocked by one.
public final class ReadTransaction: Transaction {
    init(environment: Environment) throws {
        try super.init(environment: environment, writable: false)
    }
}

/// The single write transaction. Everything written becomes visible to new readers atomically
/// when ``Environment/write(_:)`` commits it; nothing is visible if it aborts.
public final class WriteTransaction: Transaction {
    init(environment: Environment) throws {
        try super.init(environment: environment, writable: true)
    }

    /// Stores `value` under `key`, replacing any previous value, with its checksum after it.
    /// `value` must not point into the map (LMDB may move pages while it makes room).
    public func put(_ database: Database, key: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer) throws {
        var k = MDB_val(mv_size: key.count, mv_data: UnsafeMutableRawPointer(mutating: key.baseAddress))
        var v = MDB_val(mv_size: value.count + ValueChecksum.size, mv_data: nil)
        try StorageError.check(mdb_put(live, database.dbi, &k, &v, UInt32(MDB_RESERVE)), "writing to '\(database.name)'")
        ValueChecksum.write(key: key, value: value, into: UnsafeMutableRawBufferPointer(start: v.mv_data, count: v.mv_size))
    }

    /// Stores `value` under `key`, replacing any previous value.
    public func put(_ database: Database, key: [UInt8], value: [UInt8]) throws {
        try key.withUnsafeBytes { (k) in
            try value.withUnsafeBytes { (v) in try put(database, key: k, value: v) }
        }
    }

    /// Removes `key`; returns whether it was there.
    @discardableResult
    public func delete(_ database: Database, key: UnsafeRawBufferPointer) throws -> Bool {
        var k = MDB_val(mv_size: key.count, mv_data: UnsafeMutableRawPointer(mutating: key.baseAddress))
        let code = mdb_del(live, database.dbi, &k, nil)
        if code == MDB_NOTFOUND { return false }
        try StorageError.check(code, "deleting from '\(database.name)'")
        return true
    }

    /// Removes `key`; returns whether it was there.
    @discardableResult
    public func delete(_ database: Database, key: [UInt8]) throws -> Bool {
        try key.withUnsafeBytes { (k) in try delete(database, key: k) }
    }

    /// Removes every entry of `database` (the database itself stays).
    public func clear(_ database: Database) throws {
        try StorageError.check(mdb_drop(live, database.dbi, 0), "clearing '\(database.name)'")
    }
}
