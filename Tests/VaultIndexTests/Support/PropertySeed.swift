import Foundation

/// The seed for a property test: `VAULT_TEST_SEED` when set (to replay a failure), else random.
func propertySeed() -> UInt64 {
    if let text = ProcessInfo.processInfo.environment["VAULT_TEST_SEED"], let seed = UInt64(text) { return seed }
    return UInt64.random(in: 1...UInt64.max)
}
