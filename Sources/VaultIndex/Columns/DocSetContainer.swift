/// The on-disk form of a doc-number set, split Roaring-style into containers of 65,536 doc numbers.
///
/// A set is stored under one LMDB key per non-empty container (`set id + high 16 bits`, see
/// ``IndexDatabases``), so adding or removing a document rewrites at most one container (≤ 8 KiB),
/// however large the set. A container is either a sorted array of the low 16 bits (up to
/// ``arrayLimit`` members) or a bitmap of 65,536 bits:
///
/// ```
/// array:  kind 0: 1 byte | count: UInt16 little-endian | count × UInt16 little-endian, ascending
/// bitmap: kind 1: 1 byte | 1,024 × UInt64 little-endian (bit i of word w = low bits 64·w + i)
/// ```
/// Decoding never traps: a wrong kind or size is reported as `nil` and the caller raises
/// ``IndexError/corrupt(_:)`` naming the key.
enum DocSetContainer {
    /// An array container holds at most this many members (4,096 × 2 bytes = 8 KiB, a bitmap's size).
    static let arrayLimit = 4_096
    static let bitmapWords = 1_024

    /// Encodes sorted, distinct low bits.
    static func encode(_ lows: [UInt16]) -> [UInt8] {
        if lows.count <= arrayLimit {
            var out = [UInt8](repeating: 0, count: 3 + 2 * lows.count)
            out[1] = UInt8(lows.count & 0xFF)
            out[2] = UInt8(lows.count >> 8)
            for (i, low) in lows.enumerated() {
                out[3 + 2 * i] = UInt8(low & 0xFF)
                out[4 + 2 * i] = UInt8(low >> 8)
            }
            return out
        }
        var words = [UInt64](repeating: 0, count: bitmapWords)
        for low in lows { words[Int(low >> 6)] |= 1 << UInt64(low & 63) }
        var out = [UInt8](repeating: 0, count: 1 + 8 * bitmapWords)
        out[0] = 1
        for (w, word) in words.enumerated() where word != 0 {
            for b in 0..<8 { out[1 + 8 * w + b] = UInt8(truncatingIfNeeded: word >> UInt64(8 * b)) }
        }
        return out
    }

    /// The container `existing` (nil: empty) with `adding` inserted and `removing` taken out, worked
    /// in a 65,536-bit bitmap (no sorting, whatever the container's size): the encoded result (empty
    /// when no member is left), how many of `removing` were members, and the member count. Nil when
    /// `existing` is malformed.
    static func applying(
        _ existing: UnsafeRawBufferPointer?, adding: [UInt16], removing: [UInt16]
    ) -> (bytes: [UInt8], removed: Int, count: Int)? {
        var words = [UInt64](repeating: 0, count: bitmapWords)
        if let existing {
            if existing.first == 1 {
                guard existing.count == 1 + 8 * bitmapWords else { return nil }
                for w in 0..<bitmapWords { words[w] = existing.loadUnaligned(fromByteOffset: 1 + 8 * w, as: UInt64.self).littleEndian }
            } else {
                guard forEachLow(existing, { words[Int($0 >> 6)] |= 1 << UInt64($0 & 63) }) else { return nil }
            }
        }
        var removed = 0
        for low in removing {
            let bit: UInt64 = 1 << UInt64(low & 63)
            if words[Int(low >> 6)] & bit != 0 { removed += 1 }
            words[Int(low >> 6)] &= ~bit
        }
        for low in adding { words[Int(low >> 6)] |= 1 << UInt64(low & 63) }
        let count = words.reduce(0) { $0 + $1.nonzeroBitCount }
        if count == 0 { return ([], removed, 0) }
        if count <= arrayLimit {
            var lows: [UInt16] = []
            lows.reserveCapacity(count)
            for (w, original) in words.enumerated() where original != 0 {
                var word = original
                while word != 0 {
                    lows.append(UInt16(w << 6) + UInt16(word.trailingZeroBitCount))
                    word &= word - 1
                }
            }
            return (encode(lows), removed, count)
        }
        var out = [UInt8](repeating: 1, count: 1 + 8 * bitmapWords)
        out.withUnsafeMutableBytes { raw in
            for w in 0..<bitmapWords { raw.storeBytes(of: words[w].littleEndian, toByteOffset: 1 + 8 * w, as: UInt64.self) }
        }
        return (out, removed, count)
    }

