#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A Snowball stemmer with a small cache of recent stems.
///
/// Snowball's English stemmer costs about 0.3 µs per word, more than segmenting and folding the
/// word together; text repeats its words (Zipf), so most words of a paragraph or a query have been
/// stemmed recently. The cache has ``slotCount`` slots; a word may live in one of two slots chosen
/// by its hash, a new word takes the first and pushes the previous occupant to that one's second
/// slot, so at most `slotCount` words and stems are kept and two hot words rarely evict each other.
///
/// The slots are a fixed buffer (32 KiB) allocated only after ``stemsBeforeCaching`` stems:
/// setting it up and tearing it down costs about 10 µs, more than a short query that a fresh
/// analyzer stems without a cache. It is a buffer rather than an `Array` because a stored array of
/// a class pays run-time exclusivity checks on every access.
///
/// Not thread-safe, like the stemmer it wraps. One per ``Analyzer``.
final class CachedStemmer {
    /// The number of cache slots (a power of two).
    static let slotCount = 1024

    /// The number of words stemmed without a cache before the cache is set up.
    static let stemsBeforeCaching = 256

    /// A cached word and its stem.
    private struct Slot {
        var word = ""
        var stem = ""
    }

    private let stemmer: SnowballStemmer

    private var storage: UnsafeMutableBufferPointer<Slot>?
    private var uncachedStems = 0

    /// Creates a cached stemmer for `language`.
    init(language: StemmingLanguage) {
        stemmer = SnowballStemmer(language: language)
    }

    deinit {
        if let storage {
            _ = storage.deinitialize()
            storage.deallocate()
        }
    }

    /// The stem of one case-folded word.
    ///
    /// Words of one or two bytes are returned unchanged without calling Snowball (Porter2 leaves
    /// every word shorter than three characters as it is).
    ///
    /// - Parameter word: the word in UTF-8, already case-folded.
    /// - Returns: its stem.
    /// - Complexity: O(n) in the length of the word.
    func stem(_ word: UnsafeBufferPointer<UInt8>) -> String {
        if word.count <= 2 { return String(decoding: word, as: UTF8.self) }
        guard let slots = storage else {
            uncachedStems += 1
            if uncachedStems >= Self.stemsBeforeCaching { makeStorage() }
            return stemmer.withStem(word) { String(decoding: $0, as: UTF8.self) }
        }
        let hash = Self.hash(of: word)
        let first = Int(truncatingIfNeeded: hash) & (Self.slotCount - 1)
        if Self.equals(slots[first].word, word) { return slots[first].stem }
        let second = Int(truncatingIfNeeded: hash >> 32) & (Self.slotCount - 1)
        if Self.equals(slots[second].word, word) { return slots[second].stem }
        let stem = stemmer.withStem(word) { String(decoding: $0, as: UTF8.self) }
        let evicted = slots[first]
        slots[first] = Slot(word: String(decoding: word, as: UTF8.self), stem: stem)
        if !evicted.word.isEmpty {
            var alternate = Self.hash(of: evicted.word)
            if Int(truncatingIfNeeded: alternate) & (Self.slotCount - 1) == first { alternate >>= 32 }
            slots[Int(truncatingIfNeeded: alternate) & (Self.slotCount - 1)] = evicted
        }
        return stem
    }

    /// Allocates the slots, all empty.
    private func makeStorage() {
        let slots = UnsafeMutableBufferPointer<Slot>.allocate(capacity: Self.slotCount)
        slots.initialize(repeating: Slot())
        storage = slots
    }

    /// The 64-bit FNV-1a hash of `word`.
    private static func hash(of word: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in word {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    /// The 64-bit FNV-1a hash of the UTF-8 of `word`.
    private static func hash(of word: String) -> UInt64 {
        var word = word
        return word.withUTF8 { hash(of: $0) }
    }

    /// Whether `string` has exactly the UTF-8 bytes `bytes` (which are not empty).
    private static func equals(_ string: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let utf8 = string.utf8
        guard utf8.count == bytes.count, let base = bytes.baseAddress else { return false }
        return utf8.withContiguousStorageIfAvailable { stored in
            stored.baseAddress.map { memcmp($0, base, bytes.count) == 0 } ?? false
        } ?? utf8.elementsEqual(bytes)
    }
}
