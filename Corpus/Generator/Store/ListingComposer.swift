/// Writes marketplace listings the same way for the sample (``SampleStore/listings``) and the
/// generator (``StoreGenerator/listings``), each listing from its own random stream.
///
/// - A prompt's listing is sold by the prompt's author: "Pro pack: <title>" (or one of two other
///   title forms), a description built from the prompt's, created after the prompt.
/// - A bundle has no prompt: "<Category> starter bundle", sold by a given seller.
/// - Prices 0–99 in a major unit (0–9,900 cents), at the usual price points: ~10 % free, ~50 % under
///   10, ~30 % 12.99–29.99, ~10 % 39.99–99. ~85 % USD, 10 % EUR, 5 % GBP. Status ~70 % active,
///   10 % sold, 12 % drafts, 8 % removed. Licence ~60 % personal, 30 % commercial, 10 % extended.
enum ListingComposer {
    /// A listing of `prompt` by its author.
    static func listing(id: Int64, of prompt: StorePrompt, random: inout SeededRandom, now: Int64) -> StoreListing {
        let title: String
        switch random.below(10) {
        case 0..<7: title = "Pro pack: \(prompt.title)"
        case 7..<9: title = "\(prompt.title) — extended edition"
        default: title = "\(prompt.title) (tested variations)"
        }
        let variations = 3 + random.below(10)
        let summary = prompt.description.map { $0.hasSuffix(".") || $0.hasSuffix("!") || $0.hasSuffix("?") ? $0 : $0 + "." }
        let extra = random.pick([
            "Includes the tested prompt, \(variations) variations and notes on getting the best results.",
            "\(variations) ready-to-use variations with worked examples and a short guide.",
            "The prompt as I use it, \(variations) variations for other tones, and lifetime updates.",
        ])
        let description = random.chance(90) ? [summary, extra].compactMap { $0 }.joined(separator: " ") : nil
        return finish(
            id: id, sellerID: prompt.authorID, promptID: prompt.id, title: title, description: description,
            after: prompt.publishedAt ?? prompt.createdAt, random: &random, now: now)
    }

    /// A bundle of prompts of `category` (no single prompt) sold by `sellerID`, created after `after`.
    static func bundle(
        id: Int64, category: StoreCategory, sellerID: Int64, after: Int64, random: inout SeededRandom, now: Int64
    ) -> StoreListing {
        let count = 5 + random.below(16)
        let name = category.name
        let title = random.chance(50) ? "\(name) starter bundle" : "\(count) \(name.lowercased()) prompts bundle"
        let description = "A bundle of \(count) prompts for \(name.lowercased()), tested on current models, with a guide to adapting them."
        return finish(id: id, sellerID: sellerID, promptID: nil, title: title, description: description, after: after, random: &random, now: now)
    }

    private static func finish(
        id: Int64, sellerID: Int64, promptID: Int64?, title: String, description: String?, after: Int64,
        random: inout SeededRandom, now: Int64
    ) -> StoreListing {
        let start = Swift.min(after, now)
        let createdAt = start + Int64(random.below(Int(now - start) + 1))
        let updatedAt = random.chance(40) ? createdAt + Int64(random.below(Int(now - createdAt) + 1)) : createdAt
        return StoreListing(
            id: id, sellerID: sellerID, promptID: promptID, title: title, description: description,
            priceCents: price(&random), currency: weighted(&random, [("USD", 85), ("EUR", 10), ("GBP", 5)]),
            license: weighted(&random, [("personal", 60), ("commercial", 30), ("extended", 10)]),
            status: weighted(&random, [("active", 70), ("sold", 10), ("draft", 12), ("removed", 8)]),
            createdAt: createdAt, updatedAt: updatedAt)
    }

    /// A price point in cents.
    static func price(_ random: inout SeededRandom) -> Int {
        switch random.below(100) {
        case 0..<10: return 0
        case 10..<60: return random.pick([199, 299, 399, 499, 599, 799, 999])
        case 60..<90: return random.pick([1299, 1499, 1999, 2499, 2999])
        default: return random.pick([3999, 4999, 7999, 9900])
        }
    }

    /// One of `choices`, each with its weight in percent (the weights add up to 100).
    private static func weighted(_ random: inout SeededRandom, _ choices: [(String, Int)]) -> String {
        var roll = random.below(100)
        for (value, weight) in choices {
            if roll < weight { return value }
            roll -= weight
        }
        return choices[choices.count - 1].0
    }
}
