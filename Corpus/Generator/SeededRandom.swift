/// xoshiro256** (Blackman and Vigna), seeded through SplitMix64: a fast random generator that gives
/// the same sequence for the same seed on every platform, unlike `SystemRandomNumberGenerator`.
///
/// The generator uses only its own integer arithmetic, so a seed names the same corpus everywhere.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    /// Creates a generator whose whole sequence is determined by `seed`.
    public init(seed: UInt64) {
        var mixer = seed
        s0 = Self.splitMix(&mixer)
        s1 = Self.splitMix(&mixer)
        s2 = Self.splitMix(&mixer)
        s3 = Self.splitMix(&mixer)
    }

    /// Creates the generator of item `index` of the stream `seed`: streams for different indexes
    /// are independent, so any item can be generated alone (random access).
    public init(seed: UInt64, index: UInt64) {
        var mixer = seed
        let base = Self.splitMix(&mixer)
        var indexMixer = index ^ 0x6A09_E667_F3BC_C909
        self.init(seed: base ^ Self.splitMix(&indexMixer))
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        let result = rotate(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotate(s3, 45)
        return result
    }

    /// A uniform integer in `0..<bound` (Lemire's multiply-shift; the bias is below 2⁻³² for any
    /// bound used here). `bound` must be positive.
    @inline(__always)
    public mutating func below(_ bound: Int) -> Int {
        Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    /// A uniform `Double` in `[0, 1)` with 53 random bits.
    @inline(__always)
    public mutating func unit() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// `true` with probability `percent` / 100.
    @inline(__always)
    public mutating func chance(_ percent: Int) -> Bool {
        below(100) < percent
    }

    /// A uniformly chosen element of a non-empty collection.
    @inline(__always)
    public mutating func pick<C: RandomAccessCollection>(_ items: C) -> C.Element where C.Index == Int {
        items[items.startIndex + below(items.count)]
    }

    @inline(__always)
    private func rotate(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    private static func splitMix(_ state: inout UInt64) -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
