/// How many words a document body has: median 120, most between 35 and 340, a tail to 800.
///
/// An explicit inverse cumulative distribution (per-mille → words), interpolated linearly with
/// integer arithmetic, so lengths are identical on every platform.
enum DocumentLength {
    /// (cumulative probability in ‰, words) knots, increasing in both.
    private static let knots: [(permille: Int, words: Int)] = [
        (0, 15), (50, 35), (100, 48), (200, 68), (300, 85), (400, 102), (500, 120), (600, 140),
        (700, 165), (800, 200), (900, 265), (950, 340), (980, 460), (995, 620), (1000, 800),
    ]

    /// A body length in words, drawn from the distribution.
    static func sample(_ random: inout SeededRandom) -> Int {
        let u = random.below(1_000_000)  // millionths
        var upper = 1
        while knots[upper].permille * 1000 <= u { upper += 1 }
        let (p0, w0) = knots[upper - 1], (p1, w1) = knots[upper]
        let span = (p1 - p0) * 1000
        return w0 + (w1 - w0) * (u - p0 * 1000) / span
    }
}
