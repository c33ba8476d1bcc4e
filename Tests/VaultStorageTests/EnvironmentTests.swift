import Testing
@testable import VaultStorage

@Suite("LMDB environment and transactions")
struct EnvironmentTests {
    @Test("a committed write is read back; an aborted one leaves nothing")
    func commitAndAbort() throws {
        let dir = TemporaryDirectory(); defer { dir.cleanUp() }
        let env = try Environment(directory: dir.path)
        let db = try env.database("things")
        try env.write { txn in try txn.put(db, key: Array("a".utf8), value: [1, 2, 3]) }
        struct Boom: Error {}
        #expect(throws: Boom.self) {
            try env.write { (txn) throws in
                try txn.put(db, key: Array("b".utf8), value: [9])
                throw Boom()
            }
        }
        try env.read { (txn) throws in
            #expect(try txn.getBytes(db, key: Array("a".utf8)) == [1, 2, 3])
            #expect(try txn.getBytes(db, key: Array("b".utf8)) == nil)
            #expect(try txn.count(db) == 1)
        }
    }

    @Test("a reader keeps its snapshot while a writer commits")
    func snapshotIsolation() throws {
        let dir = TemporaryDirectory(); defer { dir.cleanUp() }
        let env = try Environment(directory: dir.path)
        let db = try env.database("things")
        try env.write { try $0.put(db, key: [1], value: [10]) }
        let snapshot = try env.beginRead()
        try env.write { (txn) throws in
            try txn.put(db, key: [1], value: [11])
            try txn.put(db, key: [2], value: [20])
        }
        #expect(try snapshot.getBytes(db, key: [1]) == [10])
        #expect(try snapshot.getBytes(db, key: [2]) == nil)
        snapshot.abort()
        #expect(try env.read { try $0.getBytes(db, key: [1]) } == [11])
    }

    @Test("cursors walk keys in byte order and seek to the first key at least the target")
    func cursorOrder() throws {
        let dir = TemporaryDirectory(); defer { dir.cleanUp() }
        let env = try Environment(directory: dir.path)
        let db = try env.database("ordered")
        let keys: [UInt32] = [500, 3, 70000, 12, 256]
        try env.write { txn in for k in keys { try txn.put(db, key: KeyCodec.encode(k), value: []) } }
        try env.read { (txn) throws in
            let cursor = try txn.cursor(db)
            var seen: [UInt32] = []
            var entry = try cursor.first()
            while let e = entry { seen.append(KeyCodec.decodeUInt32(e.key)); entry = try cursor.next() }
            #expect(seen == keys.sorted())
            let found = try cursor.seek(atLeast: KeyCodec.encode(13))
            #expect(found.map { KeyCodec.decodeUInt32($0.key) } == 256)
            #expect(try cursor.seek(atLeast: KeyCodec.encode(70001)) == nil)
        }
    }

    @Test("deleting and clearing remove entries")
    func deleteAndClear() throws {
        let dir = TemporaryDirectory(); defer { dir.cleanUp() }
        let env = try Environment(directory: dir.path)
        let db = try env.database("d")
        try env.write { txn in for k: UInt8 in 0..<10 { try txn.put(db, key: [k], value: [k]) } }
        try env.write { (txn) throws in
            #expect(try txn.delete(db, key: [3]))
            #expect(try !txn.delete(db, key: [42]))
        }
        #expect(try env.read { try $0.count(db) } == 9)
        try env.write { try $0.clear(db) }
        #expect(try env.read { try $0.count(db) } == 0)
    }

    @Test("a missing directory opened read-only is a clear error; a file is not a directory")
    func badDirectories() throws {
        let dir = TemporaryDirectory(); defer { dir.cleanUp() }
        var options = Environment.Options()
        options.readOnly = true
        #expect(throws: StorageError.badDirectory(path: dir.path + "/nope", reason: "no such directory")) {
            _ = try Environment(directory: dir.path + "/nope", options: options)
        }
        let file = dir.path + "/file"
        #expect(FileManagerShim.createFile(file))
        #expect(throws: StorageError.badDirectory(path: file, reason: "not a directory")) {
            _ = try Environment(directory: file)
        }
    }

    @Test("a database that does not exist is not created when not asked to")
    func missingDatabase() throws {
        let dir = TemporaryDirectory(); defer { dir.cleanUp() }
        let env = try Environment(directory: dir.path)
        #expect(throws: StorageError.databaseNotFound(name: "ghost")) { _ = try env.database("ghost", create: false) }
    }
}
