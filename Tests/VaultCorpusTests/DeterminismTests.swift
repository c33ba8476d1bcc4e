import Testing
@testable import VaultCorpus

/// A seed names one corpus. Properties checked:
/// 1. The random generator is xoshiro256** seeded by SplitMix64 (reference outputs).
/// 2. The same seed gives the same documents and queries; different seeds give different ones.
/// 3. Documents are random-access: document i generated alone, after others, or read from the
///    streamed sequence is the same document.
@Suite struct DeterminismTests {
    @Test func randomGeneratorMatchesReference() {
        // Reference values of xoshiro256** with its state filled by SplitMix64 from the seed.
        var zero = SeededRandom(seed: 0)
        #expect([zero.next(), zero.next(), zero.next()] == [0x99EC_5F36_CB75_F2B4, 0xBF6E_1F78_4956_452A, 0x1A5F_849D_4933_E6E0])
        var fortyTwo = SeededRandom(seed: 42)
        #expect([fortyTwo.next(), fortyTwo.next(), fortyTwo.next()] == [0x1578_0B2E_0C2E_C716, 0x6104_D986_6D11_3A7E, 0xAE17_5332_39E4_99A1])
    }

    @Test func sameSeedSameCorpus() {
        let first = Array(CorpusGenerator(seed: 7).documents(count: 300))
        let second = Array(CorpusGenerator(seed: 7).documents(count: 300))
        #expect(first == second)
        #expect(CorpusGenerator(seed: 7).queries(count: 200, seed: 3) == CorpusGenerator(seed: 7).queries(count: 200, seed: 3))
    }

    @Test func differentSeedsDiffer() {
        let a = Array(CorpusGenerator(seed: 1).documents(count: 100))
        let b = Array(CorpusGenerator(seed: 2).documents(count: 100))
        let same = zip(a, b).filter { $0.text == $1.text }.count
        #expect(same == 0)
        #expect(CorpusGenerator(seed: 1).queries(count: 100, seed: 1) != CorpusGenerator(seed: 1).queries(count: 100, seed: 2))
    }

    @Test func randomAccessEqualsStreaming() {
        let generator = CorpusGenerator(seed: 42)
        // Streamed in order through the sequence's iterator…
        var streamed: [GeneratedDocument] = []
        for document in generator.documents(count: 2_000) { streamed.append(document) }
        // …equals each document generated alone, in reverse order, by another generator.
        let other = CorpusGenerator(seed: 42)
        for index in stride(from: 1_999, through: 0, by: -37) {
            #expect(other.document(at: index) == streamed[index])
        }
        // Document 150,000: generated directly, after others, and as the 150,000th (0-based)
        // element of a 150,001-document sequence (nothing before it is generated or stored).
        let direct = CorpusGenerator(seed: 42).document(at: 150_000)
        let sequence = generator.documents(count: 150_001)
        #expect(sequence.count == 150_001)
        #expect(sequence.dropFirst(150_000).first == direct)
        #expect(generator.documents(in: 149_999..<150_002).map(\.id) == ["p149999", "p150000", "p150001"])
        #expect(generator.document(at: 150_000) == direct)
        #expect(direct.id == "p150000")
    }
}
