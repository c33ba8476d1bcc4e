/// When a query word may match dictionary terms that are a few edits away (Meilisearch's rules).
///
/// Distances are restricted Damerau–Levenshtein (an adjacent transposition is one edit) and an edit
/// on a word's first letter counts as two, which keeps "miles" from matching "piles".
///
/// ```json
/// { "enabled": true, "minWordSizeForOneTypo": 5, "minWordSizeForTwoTypos": 9,
///   "disableOnNumbers": true, "maxVariants": 10, "frequencyRatio": 0 }
/// ```
public struct TypoTolerance: Codable, Sendable, Equatable {
    /// Whether query words may match with typos at all.
    public var enabled = true
    /// Words with at least this many characters may match with one edit.
    public var minWordSizeForOneTypo = 5
    /// Words with at least this many characters may match with two edits.
    public var minWordSizeForTwoTypos = 9
    /// Whether words that contain a digit ("gpt4", "2024") only match exactly.
    public var disableOnNumbers = true
    /// At most this many typo variants per query word (the closest, then the most frequent).
    public var maxVariants = 10
    /// At most this many completions of a prefix (the most frequent).
    public var maxPrefixCompletions = 30
    /// A word the dictionary already has is most likely spelled as meant: its typo variants are
    /// searched only when they occur in more than this many times as many documents as the word
    /// (a word the dictionary lacks always gets its variants). Measured in the README.
    public var variantFrequencyRatio = 10.0
    /// A word already in at least this many documents is taken as spelled as meant: no dictionary
    /// walk at all (saves ~0.1 ms per word; measured to change no nDCG@10 in the README's sets).
    public var spelledAsMeantFrequency = 20

    /// Defaults as documented above.
    public init() {}

    private enum CodingKeys: String, CodingKey {
        case enabled, minWordSizeForOneTypo, minWordSizeForTwoTypos, disableOnNumbers, maxVariants, maxPrefixCompletions
        case variantFrequencyRatio, spelledAsMeantFrequency
    }

    /// Decodes; a missing key keeps its default.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        enabled = try c.decodeIfPresent(Bool.self, forKey: .enabled) ?? enabled
        minWordSizeForOneTypo = try c.decodeIfPresent(Int.self, forKey: .minWordSizeForOneTypo) ?? minWordSizeForOneTypo
        minWordSizeForTwoTypos = try c.decodeIfPresent(Int.self, forKey: .minWordSizeForTwoTypos) ?? minWordSizeForTwoTypos
        disableOnNumbers = try c.decodeIfPresent(Bool.self, forKey: .disableOnNumbers) ?? disableOnNumbers
        maxVariants = try c.decodeIfPresent(Int.self, forKey: .maxVariants) ?? maxVariants
        maxPrefixCompletions = try c.decodeIfPresent(Int.self, forKey: .maxPrefixCompletions) ?? maxPrefixCompletions
        variantFrequencyRatio = try c.decodeIfPresent(Double.self, forKey: .variantFrequencyRatio) ?? variantFrequencyRatio
        spelledAsMeantFrequency = try c.decodeIfPresent(Int.self, forKey: .spelledAsMeantFrequency) ?? spelledAsMeantFrequency
    }

    /// The edits allowed for a query word of `characters` characters (0, 1 or 2).
    public func allowedEdits(characters: Int, containsDigit: Bool) -> Int {
        guard enabled, !(disableOnNumbers && containsDigit) else { return 0 }
        if characters >= minWordSizeForTwoTypos { return 2 }
        if characters >= minWordSizeForOneTypo { return 1 }
        return 0
    }

    func validate() throws(IndexError) {
        if minWordSizeForOneTypo < 1 || minWordSizeForTwoTypos < minWordSizeForOneTypo {
            throw .invalidSettings("typoTolerance: need 1 <= minWordSizeForOneTypo <= minWordSizeForTwoTypos")
        }
        if spelledAsMeantFrequency < 1 { throw .invalidSettings("typoTolerance.spelledAsMeantFrequency must be >= 1") }
        if !(variantFrequencyRatio >= 0) { throw .invalidSettings("typoTolerance.variantFrequencyRatio must be >= 0") }
        if !(0...1_000).contains(maxVariants) { throw .invalidSettings("typoTolerance.maxVariants must be in 0...1000") }
        if !(0...1_000).contains(maxPrefixCompletions) {
            throw .invalidSettings("typoTolerance.maxPrefixCompletions must be in 0...1000")
        }
    }
}
