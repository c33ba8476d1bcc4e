/// Percentiles of a set of latency samples (nanoseconds), by the nearest-rank method.
public struct LatencySummary: Sendable, Equatable, Codable {
    /// How many samples.
    public var count: Int
    /// The median, in milliseconds.
    public var p50: Double
    /// The 90th percentile, in milliseconds.
    public var p90: Double
    /// The 99th percentile, in milliseconds.
    public var p99: Double
    /// The mean, in milliseconds.
    public var mean: Double

    /// Summarizes samples given in nanoseconds; all zero when there are none.
    public init(nanoseconds samples: [UInt64]) {
        let sorted = samples.sorted()
        count = sorted.count
        func percentile(_ p: Double) -> Double {
            guard !sorted.isEmpty else { return 0 }
            let rank = Int((p / 100 * Double(sorted.count)).rounded(.up))
            return Double(sorted[max(0, min(sorted.count - 1, rank - 1))]) / 1e6
        }
        p50 = percentile(50)
        p90 = percentile(90)
        p99 = percentile(99)
        mean = sorted.isEmpty ? 0 : Double(sorted.reduce(0, +)) / Double(sorted.count) / 1e6
    }
}
