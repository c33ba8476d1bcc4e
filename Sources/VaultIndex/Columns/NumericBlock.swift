/// One block of a numeric column: the values of 256 consecutive doc numbers, with a presence bitmap
/// and the block's minimum and maximum, so a range filter or a top-k by value can skip a whole
/// block from its header and read the rest as contiguous memory.
///
/// ```
/// present: 4 × UInt64 LE (bit d of word w: doc 256·block + 64·w + d has a value)
/// | min: Float64 LE | max: Float64 LE | 256 × Float64 LE (0 where absent)
/// ```
/// Always ``byteCount`` bytes; anything else is damage.
struct NumericBlock: Equatable {
    static let docs = 256
    static let byteCount = 32 + 16 + 8 * docs

    var present = [UInt64](repeating: 0, count: 4)
    var values = [Double](repeating: 0, count: docs)

    init() {}

    /// Decodes a stored block; nil when it has the wrong size.
    init?(_ bytes: UnsafeRawBufferPointer) {
        guard bytes.count == Self.byteCount else { return nil }
        for w in 0..<4 { present[w] = bytes.loadUnaligned(fromByteOffset: 8 * w, as: UInt64.self).littleEndian }
        for i in 0..<Self.docs {
            values[i] = Double(bitPattern: bytes.loadUnaligned(fromByteOffset: 48 + 8 * i, as: UInt64.self).littleEndian)
        }
    }

    var isEmpty: Bool { present.allSatisfy { $0 == 0 } }

    func has(_ slot: Int) -> Bool { present[slot >> 6] & (1 << UInt64(slot & 63)) != 0 }

    mutating func set(_ slot: Int, _ value: Double?) {
        if let value {
            present[slot >> 6] |= 1 << UInt64(slot & 63)
            values[slot] = value
        } else {
            present[slot >> 6] &= ~(1 << UInt64(slot & 63))
            values[slot] = 0
        }
    }

    func encoded() -> [UInt8] {
        var low = Double.infinity, high = -Double.infinity
        for slot in 0..<Self.docs where has(slot) {
            low = min(low, values[slot])
            high = max(high, values[slot])
        }
        var out = [UInt8](repeating: 0, count: Self.byteCount)
        out.withUnsafeMutableBytes { raw in
            for w in 0..<4 { raw.storeBytes(of: present[w].littleEndian, toByteOffset: 8 * w, as: UInt64.self) }
            raw.storeBytes(of: low.bitPattern.littleEndian, toByteOffset: 32, as: UInt64.self)
            raw.storeBytes(of: high.bitPattern.littleEndian, toByteOffset: 40, as: UInt64.self)
            for i in 0..<Self.docs { raw.storeBytes(of: values[i].bitPattern.littleEndian, toByteOffset: 48 + 8 * i, as: UInt64.self) }
        }
        return out
    }
}

/// Reads a stored numeric block in place (no copy): the header for skipping, single values on demand.
struct NumericBlockView {
    let bytes: UnsafeRawBufferPointer

    init?(_ bytes: UnsafeRawBufferPointer) {
        guard bytes.count == NumericBlock.byteCount else { return nil }
        self.bytes = bytes
    }

    var minimum: Double { Double(bitPattern: bytes.loadUnaligned(fromByteOffset: 32, as: UInt64.self).littleEndian) }
    var maximum: Double { Double(bitPattern: bytes.loadUnaligned(fromByteOffset: 40, as: UInt64.self).littleEndian) }

    @inline(__always)
    func presentWord(_ w: Int) -> UInt64 { bytes.loadUnaligned(fromByteOffset: 8 * w, as: UInt64.self).littleEndian }

    @inline(__always)
    func has(_ slot: Int) -> Bool { presentWord(slot >> 6) & (1 << UInt64(slot & 63)) != 0 }

    @inline(__always)
    func value(_ slot: Int) -> Double {
        Double(bitPattern: bytes.loadUnaligned(fromByteOffset: 48 + 8 * slot, as: UInt64.self).littleEndian)
    }
}
