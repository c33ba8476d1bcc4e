import Foundation

/// Prints a value as JSON on standard output (sorted keys, so scripts and diffs are stable).
func printJSON(_ value: Any) throws {
    let data = try JSONSerialization.data(withJSONObject: value, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    print(String(decoding: data, as: UTF8.self))
}

/// Rounds for display and JSON (scores and measures).
func rounded(_ value: Double, _ digits: Int = 4) -> Double {
    let scale = pow(10, Double(digits))
    return (value * scale).rounded() / scale
}
