/// Appends integers to a byte array: LEB128 varints (7 bits a byte, low bits first, high bit set on
/// every byte but the last) and fixed-width big-endian words.
struct ByteWriter {
    var bytes: [UInt8] = []

    init(capacity: Int = 64) { bytes.reserveCapacity(capacity) }

    @inline(__always)
    mutating func varint(_ value: UInt32) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    @inline(__always)
    mutating func varint(_ value: Int) { varint(UInt32(truncatingIfNeeded: value)) }

    mutating func uint32(_ value: UInt32) {
        bytes.append(UInt8(truncatingIfNeeded: value >> 24))
        bytes.append(UInt8(truncatingIfNeeded: value >> 16))
        bytes.append(UInt8(truncatingIfNeeded: value >> 8))
        bytes.append(UInt8(truncatingIfNeeded: value))
    }

    mutating func double(_ value: Double) {
        let bits = value.bitPattern
        uint32(UInt32(truncatingIfNeeded: bits >> 32))
        uint32(UInt32(truncatingIfNeeded: bits))
    }

    /// A length-prefixed byte string.
    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            varint(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }
}
