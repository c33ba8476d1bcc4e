import Foundation
import Synchronization

/// Where trending reads "now" from: Unix seconds. Injected everywhere (STYLE.md item 8), so tests
/// run the lists at any instant with a ``ManualClock``; production uses ``SystemClock``.
public protocol TrendingClock: Sendable {
    /// The current instant, in Unix seconds.
    func now() -> Int64
}

/// The wall clock.
public struct SystemClock: TrendingClock {
    /// The wall clock.
    public init() {}
    /// `Date()` in whole Unix seconds (the store's event times are whole seconds).
    public func now() -> Int64 { Int64(Date().timeIntervalSince1970.rounded(.down)) }
}

/// A clock that moves only when told to: for tests and replays.
public final class ManualClock: TrendingClock {
    private let instant: Mutex<Int64>

    /// A clock standing at `start` (Unix seconds).
    public init(_ start: Int64) { instant = Mutex(start) }

    /// The instant it stands at.
    public func now() -> Int64 { instant.withLock { $0 } }

    /// Moves the clock to `instant`.
    public func set(_ instant: Int64) { self.instant.withLock { $0 = instant } }

    /// Moves the clock forward by `seconds`.
    public func advance(by seconds: Int64) { instant.withLock { $0 += seconds } }
}
