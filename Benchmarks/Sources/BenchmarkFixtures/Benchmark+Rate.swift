import Benchmark

extension BenchmarkMetric {
    /// Postings decoded per second of wall clock (a custom metric; larger is better).
    public static var documentsDecodedPerSecond: BenchmarkMetric {
        .custom("documents decoded /s", polarity: .prefersLarger, useScalingFactor: false)
    }

    /// Queries run per second of wall clock (a custom metric; larger is better).
    public static var queriesPerSecond: BenchmarkMetric {
        .custom("queries /s", polarity: .prefersLarger, useScalingFactor: false)
    }
}

extension Benchmark {
    /// Runs `body`, which handles `items` items (documents, queries), and records `items` per second
    /// of its wall clock as `metric`: a rate per item where the built-in throughput counts iterations.
    ///
    /// The clock reads add tens of nanoseconds to a measured iteration of milliseconds.
    public func recordRate<T>(_ metric: BenchmarkMetric, items: Int, _ body: () throws -> T) rethrows -> T {
        let start = ContinuousClock.now
        let result = try body()
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        if seconds > 0 { measurement(metric, Int((Double(items) / seconds).rounded())) }
        return result
    }
}
