/// 64-bit FNV-1a over UTF-8 bytes: a hash that is the same in every process and on every platform,
/// unlike Swift's `Hasher`, which is seeded per process. Used to derive a query's random stream
/// from its id, so a query's alteration depends only on (seed, query id).
enum StableHash {
    /// The FNV-1a hash of the UTF-8 bytes of `text`.
    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}