    /// Calls `body` with each member's low 16 bits, ascending; false when the bytes are malformed
    /// (a wrong kind or size, an array that does not ascend: `body` may have seen part of it).
    static func forEachLow(_ bytes: UnsafeRawBufferPointer, _ body: (UInt16) -> Void) -> Bool {
        guard let kind = bytes.first else { return false }
        if kind == 0 {
            guard bytes.count >= 3 else { return false }
            let count = Int(bytes[1]) | Int(bytes[2]) << 8
            guard count <= arrayLimit, bytes.count == 3 + 2 * count else { return false }
            var previous = -1
            for i in 0..<count {
                let low = UInt16(bytes[3 + 2 * i]) | UInt16(bytes[4 + 2 * i]) << 8
                guard Int(low) > previous else { return false }
                previous = Int(low)
                body(low)
            }
            return true
        }
        guard kind == 1, bytes.count == 1 + 8 * bitmapWords else { return false }
        for w in 0..<bitmapWords {
            var word = bytes.loadUnaligned(fromByteOffset: 1 + 8 * w, as: UInt64.self).littleEndian
            while word != 0 {
                body(UInt16(w << 6) + UInt16(word.trailingZeroBitCount))
                word &= word - 1
            }
        }
        return true
    }

    /// ORs the container (holding doc numbers `high << 16 + low`) into `set`; false when malformed.
    static func add(_ bytes: UnsafeRawBufferPointer, high: UInt16, to set: inout DocSet) -> Bool {
        if bytes.first == 1 {
            guard bytes.count == 1 + 8 * bitmapWords else { return false }
            let base = Int(high) * bitmapWords
            for w in 0..<bitmapWords {
                let word = bytes.loadUnaligned(fromByteOffset: 1 + 8 * w, as: UInt64.self).littleEndian
                if word != 0 { set.orWord(base + w, word) }
            }
            return true
        }
        let base = UInt32(high) << 16
        return forEachLow(bytes) { set.insert(base + UInt32($0)) }
    }

    /// Whether the container holds `low`, or nil when malformed (binary search in an array, one bit
    /// of a bitmap).
    static func contains(_ bytes: UnsafeRawBufferPointer, low: UInt16) -> Bool? {
        guard let kind = bytes.first else { return nil }
        if kind == 1 {
            guard bytes.count == 1 + 8 * bitmapWords else { return nil }
            let word = bytes.loadUnaligned(fromByteOffset: 1 + 8 * Int(low >> 6), as: UInt64.self).littleEndian
            return word & (1 << UInt64(low & 63)) != 0
        }
        guard kind == 0, bytes.count >= 3 else { return nil }
        let count = Int(bytes[1]) | Int(bytes[2]) << 8
        guard bytes.count == 3 + 2 * count else { return nil }
        var lower = 0, upper = count
        while lower < upper {
            let middle = (lower + upper) / 2
            let value = UInt16(bytes[3 + 2 * middle]) | UInt16(bytes[4 + 2 * middle]) << 8
            if value == low { return true }
            if value < low { lower = middle + 1 } else { upper = middle }
        }
        return false
    }

    /// How many members the container shares with `set`, or nil when malformed.
    static func intersectionCount(_ bytes: UnsafeRawBufferPointer, high: UInt16, with set: DocSet) -> Int? {
        if bytes.first == 1 {
            guard bytes.count == 1 + 8 * bitmapWords else { return nil }
            let base = Int(high) * bitmapWords
            var total = 0
            for w in 0..<bitmapWords {
                let word = bytes.loadUnaligned(fromByteOffset: 1 + 8 * w, as: UInt64.self).littleEndian
                if word != 0 { total += (word & set.word(base + w)).nonzeroBitCount }
            }
            return total
        }
        let base = UInt32(high) << 16
        var total = 0
        guard forEachLow(bytes, { if set.contains(base + UInt32($0)) { total += 1 } }) else { return nil }
        return total
    }
}
