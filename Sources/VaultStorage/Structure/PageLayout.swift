/// LMDB 0.9's on-disk layout (64-bit, little-endian builds), as `mdb.c` defines it: what the
/// structure check reads without going through LMDB.
///
/// ```
/// page header (16 bytes)   pgno: UInt64 | pad: UInt16 | flags: UInt16 | lower: UInt16 | upper: UInt16
///                          (an overflow page has pages: UInt32 where lower and upper are)
/// branch, leaf pages       lower − 16 bytes of node offsets (UInt16), free space up to upper,
///                          the nodes from upper to the end of the page
/// node (8-byte header)     lo: UInt16 | hi: UInt16 | flags: UInt16 | key size: UInt16 | key | data
///                          leaf: data size lo | hi << 16; branch: child page lo | hi << 16 | flags << 32
/// meta page (pages 0, 1)   header | magic | version | address | map size | free db | main db
///                          | last page | transaction id
/// db record (48 bytes)     pad (the page size, in the free db of a meta) | flags: UInt16 | depth: UInt16
///                          | branch pages | leaf pages | overflow pages | entries | root (UInt64 each)
/// ```
enum PageLayout {
    static let headerSize = 16
    static let nodeHeaderSize = 8
    static let dbRecordSize = 48

    // Page flags.
    static let branch: UInt16 = 0x01
    static let leaf: UInt16 = 0x02
    static let overflow: UInt16 = 0x04
    static let meta: UInt16 = 0x08

    // Node flags.
    static let bigData: UInt16 = 0x01
    static let subData: UInt16 = 0x02
    static let dupData: UInt16 = 0x04

    /// The root of an empty tree.
    static let noPage = UInt64.max
    static let magic: UInt32 = 0xBEEF_C0DE
    static let dataVersion: UInt32 = 1
    /// LMDB refuses longer keys; none on disk is longer.
    static let maximumKeySize = 511
    /// LMDB's cursor stack: no tree is deeper.
    static let maximumDepth = 32
    static let minimumPageSize = 512
    static let maximumPageSize = 0x8000

    // Offsets in a meta page.
    static let metaMagic = 16
    static let metaVersion = 20
    static let metaMapSize = 32
    static let metaFreeDB = 40
    static let metaMainDB = 88
    static let metaLastPage = 136
    static let metaTransaction = 144
    /// Bytes of a meta page that LMDB reads.
    static let metaEnd = 152

    /// Pages an overflow value of `size` bytes takes (`OVPAGES`).
    static func overflowPages(size: Int, pageSize: Int) -> Int { (headerSize - 1 + size) / pageSize + 1 }

    /// `EVEN`: node sizes are rounded up to an even number of bytes.
    static func even(_ n: Int) -> Int { (n + 1) & ~1 }
}

/// Little-endian reads from raw bytes that never trap: outside the buffer they yield 0. The check
/// tests every range before it reads, so a 0 from here never decides anything; it only keeps a
/// damaged offset from becoming a crash of the code that looks for damage.
struct RawBytes {
    let raw: UnsafeRawBufferPointer

    var count: Int { raw.count }

    /// Whether `length` bytes at `offset` lie inside the buffer.
    @inline(__always)
    func contains(_ offset: Int, _ length: Int) -> Bool { offset >= 0 && length >= 0 && offset <= raw.count - length }

    @inline(__always)
    func u16(_ offset: Int) -> UInt16 {
        contains(offset, 2) ? UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt16.self)) : 0
    }

    @inline(__always)
    func u32(_ offset: Int) -> UInt32 {
        contains(offset, 4) ? UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self)) : 0
    }

    @inline(__always)
    func u64(_ offset: Int) -> UInt64 {
        contains(offset, 8) ? UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) : 0
    }

    /// `length` bytes at `offset` (empty when outside).
    func slice(_ offset: Int, _ length: Int) -> UnsafeRawBufferPointer {
        contains(offset, length) ? UnsafeRawBufferPointer(rebasing: raw[offset..<(offset + length)]) : UnsafeRawBufferPointer(start: nil, count: 0)
    }
}
