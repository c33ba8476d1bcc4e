/// A ranked word list stored as one UTF-8 byte arena, so a word is appended to output with one
/// copy and no reference counting.
struct WordTable: Sendable {
    /// The words, rank 0 first.
    let words: [String]
    private let bytes: [UInt8]
    /// Byte offset of each word in `bytes`, plus the end offset.
    private let starts: [Int]

    init(_ words: [String]) {
        self.words = words
        var bytes: [UInt8] = []
        var starts = [0]
        for word in words {
            bytes.append(contentsOf: word.utf8)
            starts.append(bytes.count)
        }
        self.bytes = bytes
        self.starts = starts
    }

    /// The number of words.
    var count: Int { words.count }

    /// Appends word `rank` to `output`, its first letter upper-cased when `capitalized` (ASCII only;
    /// other first characters are left as they are).
    @inline(__always)
    func append(_ rank: Int, capitalized: Bool, to output: inout [UInt8]) {
        let first = output.count
        bytes.withUnsafeBufferPointer { arena in
            output.append(contentsOf: UnsafeBufferPointer(rebasing: arena[starts[rank]..<starts[rank + 1]]))
        }
        if capitalized { ASCII.capitalize(&output, at: first) }
    }
}

/// Byte helpers for ASCII text.
enum ASCII {
    /// Upper-cases the byte at `index` if it is a lowercase ASCII letter.
    @inline(__always)
    static func capitalize(_ bytes: inout [UInt8], at index: Int) {
        if index < bytes.count, bytes[index] >= UInt8(ascii: "a"), bytes[index] <= UInt8(ascii: "z") {
            bytes[index] -= 32
        }
    }

    /// Whether `byte` is an ASCII vowel letter.
    @inline(__always)
    static func isVowel(_ byte: UInt8) -> Bool {
        switch byte | 0x20 {
        case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"): return true
        default: return false
        }
    }

    /// FNV-1a, 64 bits: a hash of a byte string that needs no allocation.
    static func fnv1a<C: Collection<UInt8>>(_ bytes: C) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return hash
    }
}
