/// The raw material of one kind of prompt: its words, its phrase lists and its sentence patterns.
///
/// Specs are data written in the source (see the `Categories+*.swift` files); ``Category`` compiles
/// them once.
struct CategorySpec: Sendable {
    /// A short name, such as "programming".
    let name: String
    /// How often the category occurs, relative to the others.
    let weight: Int
    /// The category's own words, whitespace-separated, most frequent first.
    let words: String
    /// Phrase lists its templates name as slots (lowercase names).
    let slots: [String: [String]]
    /// Title patterns ("Act as a {Seniority} {Language} {Role}").
    let titles: [String]
    /// Opening sentences of a prompt body.
    let openers: [String]
    /// Further sentences specific to the category.
    let instructions: [String]
}

/// Every category the generator draws from, in the order their words interleave in the global
/// ranking.
enum CategorySpecs {
    static let all: [CategorySpec] = [
        programming, writing, marketing, imageGeneration, education, business, data, career,
        productivity, health, fiction, travelFood, mediaMusic, financeLegal,
    ]
}
