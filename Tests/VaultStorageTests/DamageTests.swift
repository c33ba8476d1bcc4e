import CChecksum
import Foundation
import Testing
@testable import VaultStorage

/// The storage layer finds damage before LMDB trips over it. Properties checked:
/// 1. CRC-32C matches the standard check value and chains over split input.
/// 2. Values round-trip without their checksum; a changed byte of a value is reported by a
///    verifying read and by `verifyChecksums`, naming the database and key.
/// 3. A healthy environment (several trees, overflow values, freed pages, many commits) passes the
///    structure check.
/// 4. A node flag LMDB would follow into a null pointer (`F_DUPDATA`) fails the structure check.
/// 5. A truncated file and a meta page with page size 0 (LMDB divides by it) are refused before
///    LMDB opens them.
@Suite("damaged data files")
struct DamageTests {
    static func crc(_ bytes: [UInt8], _ start: UInt32 = 0) -> UInt32 { bytes.withUnsafeBytes { vs_crc32c(start, $0.baseAddress, $0.count) } }

    @Test func crc32cMatchesTheCheckValue() {
        #expect(Self.crc(Array("123456789".utf8)) == 0xE306_9283)
        let long = (0..<1_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        for cut in [0, 1, 7, 8, 9, 500, 999] {
            #expect(Self.crc(Array(long[cut...]), Self.crc(Array(long[..<cut]))) == Self.crc(long))
        }
    }

    /// An environment with a database `values` holding `marker` under `key` among other entries; returns the directory.
    static func environment(marker: [UInt8], key: [UInt8]) throws -> TemporaryDirectory {
        let dir = TemporaryDirectory()
        let env = try Environment(directory: dir.path)
        let db = try env.database("values")
        try env.write { txn in
            for i in 0..<200 { try txn.put(db, key: Array("k\(i)".utf8), value: [UInt8](repeating: UInt8(i & 0x7F), count: 40)) }
            try txn.put(db, key: key, value: marker)
        }
        return dir
    }

    /// The offset of `needle` in the data file of `dir`.
    static func offset(of needle: [UInt8], in dir: TemporaryDirectory) throws -> Int {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: dir.path + "/data.mdb")))
        let found = (0...(bytes.count - needle.count)).first { bytes[$0..<($0 + needle.count)].elementsEqual(needle) }
        return try #require(found)
    }

    static func patch(_ dir: TemporaryDirectory, at offset: Int, _ body: (inout UInt8) -> Void) throws {
        let url = URL(fileURLWithPath: dir.path + "/data.mdb")
        var bytes = [UInt8](try Data(contentsOf: url))
        body(&bytes[offset])
        try Data(bytes).write(to: url)
    }

    static func readOnly(_ dir: TemporaryDirectory) throws -> Environment {
        var options = Environment.Options()
        options.readOnly = true
        return try Environment(directory: dir.path, options: options)
    }

    @Test func aChangedValueFailsItsChecksum() throws {
        let marker = Array("a value that will be damaged".utf8), key = Array("marked".utf8)
        let dir = try Self.environment(marker: marker, key: key); defer { dir.cleanUp() }
        do {
            let env = try Self.readOnly(dir)
            let db = try env.database("values", create: false, verifiesReads: true)
            #expect(try env.read { try $0.getBytes(db, key: key) } == marker)
            #expect(try env.read { try $0.verifyChecksums(of: db) } == [])
        }
        try Self.patch(dir, at: try Self.offset(of: marker, in: dir) + 3) { $0 ^= 0x20 }
        let env = try Self.readOnly(dir)
        #expect(try env.checkStructure() == [])
        let verifying = try env.database("values", create: false, verifiesReads: true)
        let error = #expect(throws: StorageError.self) { try env.read { try $0.getBytes(verifying, key: key) } }
        #expect(error?.description.contains("'values' key \"marked\"") == true, "\(String(describing: error))")
        let faults = try env.read { try $0.verifyChecksums(of: verifying) }
        #expect(faults.count == 1 && faults[0].contains("\"marked\""), "\(faults)")
        // A database opened without verification only strips the checksum.
        let plain = try env.database("values", create: false)
        #expect(try env.read { try $0.getBytes(plain, key: key) }?.count == marker.count)
    }

    @Test func aHealthyEnvironmentPassesTheStructureCheck() throws {
        let dir = TemporaryDirectory(); defer { dir.cleanUp() }
        let env = try Environment(directory: dir.path)
        let small = try env.database("small"), large = try env.database("large"), empty = try env.database("empty")
        for round in 0..<20 {
            try env.write { txn in
                for i in 0..<300 {
                    let key = Array("key \(round * 7 + i)".utf8)
                    try txn.put(small, key: key, value: [UInt8](repeating: UInt8(i & 0xFF), count: 1 + (i * 13) % 300))
                    if i % 10 == 0 { try txn.put(large, key: key, value: [UInt8](repeating: 7, count: 3_000 + 900 * (i % 7))) }
                }
                for i in stride(from: 0, to: 300, by: 3) { try txn.delete(small, key: Array("key \(round * 5 + i)".utf8)) }
            }
        }
        _ = empty
        #expect(try env.checkStructure() == [])
    }

    @Test func aDuplicatesFlagFailsTheStructureCheck() throws {
        let marker = Array("flagged value".utf8), key = Array("flagged-key".utf8)
        let dir = try Self.environment(marker: marker, key: key); defer { dir.cleanUp() }
        // The node header (lo, hi, flags, key size) sits just before the key.
        try Self.patch(dir, at: try Self.offset(of: key, in: dir) - 4) { $0 |= 0x04 }
        let faults = try Self.readOnly(dir).checkStructure()
        #expect(faults.contains { $0.contains("database 'values'") && $0.contains("flags 0x4") }, "\(faults)")
    }

    @Test func aTruncatedFileIsRefusedBeforeLMDBMapsIt() throws {
        let dir = try Self.environment(marker: Array("x".utf8), key: Array("y".utf8)); defer { dir.cleanUp() }
        let url = URL(fileURLWithPath: dir.path + "/data.mdb")
        let bytes = try Data(contentsOf: url)
        try bytes.prefix(bytes.count - 100).write(to: url)
        let error = #expect(throws: StorageError.self) { try Self.readOnly(dir) }
        #expect(error?.description.contains("truncated") == true, "\(String(describing: error))")
    }

    @Test func aZeroPageSizeIsRefusedBeforeLMDBDividesByIt() throws {
        let dir = try Self.environment(marker: Array("x".utf8), key: Array("y".utf8)); defer { dir.cleanUp() }
        let pageSize = Int(getpagesize())
        for page in 0..<2 { for byte in 0..<4 { try Self.patch(dir, at: page * pageSize + 40 + byte) { $0 = 0 } } }
        let error = #expect(throws: StorageError.self) { try Self.readOnly(dir) }
        #expect(error?.description.contains("page size of 0") == true, "\(String(describing: error))")
    }
}
