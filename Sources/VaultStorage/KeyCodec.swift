/// Order-preserving byte encodings for LMDB keys: LMDB compares keys as bytes, so an encoding
/// whose byte order equals the value order makes range scans and cursors walk values in order.
///
/// ```
/// UInt32  4 bytes big-endian            0x00000102 -> 00 00 01 02
/// UInt64  8 bytes big-endian
/// Double  8 bytes: IEEE bits, big-endian, sign bit flipped for >= 0, all bits flipped for < 0
/// String  its UTF-8 bytes (byte order = code-point order)
/// ```
public enum KeyCodec {
    /// Appends `value` as 4 big-endian bytes.
    @inlinable
    public static func append(_ value: UInt32, to bytes: inout [UInt8]) {
        bytes.append(UInt8(truncatingIfNeeded: value >> 24))
        bytes.append(UInt8(truncatingIfNeeded: value >> 16))
        bytes.append(UInt8(truncatingIfNeeded: value >> 8))
        bytes.append(UInt8(truncatingIfNeeded: value))
    }

    /// Appends `value` as 8 big-endian bytes.
    @inlinable
    public static func append(_ value: UInt64, to bytes: inout [UInt8]) {
        append(UInt32(truncatingIfNeeded: value >> 32), to: &bytes)
        append(UInt32(truncatingIfNeeded: value), to: &bytes)
    }

    /// Appends `value` so that byte order equals numeric order (NaN sorts last).
    @inlinable
    public static func append(_ value: Double, to bytes: inout [UInt8]) {
        let bits = value.bitPattern
        append(value.sign == .minus ? ~bits : bits | (1 << 63), to: &bytes)
    }

    /// 4 big-endian bytes of `value`.
    @inlinable
    public static func encode(_ value: UInt32) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(4)
        append(value, to: &bytes)
        return bytes
    }

    /// Reads 4 big-endian bytes at `offset`.
    @inlinable
    public static func decodeUInt32(_ bytes: UnsafeRawBufferPointer, at offset: Int = 0) -> UInt32 {
        UInt32(bytes[offset]) << 24 | UInt32(bytes[offset + 1]) << 16 | UInt32(bytes[offset + 2]) << 8
            | UInt32(bytes[offset + 3])
    }

    /// Reads 8 big-endian bytes at `offset`.
    @inlinable
    public static func decodeUInt64(_ bytes: UnsafeRawBufferPointer, at offset: Int = 0) -> UInt64 {
        UInt64(decodeUInt32(bytes, at: offset)) << 32 | UInt64(decodeUInt32(bytes, at: offset + 4))
    }

    /// Reads a double written by ``append(_:to:)-(Double,_)``.
    @inlinable
    public static func decodeDouble(_ bytes: UnsafeRawBufferPointer, at offset: Int = 0) -> Double {
        let raw = decodeUInt64(bytes, at: offset)
        return Double(bitPattern: raw & (1 << 63) != 0 ? raw & ~(1 << 63) : ~raw)
    }
}
