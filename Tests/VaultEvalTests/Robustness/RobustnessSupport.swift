import Foundation
import VaultCorpus

/// The seed of a randomized robustness test: `VAULT_TEST_SEED` when set (to replay a failure),
/// else random. Callers print it.
func robustnessSeed() -> UInt64 {
    if let text = ProcessInfo.processInfo.environment["VAULT_TEST_SEED"], let seed = UInt64(text) { return seed }
    return UInt64.random(in: 1...UInt64.max)
}

/// Optimal-string-alignment distance (Damerau–Levenshtein where a transposition of two adjacent
/// characters is one edit), written out from the textbook recurrence: the oracle for "exactly one
/// edit", independent of how the injector makes its edits.
func damerauDistance(_ a: String, _ b: String) -> Int {
    let x = Array(a), y = Array(b)
    var d = [[Int]](repeating: [Int](repeating: 0, count: y.count + 1), count: x.count + 1)
    for i in 0...x.count { d[i][0] = i }
    for j in 0...y.count { d[0][j] = j }
    if x.isEmpty || y.isEmpty { return max(x.count, y.count) }
    for i in 1...x.count {
        for j in 1...y.count {
            let cost = x[i - 1] == y[j - 1] ? 0 : 1
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
            if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
            }
        }
    }
    return d[x.count][y.count]
}

/// A random lower-case ASCII word of `length` letters.
func randomWord(length: Int, using random: inout SeededRandom) -> String {
    String((0..<length).map { _ in Character(Unicode.Scalar(UInt8(ascii: "a") + UInt8(random.below(26)))) })
}
