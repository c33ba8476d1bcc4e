import Foundation
import Testing
@testable import VaultTrending

/// Properties checked:
/// 1. The log2-sum adds and subtracts like the plain sum (to 1e-12 relative), refusing an
///    ill-conditioned subtraction.
/// 2. Stored records round-trip, and descending keys sort in descending order.
@Suite struct DecayMathTests {
    @Test func logSumMatchesThePlainSum() {
        let settings = TrendingSettings()
        let times: [Int64] = [1_700_000_000, 1_700_003_600, 1_700_090_000, 1_760_000_000]
        var log = -Double.infinity
        var plain = 0.0
        let now: Int64 = 1_760_100_000
        for (i, t) in times.enumerated() {
            let weight = Int64([1, 3, 5, 2][i])
            log = DecayMath.add(log, DecayMath.term(weight: weight, time: t, settings: settings))
            plain += Double(weight) * exp2(-Double(now - t) / Double(settings.halfLife))
        }
        let score = DecayMath.score(log, now: now, settings: settings)
        #expect(abs(score - plain) <= 1e-12 * plain)
        let first = DecayMath.term(weight: 1, time: times[0], settings: settings)
        let reduced = DecayMath.subtract(log, first)
        #expect(reduced != nil)
        #expect(DecayMath.subtract(log, log) == nil)
    }

    @Test func recordsRoundTripAndKeysSortDescending() {
        var state = PromptState()
        state.known = true
        state.listed = true
        state.authorID = 7
        state.createdAt = -5
        state.decayLog = 1234.5
        state.ratingSum = 42
        #expect(state.encoded().withUnsafeBytes { PromptState.decode($0) } == state)
        let author = AuthorState(known: true, reputation: -3, listedPrompts: 2, engagement: 9)
        #expect(author.encoded().withUnsafeBytes { AuthorState.decode($0) } == author)
        var high: [UInt8] = [], low: [UInt8] = []
        Bytes.appendDescending(2.5, to: &high)
        Bytes.appendDescending(-1.0, to: &low)
        #expect(high.lexicographicallyPrecedes(low))
        #expect(high.withUnsafeBytes { Bytes.descendingDouble($0, at: 0) } == 2.5)
        var a: [UInt8] = [], b: [UInt8] = []
        Bytes.appendDescending(Int64(10), to: &a)
        Bytes.appendDescending(Int64(-10), to: &b)
        #expect(a.lexicographicallyPrecedes(b))
        #expect(b.withUnsafeBytes { Bytes.descendingInt64($0, at: 0) } == -10)
    }
}
