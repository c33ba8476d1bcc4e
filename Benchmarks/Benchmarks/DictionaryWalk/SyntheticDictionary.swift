import BenchmarkFixtures
import VaultAnalysis
import VaultCorpus
import VaultIndex

/// A 1,000,000-term index for the dictionary walk: distinct pronounceable synthetic words (1–4
/// syllables such as `strainek` or `dolu`), each in at least one document, with a Zipf-like skew of
/// document frequencies (word `i` is in about `20,000 / (i + 1)` more documents), and the query
/// words the suite walks for, all from fixed seeds.
///
/// The index uses no stemming, so every word is a term as generated.
final class SyntheticDictionary {
    static let termCount = 1_000_000
    static let documentCount = 10_000
    static let seed: UInt64 = 7
    static let settings = IndexSettings(
        searchableFields: [FieldSettings(name: "text")], analysis: AnalyzerConfiguration(stemming: nil))

    let directory: TemporaryDirectory
    let index: Index
    /// The dictionary, word `i` first generated `i`-th (word 0 is the most frequent).
    let words: [String]

    init() throws {
        words = Self.generateWords()
        directory = try TemporaryDirectory(label: "dictionary")
        index = try Index.create(at: directory.path, settings: Self.settings, bulkLoad: true)
        let writer = try IndexWriter(index: index)
        var documents = [[Int]](repeating: [], count: Self.documentCount)
        for i in 0..<words.count { documents[i % Self.documentCount].append(i) }
        for i in 0..<20_000 {
            for k in 0..<min(Self.documentCount, 20_000 / (i + 1)) {
                documents[(i &* 7_919 &+ k &* 104_729) % Self.documentCount].append(i)
            }
        }
        try timedSetup("VaultSearch: indexed \(words.count) distinct words in \(Self.documentCount) documents") {
            for start in stride(from: 0, to: Self.documentCount, by: 1_000) {
                let batch = (start..<min(start + 1_000, Self.documentCount)).map { d in
                    IndexOperation.upsert(Document(
                        id: "d\(d)", fields: ["text": .string(documents[d].map { words[$0] }.joined(separator: " "))]))
                }
                try writer.apply(batch)
            }
            try index.sync()
        }
        let snapshot = try index.snapshot()
        defer { snapshot.close() }
        reportSetup("dictionary: \(try snapshot.report().termCount) terms")
    }

    func remove() { directory.remove() }

    private static let onsets = [
        "", "b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "z", "br", "ch",
        "cl", "cr", "dr", "fl", "gr", "pl", "pr", "sh", "st", "str", "th", "tr",
    ]
    private static let vowels = ["a", "e", "i", "o", "u", "ai", "ea", "ou", "y"]
    private static let codas = ["", "", "", "n", "r", "s", "t", "l", "m", "ck", "nd", "st"]

    /// `termCount` distinct words from the seed.
    static func generateWords() -> [String] {
        var rng = SeededRandom(seed: seed)
        var seen = Set<String>()
        var words: [String] = []
        words.reserveCapacity(termCount)
        while words.count < termCount {
            let r = rng.below(100)
            let syllables = r < 10 ? 1 : r < 45 ? 2 : r < 80 ? 3 : 4
            var word = ""
            for _ in 0..<syllables {
                word += rng.pick(onsets) + rng.pick(vowels) + rng.pick(codas)
            }
            if seen.insert(word).inserted { words.append(word) }
        }
        return words
    }

    /// `count` query words: dictionary words of `length` letters with `typos` random edits
    /// (substitution, deletion, insertion or swap of neighbours), none on the first letter.
    func typoQueries(length: Int, typos: Int, count: Int) -> [String] {
        var rng = SeededRandom(seed: Self.seed, index: UInt64(length * 10 + typos))
        let letters = Array("abcdefghijklmnopqrstuvwxyz".unicodeScalars)
        return words.lazy.filter { $0.unicodeScalars.count == length }.prefix(count).map { word in
            var scalars = Array(word.unicodeScalars)
            for _ in 0..<typos {
                let position = 1 + rng.below(scalars.count - 1)
                switch rng.below(4) {
                case 0: scalars[position] = rng.pick(letters)
                case 1: scalars.remove(at: position)
                case 2: scalars.insert(rng.pick(letters), at: position)
                default: if position + 1 < scalars.count { scalars.swapAt(position, position + 1) } else { scalars[position] = rng.pick(letters) }
                }
            }
            return String(String.UnicodeScalarView(scalars))
        }
    }

    /// The first `length` letters of `count` dictionary words at least that long, with `typos` edits
    /// (as in ``typoQueries(length:typos:count:)``).
    func prefixQueries(length: Int, typos: Int, count: Int) -> [String] {
        typoQueries(length: length + 3, typos: 0, count: count).map { word in
            var scalars = Array(word.unicodeScalars.prefix(length))
            var rng = SeededRandom(seed: Self.seed, index: UInt64(scalars.count) &* 31 &+ UInt64(scalars.first!.value))
            for _ in 0..<typos {
                let position = 1 + rng.below(scalars.count - 1)
                scalars[position] = Unicode.Scalar(UInt8(97 + rng.below(26)))
            }
            return String(String.UnicodeScalarView(scalars))
        }
    }
}
