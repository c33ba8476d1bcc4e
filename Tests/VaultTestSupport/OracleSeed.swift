import Foundation

/// Seeds for the oracle's property tests.
public enum OracleSeed {
    /// `VAULT_TEST_SEED` when set (to replay a failure), else a random seed.
    public static func make() -> UInt64 {
        if let text = ProcessInfo.processInfo.environment["VAULT_TEST_SEED"], let seed = UInt64(text) { return seed }
        return UInt64.random(in: 1...UInt64.max)
    }
}
