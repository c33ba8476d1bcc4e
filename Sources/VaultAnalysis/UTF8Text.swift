/// Read-only helpers over the UTF-8 bytes of the text being analyzed.
///
/// A view of a `String`'s contiguous storage, valid only inside `String.withUTF8`; it never
/// outlives one ``Analyzer`` call. All offsets are UTF-8 byte offsets.
struct UTF8Text {
    /// The bytes of the text (valid UTF-8).
    let bytes: UnsafeBufferPointer<UInt8>

    /// The number of bytes.
    var count: Int { bytes.count }

    /// The bytes in `range`.
    subscript(range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[range])
    }

    /// The length of the UTF-8 sequence that starts with `lead`.
    static func sequenceLength(lead: UInt8) -> Int {
        switch lead {
        case ..<0x80: 1
        case 0xF0...: 4
        case 0xE0...: 3
        case 0xC0...: 2
        default: 1  // a continuation byte: cannot start a scalar in valid UTF-8
        }
    }

    /// Decodes the scalar starting at byte `index`.
    ///
    /// - Returns: the scalar value and its length in bytes.
    func scalar(at index: Int) -> (value: UInt32, length: Int) {
        let lead = bytes[index]
        let length = min(Self.sequenceLength(lead: lead), count - index)
        switch length {
        case 2:
            return (UInt32(lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F), 2)
        case 3:
            return (
                UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F), 3
            )
        case 4:
            return (
                UInt32(lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
                    | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F), 4
            )
        default:
            return (UInt32(lead), 1)
        }
    }

    /// The number of Unicode scalars in `range` (its bytes that are not continuation bytes).
    ///
    /// Counts eight bytes at a time: a continuation byte is `10xxxxxx`, so its bit 7 is set and
    /// bit 6 clear, which `word & ~(word << 1)` exposes in bit 7 of every byte.
    ///
    /// - Complexity: O(n) in the length of `range`.
    func scalarCount(in range: Range<Int>) -> Int {
        guard let base = bytes.baseAddress, !range.isEmpty else { return 0 }
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "range outside the text")
        let raw = UnsafeRawPointer(base)
        var continuations = 0
        var index = range.lowerBound
        while index + 8 <= range.upperBound {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            continuations += (word & ~(word << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
            index += 8
        }
        while index < range.upperBound {
            if bytes[index] & 0xC0 == 0x80 { continuations += 1 }
            index += 1
        }
        return range.count - continuations
    }

    /// Whether the scalar starting at `index` is a decimal digit (ASCII or full-width), and its length.
    func digit(at index: Int) -> Int? {
        guard index < count else { return nil }
        let byte = bytes[index]
        if byte >= 0x30 && byte <= 0x39 { return 1 }
        // U+FF10…U+FF19 FULLWIDTH DIGIT ZERO…NINE = EF BC 90…99
        if byte == 0xEF && index + 2 < count && bytes[index + 1] == 0xBC && (0x90...0x99).contains(bytes[index + 2]) {
            return 3
        }
        return nil
    }

    /// Whether the scalar ending just before `index` is a decimal digit (ASCII or full-width).
    func digit(endingAt index: Int) -> Bool {
        guard index > 0 else { return false }
        let byte = bytes[index - 1]
        if byte >= 0x30 && byte <= 0x39 { return true }
        return index >= 3 && digit(at: index - 3) == 3
    }

    /// Whether the scalar at `index` is a letter, digit or underscore: something that would
    /// continue a word. `false` at the end of the text.
    func isWordCharacter(at index: Int) -> Bool {
        guard index < count else { return false }
        let byte = bytes[index]
        if byte < 0x80 {
            return (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == 0x5F
        }
        guard let scalar = Unicode.Scalar(scalar(at: index).value) else { return false }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// Whether the bytes at `index` are the UTF-8 of `prefix`.
    func hasPrefix(_ prefix: StaticString, at index: Int) -> Bool {
        let length = prefix.utf8CodeUnitCount
        guard index + length <= count else { return false }
        let expected = prefix.utf8Start
        for offset in 0..<length where bytes[index + offset] != expected[offset] {
            return false
        }
        return true
    }

    /// Whether the text ends with the UTF-8 of `suffix`.
    func hasSuffix(_ suffix: StaticString) -> Bool {
        count >= suffix.utf8CodeUnitCount && hasPrefix(suffix, at: count - suffix.utf8CodeUnitCount)
    }
}
