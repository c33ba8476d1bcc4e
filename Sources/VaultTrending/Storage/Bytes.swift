import VaultStorage

/// Fixed-width big-endian encodings for trending keys and values. Signed integers are stored with
/// the sign bit flipped, so byte order equals numeric order; `descending` forms invert every bit.
enum Bytes {
    static func append(_ value: Int64, to bytes: inout [UInt8]) {
        KeyCodec.append(UInt64(bitPattern: value) ^ (1 << 63), to: &bytes)
    }

    static func appendDescending(_ value: Int64, to bytes: inout [UInt8]) {
        KeyCodec.append(~(UInt64(bitPattern: value) ^ (1 << 63)), to: &bytes)
    }

    static func appendDescending(_ value: Double, to bytes: inout [UInt8]) {
        var ascending: [UInt8] = []
        KeyCodec.append(value, to: &ascending)
        bytes.append(contentsOf: ascending.map { ~$0 })
    }

    static func int64(_ raw: UnsafeRawBufferPointer, at offset: Int) -> Int64 {
        Int64(bitPattern: KeyCodec.decodeUInt64(raw, at: offset) ^ (1 << 63))
    }

    static func descendingInt64(_ raw: UnsafeRawBufferPointer, at offset: Int) -> Int64 {
        Int64(bitPattern: ~KeyCodec.decodeUInt64(raw, at: offset) ^ (1 << 63))
    }

    static func descendingDouble(_ raw: UnsafeRawBufferPointer, at offset: Int) -> Double {
        let inverted = ~KeyCodec.decodeUInt64(raw, at: offset)
        return Double(bitPattern: inverted & (1 << 63) != 0 ? inverted & ~(1 << 63) : ~inverted)
    }

    /// Raw IEEE bits, for values (not keys).
    static func appendBits(_ value: Double, to bytes: inout [UInt8]) { KeyCodec.append(value.bitPattern, to: &bytes) }

    static func bits(_ raw: UnsafeRawBufferPointer, at offset: Int) -> Double { Double(bitPattern: KeyCodec.decodeUInt64(raw, at: offset)) }

    /// `floor(a / b)` for b > 0.
    static func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && a < 0) ? q - 1 : q
    }
}

extension Bytes {
    static func int64(_ bytes: [UInt8], at offset: Int) -> Int64 { bytes.withUnsafeBytes { int64($0, at: offset) } }
}
