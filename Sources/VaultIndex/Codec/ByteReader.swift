/// Reads what ``ByteWriter`` wrote, from a buffer that usually points into the LMDB map.
///
/// Reading past the end never traps: it sets ``failed`` and yields zeros, and the decoder checks
/// ``failed`` once at the end and reports the record as corrupt. That keeps the hot loops free of
/// error plumbing while a damaged index still gets a clear error instead of a crash.
struct ByteReader {
    let buffer: UnsafeRawBufferPointer
    var offset: Int
    private(set) var failed = false

    init(_ buffer: UnsafeRawBufferPointer, offset: Int = 0) {
        self.buffer = buffer
        self.offset = offset
    }

    var isAtEnd: Bool { offset >= buffer.count }

    /// Bytes left to read: an upper bound on how many varints (or count-prefixed items) can follow,
    /// so a damaged count never sizes a loop or an allocation beyond the record.
    var remaining: Int { max(0, buffer.count - offset) }

    @inline(__always)
    mutating func varint() -> UInt32 {
        var result: UInt32 = 0
        var shift: UInt32 = 0
        while offset < buffer.count {
            let byte = buffer[offset]
            offset += 1
            result |= UInt32(byte & 0x7F) << shift
            if byte < 0x80 {
                if shift == 28 && byte > 0x0F { break }  // bits past 32: not a varint this writer makes
                return result
            }
            shift += 7
            if shift > 28 { break }
        }
        failed = true
        return 0
    }

    mutating func uint32() -> UInt32 {
        guard offset + 4 <= buffer.count else { failed = true; offset = buffer.count; return 0 }
        defer { offset += 4 }
        return UInt32(buffer[offset]) << 24 | UInt32(buffer[offset + 1]) << 16
            | UInt32(buffer[offset + 2]) << 8 | UInt32(buffer[offset + 3])
    }

    mutating func double() -> Double {
        let high = UInt64(uint32()), low = UInt64(uint32())
        return Double(bitPattern: high << 32 | low)
    }

    mutating func string() -> String {
        let count = Int(varint())
        guard offset + count <= buffer.count else { failed = true; offset = buffer.count; return "" }
        defer { offset += count }
        return String(decoding: UnsafeRawBufferPointer(rebasing: buffer[offset..<(offset + count)]), as: UTF8.self)
    }
}
