/// The long tail of the vocabulary: made-up but pronounceable words ("tavorin", "kesumolex"), one
/// for every natural number, all distinct.
///
/// Word `n` is spelled from consonant-vowel syllables, optionally closed by one consonant: 2
/// syllables for the first ids, then 3, and so on. Inside each length class the ids are scrambled
/// by a bijection (multiplication by a constant coprime to the class size), so neighbouring ids do
/// not look alike. A spelling that happens to be a core word gets a trailing `q`, a letter no
/// syllable uses, so the tail never repeats a core word.
enum SyntheticWords {
    private static let consonants = Array("bdfgklmnprstvz".utf8)
    private static let vowels = Array("aeiou".utf8)
    private static let endings: [UInt8] = [0, UInt8(ascii: "n"), UInt8(ascii: "r"),
                                           UInt8(ascii: "s"), UInt8(ascii: "l"), UInt8(ascii: "x")]
    private static var syllableCount: UInt64 { UInt64(consonants.count * vowels.count) }

    /// Appends the word for tail id `id` (ids beyond 10¹⁵ are folded into that range) to
    /// `output`. `coreHashes` holds ``ASCII/fnv1a(_:)`` of every core word.
    static func append(_ id: UInt64, avoiding coreHashes: Set<UInt64>, to output: inout [UInt8]) {
        var id = id % 1_000_000_000_000_000
        var syllables = 2
        var classSize = syllableCount * syllableCount * UInt64(endings.count)
        while id >= classSize {
            id -= classSize
            syllables += 1
            classSize *= syllableCount
        }
        // A bijection of 0..<classSize: the multiplier is coprime to 2, 3, 5 and 7.
        var code = classSize.dividingFullWidth(id.multipliedFullWidth(by: 1_000_000_007)).remainder

        let start = output.count
        let ending = endings[Int(code % UInt64(endings.count))]
        code /= UInt64(endings.count)
        for _ in 0..<syllables {
            let syllable = Int(code % syllableCount)
            code /= syllableCount
            output.append(consonants[syllable / vowels.count])
            output.append(vowels[syllable % vowels.count])
        }
        if ending != 0 { output.append(ending) }
        if coreHashes.contains(ASCII.fnv1a(output[start...])) { output.append(UInt8(ascii: "q")) }
    }

    /// The word for tail id `id` as a string.
    static func word(_ id: UInt64, avoiding coreHashes: Set<UInt64>) -> String {
        var bytes: [UInt8] = []
        append(id, avoiding: coreHashes, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}
