import Foundation

/// Sums of 2^x kept as their log2, so a score that grows by 2× every half-life never overflows:
/// after t seconds an event's term is log2(w) + (t − epoch)/halfLife.
enum DecayMath {
    /// The log2 term of one event of weight `weight` at `time`.
    static func term(weight: Int64, time: Int64, settings: TrendingSettings) -> Double {
        log2(Double(weight)) + Double(time - settings.epoch) / Double(settings.halfLife)
    }

    /// log2(2^a + 2^b).
    static func add(_ a: Double, _ b: Double) -> Double {
        if a == -.infinity { return b }
        if b == -.infinity { return a }
        let high = max(a, b), low = min(a, b)
        return high + log1p(exp2(low - high)) / M_LN2
    }

    /// log2(2^a − 2^b) when that is well conditioned (2^b ≤ 2^a / 2); nil otherwise (the caller
    /// recomputes the sum from the terms, which cancellation would otherwise corrupt).
    static func subtract(_ a: Double, _ b: Double) -> Double? {
        let ratio = exp2(b - a)
        guard ratio <= 0.5 else { return nil }
        return a + log1p(-ratio) / M_LN2
    }

    /// The decayed score at `now` of a log2-score.
    static func score(_ log: Double, now: Int64, settings: TrendingSettings) -> Double {
        log == -.infinity ? 0 : exp2(log - Double(now - settings.epoch) / Double(settings.halfLife))
    }
}
