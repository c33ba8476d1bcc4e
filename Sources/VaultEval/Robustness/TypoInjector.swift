import VaultCorpus

/// Puts random typing mistakes into queries, deterministically for a seed
/// (`vaultsearch eval --typos SEED`).
///
/// The rule, per query:
/// - The candidates are its alphabetic words (see `QueryWords`: maximal runs of letters and
///   digits; words containing a digit are never touched) of at least ``minimumLetters`` letters.
/// - Each candidate is chosen independently with ``probability``. When candidates exist but none
///   was chosen, one of them, picked uniformly, is chosen anyway: every query that can get a typo
///   gets at least one.
/// - Each chosen word gets exactly one edit, made as ``TypoEdit``'s `random` describes; with
///   ``keepsFirstLetter`` the first letter of a word is never changed, moved, or preceded by an
///   inserted letter. Off by default: the protocol (and the peers' measurements it quotes)
///   edits any position, first letters included.
/// - The random stream is `SeededRandom(seed:index:)` with the index the FNV-1a hash of the
///   query id (not Swift's per-process `Hasher`), so a query's mistakes depend only on
///   (seed, query id, settings): not on the query's position in the file or on the other queries.
public struct TypoInjector: Sendable, Equatable {
    /// The seed that names this set of mistakes.
    public var seed: UInt64
    /// The chance that a candidate word gets a mistake.
    public var probability: Double
    /// The fewest letters a word needs to be a candidate.
    public var minimumLetters: Int
    /// Whether the first letter of every word stays as it is.
    public var keepsFirstLetter: Bool

    /// An injector; the defaults are those of `vaultsearch eval --typos`.
    public init(seed: UInt64, probability: Double = 0.5, minimumLetters: Int = 5, keepsFirstLetter: Bool = false) {
        self.seed = seed
        self.probability = probability
        self.minimumLetters = minimumLetters
        self.keepsFirstLetter = keepsFirstLetter
    }

    /// `query` with its mistakes, and the mistakes in text order.
    public func alter(_ query: EvalQuery) -> (query: EvalQuery, edits: [TypoEdit]) {
        let words = QueryWords(query.text)
        let candidates = words.ranges.filter { $0.count >= max(2, minimumLetters) && words.isAlphabetic($0) }
        var random = SeededRandom(seed: seed, index: StableHash.fnv1a(query.id))
        var chosen = candidates.filter { _ in random.unit() < probability }
        if chosen.isEmpty, !candidates.isEmpty { chosen = [random.pick(candidates)] }

        var characters = words.characters
        var edits: [TypoEdit] = []
        // Edit from the last word back, so the ranges of earlier words stay valid.
        var replacements: [(range: Range<Int>, altered: [Character])] = []
        for range in chosen {
            let word = Array(words.characters[range])
            let (kind, altered) = TypoEdit.random(in: word, keepingFirstLetter: keepsFirstLetter, using: &random)
            edits.append(TypoEdit(kind: kind, original: String(word), altered: String(altered)))
            replacements.append((range, altered))
        }
        for replacement in replacements.reversed() {
            characters.replaceSubrange(replacement.range, with: replacement.altered)
        }
        return (EvalQuery(id: query.id, text: String(characters)), edits)
    }
}
