import VaultCorpus

/// One typing mistake made in one word: a single Damerau edit (substitution, deletion, insertion or
/// transposition of two adjacent letters), never a no-op.
public struct TypoEdit: Sendable, Hashable {
    /// The kinds of typing mistake.
    public enum Kind: String, Sendable, CaseIterable, Codable {
        /// One letter replaced by a different letter (`prompt` → `promot`).
        case substitution
        /// One letter left out (`prompt` → `promt`).
        case deletion
        /// One letter added (`prompt` → `prompyt`).
        case insertion
        /// Two adjacent, different letters swapped (`prompt` → `pormpt`).
        case transposition
    }

    /// What kind of mistake it is.
    public var kind: Kind
    /// The word as it was.
    public var original: String
    /// The word with the mistake.
    public var altered: String

    /// An edit record.
    public init(kind: Kind, original: String, altered: String) {
        self.kind = kind
        self.original = original
        self.altered = altered
    }

    /// The 26 letters `a`–`z`: what is substituted or inserted into a word of ASCII letters.
    static let asciiAlphabet: [Character] = Array("abcdefghijklmnopqrstuvwxyz")

    /// Makes one random mistake in `word` (letters only, at least 2 of them).
    ///
    /// How it is chosen, every choice uniform:
    /// 1. The letters that can be put in: `a`–`z` when the word is ASCII, otherwise the word's own
    ///    distinct letters (lower-cased, in order of first appearance), so a Cyrillic word gets
    ///    Cyrillic typos. Put-in letters are lower case.
    /// 2. The positions that may change: every letter, or every letter but the first when
    ///    `keepingFirstLetter` (then insertion is not allowed before the first letter either).
    /// 3. The kind, among those possible for this word in that order (substitution, deletion,
    ///    insertion, transposition). A substitution needs a letter that differs from the replaced
    ///    one ignoring case; a transposition needs two adjacent letters that differ ignoring case.
    ///    Both are never no-ops, so the result is always exactly one Damerau edit from `word`.
    /// 4. The position among those that allow the kind, then the letter (substitution, insertion).
    static func random(
        in word: [Character], keepingFirstLetter: Bool, using random: inout SeededRandom
    ) -> (kind: Kind, altered: [Character]) {
        let lowered = word.map(Self.lowercased)
        let alphabet = word.allSatisfy(\.isASCII) ? asciiAlphabet : Self.distinct(lowered)
        let first = keepingFirstLetter ? 1 : 0
        let changeable = Array(first..<word.count)
        let substitutable = changeable.filter { i in alphabet.contains { $0 != lowered[i] } }
        let swappable = changeable.dropLast().filter { lowered[$0] != lowered[$0 + 1] }
        var kinds: [Kind] = []
        if !substitutable.isEmpty { kinds.append(.substitution) }
        if !changeable.isEmpty { kinds.append(.deletion) }
        kinds.append(.insertion)
        if !swappable.isEmpty { kinds.append(.transposition) }

        var altered = word
        let kind = random.pick(kinds)
        switch kind {
        case .substitution:
            let i = random.pick(substitutable)
            altered[i] = random.pick(alphabet.filter { $0 != lowered[i] })
        case .deletion:
            altered.remove(at: random.pick(changeable))
        case .insertion:
            let gap = first + random.below(word.count - first + 1)
            altered.insert(random.pick(alphabet), at: gap)
        case .transposition:
            let i = random.pick(swappable)
            altered.swapAt(i, i + 1)
        }
        return (kind, altered)
    }

    /// `character` lower-cased, or unchanged when lower-casing does not give one character.
    static func lowercased(_ character: Character) -> Character {
        let lower = character.lowercased()
        return lower.count == 1 ? Character(lower) : character
    }

    /// The distinct characters of `characters`, in order of first appearance.
    static func distinct(_ characters: [Character]) -> [Character] {
        var seen = Set<Character>()
        return characters.filter { seen.insert($0).inserted }
    }
}
