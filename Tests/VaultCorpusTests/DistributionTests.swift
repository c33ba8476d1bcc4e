import Testing
@testable import VaultCorpus

/// The corpus looks like text. Properties checked:
/// 1. Word frequencies fall roughly as Zipf's law: the most frequent word is several times as
///    frequent as the 10th, and the 10th several times the 100th.
/// 2. The vocabulary keeps growing with the corpus (Heaps' law): ten times the documents give
///    clearly more, but fewer than ten times the, distinct words.
/// 3. Bodies have a median near 120 words, a long tail below ~850, and 1–4 paragraphs.
/// 4. Titles look like prompt titles; ids are unique.
@Suite struct DistributionTests {
    @Test func frequenciesAreZipfian() {
        let counts = wordFrequencies(CorpusGenerator(seed: 11).documents(count: 2_000)).values.sorted(by: >)
        let top = Double(counts[0]), tenth = Double(counts[9]), hundredth = Double(counts[99])
        print("frequency of rank 1: \(top), rank 10: \(tenth), rank 100: \(hundredth)")
        #expect((2...30).contains(top / tenth))
        #expect((3...30).contains(tenth / hundredth))
    }

    @Test func vocabularyGrowsWithTheCorpus() {
        let generator = CorpusGenerator(seed: 5)
        let small = wordFrequencies(generator.documents(count: 400)).count
        let large = wordFrequencies(generator.documents(count: 4_000)).count
        print("distinct words: \(small) in 400 documents, \(large) in 4,000")
        #expect(Double(large) > 1.8 * Double(small))
        #expect(Double(large) < 8 * Double(small))
    }

    @Test func lengthsAndParagraphs() {
        var lengths: [Int] = []
        var paragraphCounts = Set<Int>()
        for document in CorpusGenerator(seed: 3).documents(count: 3_000) {
            lengths.append(words(of: document.text).count)
            paragraphCounts.insert(document.text.split(separator: "\n\n", omittingEmptySubsequences: false).count)
            #expect(!document.title.isEmpty && !document.title.contains("\n"))
            #expect(!document.text.hasPrefix(" ") && !document.text.hasSuffix(" "))
        }
        lengths.sort()
        let median = lengths[lengths.count / 2]
        print("body words: median \(median), 99th percentile \(lengths[lengths.count * 99 / 100]), max \(lengths.last ?? 0)")
        #expect((95...150).contains(median))
        #expect((lengths.last ?? 0) <= 900)
        #expect(lengths[lengths.count * 99 / 100] >= 400)
        #expect(paragraphCounts == [1, 2, 3, 4])
    }

    @Test func titlesLookLikePrompts() {
        let titles = CorpusGenerator(seed: 9).documents(count: 2_000).map(\.title)
        #expect(titles.contains { $0.hasPrefix("Act as a") })
        #expect(titles.contains { $0.hasPrefix("Midjourney prompt:") })
        #expect(titles.contains { $0.hasPrefix("Cover Letter Writer for") })
        // "a" before a vowel becomes "an".
        #expect(!titles.contains { $0.contains(" a A") || $0.contains(" a E") || $0.contains(" a I") })
        #expect(Set(titles).count > 1_000)
    }

    @Test func idsAreUnique() {
        let ids = CorpusGenerator(seed: 1).documents(count: 20_000).map(\.id)
        #expect(Set(ids).count == ids.count)
    }

    @Test func syntheticWordsAreDistinctAndNeverCoreWords() {
        let vocabulary = Vocabulary.shared
        let core = Set(vocabulary.words.words)
        var seen = Set<String>()
        for id in Array(UInt64(0)..<20_000) + Array(stride(from: UInt64(1) << 20, to: 1 << 40, by: 1 << 24)) {
            let word = SyntheticWords.word(id, avoiding: vocabulary.coreHashes)
            #expect(seen.insert(word).inserted, "tail word \(id) repeats \(word)")
            #expect(!core.contains(word))
        }
        #expect(vocabulary.words.count > 3_000)
    }
}
