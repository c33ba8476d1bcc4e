import Testing
import VaultCorpus
@testable import VaultIndex

/// Properties 8 and 9 of `FilterParserTests`: the seeded round-trip fuzz and the fuzz of random
/// bytes (replay a failure with `VAULT_TEST_SEED=<seed>`).
@Suite("filter parser: fuzz")
struct FilterParserFuzzTests {
    typealias F = FilterFuzzSupport

    @Test("random trees rendered with random spacing, quoting and keyword case parse back to themselves")
    func roundTrip() throws {
        let seed = propertySeed()
        print("FilterParserFuzzTests.roundTrip seed: \(seed) (replay with VAULT_TEST_SEED=\(seed))")
        var rng = SeededRandom(seed: seed)
        for round in 0..<3_000 {
            let tree = F.tree(&rng, depth: 1 + rng.below(4))
            let text = F.render(tree, &rng)
            let context = "seed \(seed) round \(round) filter \(text.debugDescription)"
            let parsed: FilterExpression
            do {
                parsed = try FilterParser.parse(text)
            } catch {
                Issue.record("\(context): \(error.rendered)")
                return
            }
            guard FilterTestSupport.stripped(parsed) == tree else {
                Issue.record("\(context): parsed \(FilterTestSupport.stripped(parsed)), expected \(tree)")
                return
            }
            // Positions point at the rendered fields and values (quoted, or as written).
            let characters = Array(text)
            for (value, range) in F.positions(in: parsed) {
                guard range.lowerBound >= 0, range.upperBound <= characters.count else {
                    Issue.record("\(context): range \(range) out of bounds")
                    return
                }
                let slice = characters[range]
                let quoted = slice.count >= 2 && FilterCharacters.isQuote(slice[range.lowerBound])
                    && slice[range.lowerBound] == slice[range.upperBound - 1]
                guard quoted || String(slice) == value else {
                    Issue.record("\(context): `\(String(slice))` at \(range) for `\(value)`")
                    return
                }
            }
        }
    }

    @Test("random bytes and token soup only ever parse or throw a FilterSyntaxError inside the source")
    func randomBytes() {
        let seed = propertySeed()
        print("FilterParserFuzzTests.randomBytes seed: \(seed) (replay with VAULT_TEST_SEED=\(seed))")
        var rng = SeededRandom(seed: seed)
        let fragments = [
            "(", ")", "[", "]", ",", "=", "!=", ">=", "<", ">", "<=", "=>", "!", "AND", "or", "NOT", "in", "TO",
            "EXISTS", "IS", "NULL", "EMPTY", "STARTS", "WITH", "a", "b.c", "-3", "x/y", "'", "\"", "\\", "'x y'",
            "\"q\"", " ", "\t", "\n", "_geoRadius", "é", "🦀", "\u{301}", "\u{200D}", "\u{600}", "&", "\r\n",
        ]
        var parsedCount = 0
        for round in 0..<20_000 {
            var bytes: [UInt8]
            switch rng.below(3) {
            case 0:
                bytes = (0..<rng.below(48)).map { _ in UInt8(truncatingIfNeeded: rng.below(256)) }
            case 1:
                // A valid filter with a few characters deleted, inserted or repeated.
                var characters = Array(F.render(F.tree(&rng, depth: 1 + rng.below(3)), &rng))
                for _ in 0..<1 + rng.below(3) {
                    let at = rng.below(characters.count + 1)
                    switch rng.below(3) {
                    case 0 where at < characters.count:
                        characters.removeSubrange(at..<min(characters.count, at + 1 + rng.below(4)))
                    case 1:
                        characters.insert(contentsOf: Array(rng.pick(fragments)), at: at)
                    default:
                        let end = min(characters.count, at + rng.below(8))
                        characters.insert(contentsOf: characters[at..<end], at: at)
                    }
                }
                bytes = Array(String(characters).utf8)
                if !bytes.isEmpty, rng.chance(10) {
                    bytes[rng.below(bytes.count)] = UInt8(truncatingIfNeeded: rng.below(256))
                }
            default:
                let soup = (0..<rng.below(24)).map { _ in rng.pick(fragments) }
                bytes = Array(soup.joined(separator: rng.chance(50) ? " " : "").utf8)
                if !bytes.isEmpty, rng.chance(20) {
                    bytes[rng.below(bytes.count)] = UInt8(truncatingIfNeeded: rng.below(256))
                }
            }
            let context = "seed \(seed) round \(round) bytes \(bytes)"
            do {
                let tree = try FilterParser.parse(utf8: bytes)
                parsedCount += 1
                let count = String(decoding: bytes, as: UTF8.self).count
                for (_, range) in F.positions(in: tree) where range.lowerBound < 0 || range.upperBound > count {
                    Issue.record("\(context): range \(range) out of bounds")
                    return
                }
            } catch {
                let count = error.source.count
                guard error.position >= 0, error.length >= 0, error.position + error.length <= count,
                      !error.message.isEmpty, !error.rendered.isEmpty else {
                    Issue.record("\(context): \(error)")
                    return
                }
            }
        }
        print("FilterParserFuzzTests.randomBytes: \(parsedCount) of 20000 inputs parsed")
    }
}
