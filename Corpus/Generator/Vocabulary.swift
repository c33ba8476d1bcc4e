/// All the words the generator draws from, built once from the data in the source.
///
/// The global ranking puts ``CommonWords`` first (function words, then general prompt words),
/// then everyday words and the categories' words interleaved (the first word of each list, then
/// the second of each, and so on), without repeats. Words are drawn from it with Zipf's law
/// (exponent 1). Beyond the core, ``SyntheticWords`` supply an unbounded tail whose ranks
/// continue the curve with exponent 2, so the number of distinct words keeps growing with the
/// corpus, roughly as the square root of its length (Heaps' law, β ≈ 0.5).
struct Vocabulary: Sendable {
    /// The shared instance (immutable; built on first use in a few milliseconds).
    static let shared = Vocabulary()

    /// Every core word, most frequent first.
    let words: WordTable
    let zipf: ZipfSampler
    /// Ranks below this are function words ("the", "of", …).
    let functionWordCount: Int
    /// Function words, which queries usually skip.
    let stopWords: Set<String>
    /// ``ASCII/fnv1a(_:)`` of every core word, so the synthetic tail avoids them.
    let coreHashes: Set<UInt64>
    let categories: [Category]
    /// Running sums of the categories' weights, for drawing a category.
    private let cumulativeWeights: [Int]

    private init() {
        categories = CategorySpecs.all.map(Category.init)
        let function = Self.uniqueWords(CommonWords.function)
        var ranked = Self.uniqueWords(CommonWords.function + " " + CommonWords.general)
        var seen = Set(ranked)
        let streams = [Self.uniqueWords(CommonWords.everyday)] + categories.map(\.words.words)
        let longest = streams.map(\.count).max() ?? 0
        for rank in 0..<longest {
            for stream in streams where rank < stream.count {
                if seen.insert(stream[rank]).inserted { ranked.append(stream[rank]) }
            }
        }
        words = WordTable(ranked)
        zipf = ZipfSampler(count: ranked.count)
        functionWordCount = function.count
        stopWords = Set(function)
        coreHashes = Set(seen.map { ASCII.fnv1a($0.utf8) })
        var sum = 0
        cumulativeWeights = categories.map { sum += $0.weight; return sum }
    }

    /// A category drawn by weight.
    func category(_ random: inout SeededRandom) -> Category {
        let draw = random.below(cumulativeWeights.last ?? 1)
        let index = cumulativeWeights.firstIndex(where: { draw < $0 }) ?? 0
        return categories[index]
    }

    /// A global rank that is not a function word (a few redraws, then the first content rank).
    func contentRank(_ random: inout SeededRandom) -> Int {
        for _ in 0..<8 {
            let rank = zipf.sample(&random)
            if rank >= functionWordCount { return rank }
        }
        return functionWordCount
    }

    /// The id of a synthetic tail word: rank ⌊V/u⌋ − V for u uniform in (0, 1], V the core size,
    /// so P(id ≥ x) = V / (V + x).
    func tailID(_ random: inout SeededRandom) -> UInt64 {
        let u = Double((random.next() >> 11) + 1) * 0x1p-53
        let core = Double(words.count)
        return UInt64(min(core / u - core, 1e15))
    }

    /// A synthetic tail word as a string.
    func tailWord(_ random: inout SeededRandom) -> String {
        SyntheticWords.word(tailID(&random), avoiding: coreHashes)
    }

    /// The distinct whitespace-separated words of `text`, in order of first appearance.
    static func uniqueWords(_ text: String) -> [String] {
        var seen = Set<String>()
        return text.split(whereSeparator: \.isWhitespace).map(String.init).filter { seen.insert($0).inserted }
    }
}
