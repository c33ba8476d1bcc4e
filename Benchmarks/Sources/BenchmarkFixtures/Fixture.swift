/// Setup state made on first use and released at teardown.
///
/// package-benchmark runs each benchmark in its own process, calling its setup before and its
/// teardown after the measured iterations; a teardown gets no setup state. A fixture shared by the
/// benchmarks of a suite gives both ends the same value:
///
/// ```swift
/// let index = Fixture { try TemporaryIndex(documentCount: 50_000, label: "postings") } release: { $0.remove() }
/// Benchmark("…") { benchmark, index in … } setup: { try index.setUp() } teardown: { index.tearDown() }
/// ```
///
/// When a suite's executable runs standalone (all benchmarks in one process), each teardown
/// releases the value and the next setup makes it again. Not thread-safe: setup and teardown are
/// called one after the other.
public final class Fixture<Value> {
    private let make: () throws -> Value
    private let release: (Value) -> Void
    private var value: Value?

    /// A fixture that calls `make` on first use and `release` at teardown.
    public init(_ make: @escaping () throws -> Value, release: @escaping (Value) -> Void = { _ in }) {
        self.make = make
        self.release = release
    }

    /// The value, made now when there is none yet.
    /// - Throws: what `make` throws.
    public func setUp() throws -> Value {
        if let value { return value }
        let made = try make()
        value = made
        return made
    }

    /// Releases the value, if one was made.
    public func tearDown() {
        if let value { release(value) }
        value = nil
    }
}
