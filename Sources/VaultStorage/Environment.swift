import CLMDB
#if canImport(Glibc)
import Glibc
#endif

/// One LMDB environment: a directory holding `data.mdb` (and `lock.mdb`), with named databases.
///
/// Concurrency model (see ARCHITECTURE.md): any number of read transactions run concurrently, on any
/// thread (`MDB_NOTLS`), each seeing a fixed snapshot; one write transaction at a time, which LMDB
/// serializes with its own mutex. A write transaction runs start to finish inside one synchronous
/// closure, so it never leaves the thread that began it.
///
/// `@unchecked Sendable`: the only stored state is the `MDB_env` pointer (immutable after `init`)
/// and the database table (guarded by a lock). LMDB documents the environment handle as safe to
/// share between threads; transactions, which are not, are never `Sendable`.
public final class Environment: @unchecked Sendable {
    /// Settings for opening an environment.
    public struct Options: Sendable {
        /// Upper bound of the memory map in bytes; sparse on disk, so generous is free.
        public var mapSize: Int = 64 << 30
        /// How many named databases the environment may hold.
        public var maxDatabases: Int = 32
        /// How many read transactions may be open at once.
        public var maxReaders: Int = 256
        /// Open without write access.
        public var readOnly: Bool = false
        /// Skip fsync on commit (`MDB_NOSYNC`): faster bulk loads, durability only at `sync()`.
        public var noSync: Bool = false
        /// Default options.
        public init() {}
    }

    let handle: OpaquePointer
    /// The directory of the environment.
    public let path: String
    /// Whether the environment was opened read-only.
    public let isReadOnly: Bool

    /// Opens (creating when allowed) the environment in `directory`.
    /// - Throws: ``StorageError/badDirectory(path:reason:)`` when the directory is missing in read-only
    ///   mode or cannot be created; ``StorageError/lmdb(code:message:operation:)`` for LMDB failures.
    public init(directory: String, options: Options = Options()) throws {
        var isDirectory = false
        if !Self.directoryExists(directory, isDirectory: &isDirectory) {
            if options.readOnly { throw StorageError.badDirectory(path: directory, reason: "no such directory") }
            if mkdir(directory, 0o755) != 0 && errno != EEXIST {
                throw StorageError.badDirectory(path: directory, reason: String(cString: strerror(errno)))
            }
        } else if !isDirectory {
            throw StorageError.badDirectory(path: directory, reason: "not a directory")
        }
        // LMDB trusts its meta pages (a page size of 0 divides by zero inside mdb_env_open, a file
        // shorter than its last page faults on the first read past its end): check them first.
        try DataFileCheck.validate(directory: directory)
        var env: OpaquePointer?
        try StorageError.check(mdb_env_create(&env), "creating the environment")
        guard let env else { throw StorageError.lmdb(code: -1, message: "no handle", operation: "creating the environment") }
        do {
            try StorageError.check(mdb_env_set_mapsize(env, options.mapSize), "setting the map size")
            try StorageError.check(mdb_env_set_maxdbs(env, MDB_dbi(options.maxDatabases)), "setting max databases")
            try StorageError.check(mdb_env_set_maxreaders(env, UInt32(options.maxReaders)), "setting max readers")
            var flags = UInt32(MDB_NOTLS) | UInt32(MDB_NORDAHEAD)
            if options.readOnly { flags |= UInt32(MDB_RDONLY) }
            if options.noSync { flags |= UInt32(MDB_NOSYNC) }
            try StorageError.check(mdb_env_open(env, directory, flags, 0o644), "opening '\(directory)'")
        } catch {
            mdb_env_close(env)
            throw error
        }
        self.handle = env
        self.path = directory
        self.isReadOnly = options.readOnly
    }

    deinit { mdb_env_close(handle) }

    private static func directoryExists(_ path: String, isDirectory: inout Bool) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0 else { return false }
        isDirectory = (info.st_mode & S_IFMT) == S_IFDIR
        return true
    }

    /// Opens the named database, creating it when `create` is true (which needs a writable
    /// environment); with `verifiesReads`, every read checks the value's checksum.
    /// - Throws: ``StorageError/databaseNotFound(name:)`` when it does not exist and `create` is false.
    public func database(_ name: String, create: Bool = true, verifiesReads: Bool = false) throws -> Database {
        let canCreate = create && !isReadOnly
        let txn = try Transaction(environment: self, writable: canCreate)
        var dbi: MDB_dbi = 0
        let code = mdb_dbi_open(txn.handle, name, canCreate ? UInt32(MDB_CREATE) : 0, &dbi)
        if code == MDB_NOTFOUND {
            txn.abort()
            throw StorageError.databaseNotFound(name: name)
        }
        try StorageError.check(code, "opening database '\(name)'")
        try txn.commit()
        return Database(dbi: dbi, name: name, verifiesReads: verifiesReads)
    }

    /// Runs `body` in a read transaction over the current snapshot and ends it afterwards.
    public func read<R>(_ body: (ReadTransaction) throws -> R) throws -> R {
        let txn = try ReadTransaction(environment: self)
        defer { txn.abort() }
        return try body(txn)
    }

    /// Begins a read transaction that the caller keeps (a snapshot) and ends with ``Transaction/abort()``
    /// or by releasing it.
    public func beginRead() throws -> ReadTransaction {
        try ReadTransaction(environment: self)
    }

    /// Runs `body` in a write transaction: commits when it returns, aborts when it throws.
    /// Only one write transaction runs at a time; others wait for it.
    public func write<R>(_ body: (WriteTransaction) throws -> R) throws -> R {
        let txn = try WriteTransaction(environment: self)
        do {
            let result = try body(txn)
            try txn.commit()
            return result
        } catch {
            txn.abort()
            throw error
        }
    }

    /// Flushes the data to disk (needed only with ``Options/noSync``).
    public func sync() throws {
        try StorageError.check(mdb_env_sync(handle, 1), "syncing")
    }

    /// Writes a consistent, compacted copy of the environment into `directory` (which must exist
    /// and be empty); used for backups and to swap in a rebuilt index.
    public func copy(to directory: String, compact: Bool = true) throws {
        try StorageError.check(
            mdb_env_copy2(handle, directory, compact ? UInt32(MDB_CP_COMPACT) : 0), "copying to '\(directory)'")
    }

    /// Facts about the environment's size, for `inspect` and `/stats`.
    public func info() throws -> EnvironmentInfo {
        var info = MDB_envinfo()
        try StorageError.check(mdb_env_info(handle, &info), "reading environment info")
        var stat = MDB_stat()
        try StorageError.check(mdb_env_stat(handle, &stat), "reading environment stats")
        return EnvironmentInfo(
            mapSize: info.me_mapsize, pageSize: Int(stat.ms_psize),
            lastPageNumber: info.me_last_pgno, lastTransactionID: info.me_last_txnid,
            readers: Int(info.me_numreaders))
    }
}

/// Sizes and counters of an ``Environment``.
public struct EnvironmentInfo: Sendable {
    /// The configured map size in bytes.
    public var mapSize: Int
    /// The page size in bytes.
    public var pageSize: Int
    /// The highest page number in use: `(lastPageNumber + 1) * pageSize` is the data file's used size.
    public var lastPageNumber: Int
    /// The id of the last committed write transaction.
    public var lastTransactionID: Int
    /// How many reader slots are in use.
    public var readers: Int
    /// Bytes of the data file in use.
    public var usedBytes: Int { (lastPageNumber + 1) * pageSize }
}
