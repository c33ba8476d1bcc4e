import Foundation
import Testing
import VaultCorpus
@testable import VaultIndex

/// The column containers against plain Swift sets (seeded; `VAULT_TEST_SEED` replays):
/// 1. encode then decode gives back the members, as an array up to 4,096 members and as a bitmap past it;
/// 2. `contains`, `add` into a `DocSet`, `intersectionCount` and `applying` (a batch's adds and
///    removes) agree with the plain set;
/// 3. damaged bytes (wrong kind, short, a count that disagrees with the length) are reported, never trapped on.
@Suite("doc set containers")
struct DocSetContainerTests {
    @Test func containersEqualPlainSets() {
        let seed = ProcessInfo.processInfo.environment["VAULT_TEST_SEED"].flatMap(UInt64.init) ?? UInt64.random(in: 1...UInt64.max)
        print("DocSetContainerTests seed \(seed) (replay with VAULT_TEST_SEED=\(seed))")
        var random = SeededRandom(seed: seed)
        let sizes = [0, 1, 2, 7, 4_096, 4_097, 20_000, 65_536]
        for round in 0..<64 {
            let size = sizes[round % sizes.count]
            var members = Set<UInt16>()
            while members.count < size { members.insert(UInt16(random.below(65_536))) }
            let lows = members.sorted()
            let bytes = DocSetContainer.encode(lows)
            #expect(bytes.first == (lows.count <= DocSetContainer.arrayLimit ? 0 : 1), "round \(round): form for \(lows.count) members")
            bytes.withUnsafeBytes { raw in
                var decoded: [UInt16] = []
                #expect(DocSetContainer.forEachLow(raw) { decoded.append($0) })
                #expect(decoded == lows, "seed \(seed) round \(round)")
                for _ in 0..<200 {
                    let probe = UInt16(random.below(65_536))
                    #expect(DocSetContainer.contains(raw, low: probe) == members.contains(probe))
                }
                let high = UInt16(random.below(3))
                var set = DocSet(capacity: 3 << 16)
                #expect(DocSetContainer.add(raw, high: high, to: &set))
                #expect(set.members == lows.map { UInt32(high) << 16 | UInt32($0) })
                var other = DocSet(capacity: 3 << 16)
                var expected = 0
                for _ in 0..<1_000 {
                    let doc = UInt32(random.below(3 << 16))
                    if !other.contains(doc) {
                        other.insert(doc)
                        if doc >> 16 == UInt32(high) && members.contains(UInt16(doc & 0xFFFF)) { expected += 1 }
                    }
                }
                #expect(DocSetContainer.intersectionCount(raw, high: high, with: other) == expected)
                // An update (what a write batch does): adds of non-members, removes of members.
                let removing = Array(members.shuffled(using: &random).prefix(random.below(members.count + 1)))
                var adding: [UInt16] = []
                for _ in 0..<random.below(6_000) {
                    let low = UInt16(random.below(65_536))
                    if !members.contains(low) { adding.append(low) }
                }
                let after = members.subtracting(removing).union(adding)
                let updated = DocSetContainer.applying(raw, adding: adding, removing: removing)
                #expect(updated?.removed == removing.count && updated?.count == after.count, "seed \(seed) round \(round)")
                var result: [UInt16] = []
                if let updated, !updated.bytes.isEmpty {
                    _ = updated.bytes.withUnsafeBytes { DocSetContainer.forEachLow($0) { result.append($0) } }
                }
                #expect(result == after.sorted(), "seed \(seed) round \(round): members after the update")
            }
        }
    }

    @Test func damagedContainersAreReported() {
        for bytes: [UInt8] in [[], [2], [0, 5, 0, 1, 0], [1, 0, 0], [0, 1]] {
            bytes.withUnsafeBytes { raw in
                #expect(!DocSetContainer.forEachLow(raw) { _ in })
                #expect(DocSetContainer.contains(raw, low: 1) == nil)
                var set = DocSet(capacity: 1 << 16)
                #expect(!DocSetContainer.add(raw, high: 0, to: &set))
                #expect(DocSetContainer.intersectionCount(raw, high: 0, with: set) == nil)
            }
        }
    }
}
