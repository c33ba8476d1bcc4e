/// A compiled ``CategorySpec``: ranked words with their Zipf sampler and compiled templates.
struct Category: Sendable {
    let name: String
    let weight: Int
    /// The category's words, most frequent first.
    let words: WordTable
    /// Draws ranks of `words` (Zipf–Mandelbrot, offset 2.7: a flatter head than the global
    /// ranking, so one word does not fill a document).
    let zipf: ZipfSampler
    let titles: [Template]
    let openers: [Template]
    let instructions: [Template]

    init(_ spec: CategorySpec) {
        name = spec.name
        weight = spec.weight
        words = WordTable(Vocabulary.uniqueWords(spec.words))
        zipf = ZipfSampler(count: words.count, offset: 2.7)
        let lookup = { (slot: String) in spec.slots[slot] ?? SharedSlots.lists[slot] }
        titles = spec.titles.map { Template($0, lookup: lookup) }
        openers = spec.openers.map { Template($0, lookup: lookup) }
        instructions = (spec.instructions + SharedSlots.instructions).map { Template($0, lookup: lookup) }
    }
}
