import CChecksum

/// The checksum VaultStorage appends to every value it stores: CRC-32C of the key followed by the
/// value, as 4 little-endian bytes after the value.
///
/// LMDB 0.9 checks nothing of what it stores. With the checksum, a flipped byte in a key or a value
/// (a stored document's text, a settings file, a postings block) is found by
/// ``Environment/verifyChecksums(of:limit:)`` and by reads of databases opened with
/// `verifiesReads`; other reads only strip it, so the hot paths pay one subtraction.
enum ValueChecksum {
    /// Bytes of the trailer.
    static let size = 4

    /// The checksum of `key` followed by `value`.
    @inline(__always)
    static func of(key: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer) -> UInt32 {
        let keyCRC = key.isEmpty ? 0 : vs_crc32c(0, key.baseAddress, key.count)
        return value.isEmpty ? keyCRC : vs_crc32c(keyCRC, value.baseAddress, value.count)
    }

    /// Writes `value` and its checksum into `target` (``size`` bytes longer than `value`).
    static func write(key: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer, into target: UnsafeMutableRawBufferPointer) {
        if let source = value.baseAddress, let destination = target.baseAddress {
            destination.copyMemory(from: source, byteCount: value.count)
        }
        target.storeBytes(of: of(key: key, value: value).littleEndian, toByteOffset: value.count, as: UInt32.self)
    }

    /// The value without its trailer, or nil when `stored` is too short to have one.
    @inline(__always)
    static func strip(_ stored: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer? {
        guard stored.count >= size else { return nil }
        return UnsafeRawBufferPointer(start: stored.baseAddress, count: stored.count - size)
    }

    /// Whether the trailer of `stored` (key `key`) matches its value; false when it has none.
    static func matches(key: UnsafeRawBufferPointer, stored: UnsafeRawBufferPointer) -> Bool {
        guard let value = strip(stored) else { return false }
        let trailer = UInt32(littleEndian: stored.loadUnaligned(fromByteOffset: value.count, as: UInt32.self))
        return trailer == of(key: key, value: value)
    }
}
