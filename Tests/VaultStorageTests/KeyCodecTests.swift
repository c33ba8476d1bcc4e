import Testing
@testable import VaultStorage

@Suite("order-preserving key codecs")
struct KeyCodecTests {
    private func lexicographicallyLess(_ a: [UInt8], _ b: [UInt8]) -> Bool { a.lexicographicallyPrecedes(b) }

    @Test("UInt32 and UInt64 round-trip and sort as bytes like numbers")
    func integers() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let a = UInt32.random(in: .min ... .max, using: &rng), b = UInt32.random(in: .min ... .max, using: &rng)
            let ea = KeyCodec.encode(a), eb = KeyCodec.encode(b)
            #expect(ea.withUnsafeBytes { KeyCodec.decodeUInt32($0) } == a)
            #expect(lexicographicallyLess(ea, eb) == (a < b))
            var la: [UInt8] = [], lb: [UInt8] = []
            let x = UInt64(a) << 17 ^ UInt64(b), y = UInt64(b) << 9
            KeyCodec.append(x, to: &la); KeyCodec.append(y, to: &lb)
            #expect(la.withUnsafeBytes { KeyCodec.decodeUInt64($0) } == x)
            #expect(lexicographicallyLess(la, lb) == (x < y))
        }
    }

    @Test("doubles sort as bytes like numbers, negatives and zero included")
    func doubles() {
        let values: [Double] = [-.infinity, -1e300, -2.5, -1, -0.0001, 0, 0.0001, 1, 2.5, 4.75, 1e300, .infinity]
        let encoded = values.map { v -> [UInt8] in var b: [UInt8] = []; KeyCodec.append(v, to: &b); return b }
        for i in 0..<values.count {
            #expect(encoded[i].withUnsafeBytes { KeyCodec.decodeDouble($0) } == values[i])
            if i > 0 { #expect(lexicographicallyLess(encoded[i - 1], encoded[i]), "\(values[i - 1]) < \(values[i])") }
        }
    }
}
