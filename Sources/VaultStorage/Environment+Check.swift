import CLMDB
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Environment {
    /// Checks the B-tree structure of the current snapshot of `data.mdb` (see ``StructureCheck``):
    /// every fault found, at most `limit`; empty when LMDB can walk the file safely.
    ///
    /// Call it before opening databases on a file that may be damaged: opening one already walks
    /// the main tree. A read transaction pins the snapshot while the file is read through a
    /// private read-only mapping cut at the file's length, so a damaged page number cannot fault.
    /// O(pages in use).
    public func checkStructure(limit: Int = 100) throws -> [String] {
        let path = self.path + "/data.mdb"
        let transaction = try ReadTransaction(environment: self)
        defer { transaction.abort() }
        let snapshot = UInt64(mdb_txn_id(transaction.live))
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw StorageError.badDirectory(path: self.path, reason: "cannot read data.mdb: \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw StorageError.badDirectory(path: self.path, reason: "cannot stat data.mdb") }
        let size = Int(info.st_size)
        guard size >= PageLayout.metaEnd, let mapping = mmap(nil, size, PROT_READ, MAP_SHARED, descriptor, 0), mapping != MAP_FAILED else {
            return ["data.mdb (\(size) bytes) cannot be mapped for reading"]
        }
        defer { munmap(mapping, size) }
        let file = UnsafeRawBufferPointer(start: mapping, count: size)
        let first = MetaPage(number: 0, RawBytes(raw: file))
        let pageSize = first.pageSize
        guard pageSize >= PageLayout.minimumPageSize, pageSize <= PageLayout.maximumPageSize, size >= pageSize + PageLayout.metaEnd else {
            return ["data.mdb meta page 0 records a page size of \(pageSize) bytes"]
        }
        let second = MetaPage(number: 1, RawBytes(raw: UnsafeRawBufferPointer(rebasing: file[pageSize...])))
        var faults = (first.problems(fileSize: size) + second.problems(fileSize: size)).map { "data.mdb \($0)" }
        if faults.isEmpty { faults = MetaPage.pairProblems(first, second).map { "data.mdb: \($0)" } }
        guard faults.isEmpty else { return Array(faults.prefix(limit)) }
        guard let meta = [first, second].first(where: { $0.transaction == snapshot }) else {
            return ["data.mdb: neither meta page is the one of transaction \(snapshot) that LMDB reads (\(first.transaction), \(second.transaction))"]
        }
        var check = StructureCheck(file: file, pageSize: pageSize, lastPage: Int(meta.lastPage), limit: limit)
        check.run(meta: meta)
        faults = check.faults
        return faults
    }
}

extension Transaction {
    /// Checks the checksum of every entry of `database` in this transaction's snapshot (see
    /// ``ValueChecksum``): a message naming the key of each entry whose key or value was damaged,
    /// at most `limit`.
    public func verifyChecksums(of database: Database, limit: Int = 100) throws -> [String] {
        var faults: [String] = []
        let cursor = try Cursor(transaction: self, database: database)
        var entry = try cursor.rawFirst()
        while let (key, stored) = entry, faults.count < limit {
            if !ValueChecksum.matches(key: key, stored: stored) {
                faults.append("'\(database.name)' key \(KeyText.describe(key)): the entry does not match its checksum")
            }
            entry = try cursor.rawNext()
        }
        return faults
    }
}

extension Environment {
    /// The names of the environment's named databases (the keys of LMDB's unnamed main database),
    /// including those of layers no one has opened in this process, so a check can walk them all.
    public func databaseNames() throws -> [String] {
        try read { txn in
            var dbi: MDB_dbi = 0
            try StorageError.check(mdb_dbi_open(txn.handle, nil, 0, &dbi), "opening the main database")
            let cursor = try Cursor(transaction: txn, database: Database(dbi: dbi, name: "(main)", verifiesReads: false))
            var names: [String] = []
            var entry = try cursor.rawFirst()
            while let (key, _) = entry {
                names.append(String(decoding: key, as: UTF8.self))
                entry = try cursor.rawNext()
            }
            return names
        }
    }

    /// ``Transaction/verifyChecksums(of:limit:)`` over every named database whose name is not in
    /// `skipping`, each in a fresh read transaction (a database opened now is not visible to
    /// transactions begun before it).
    public func verifyChecksums(ofDatabasesOtherThan skipping: Set<String>, limit: Int = 100) throws -> [String] {
        var faults: [String] = []
        for name in try databaseNames() where !skipping.contains(name) && faults.count < limit {
            let database = try self.database(name, create: false)
            faults += try read { txn in try txn.verifyChecksums(of: database, limit: limit - faults.count) }
        }
        return faults
    }
}
