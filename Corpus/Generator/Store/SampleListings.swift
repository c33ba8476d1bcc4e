/// The sample's marketplace: a few dozen listings derived from the sample prompts, the same for
/// every load with the same `now` (their random streams have a fixed seed of their own, apart from
/// the engagement seed).
///
/// About one public, published prompt in six gets a listing by its author ("Pro pack: <title>"),
/// and every other top-level category a bundle, sold by the author of its first public prompt.
/// Private, unlisted, draft and archived prompts are never offered: a listing's title repeats the
/// prompt's, which must not reveal a prompt that others cannot see.
enum SampleListings {
    /// The seed of the listings' random streams.
    static let seed: UInt64 = 0x5A1E_11_5717_6500

    static func make(prompts: [StorePrompt], categories: [StoreCategory], now: Int64) -> [StoreListing] {
        var listings: [StoreListing] = []
        for prompt in prompts where isOffered(prompt) {
            var random = SeededRandom(seed: seed, index: UInt64(bitPattern: prompt.id))
            guard random.chance(18) else { continue }
            listings.append(ListingComposer.listing(id: Int64(listings.count + 1), of: prompt, random: &random, now: now))
        }
        let roots = categories.filter { $0.parentID == nil }
        let rootOf = rootIndex(categories)
        for (i, root) in roots.enumerated() where i % 2 == 0 {
            guard let first = prompts.first(where: { isOffered($0) && $0.categoryID.flatMap { rootOf[$0] } == root.id }) else { continue }
            var random = SeededRandom(seed: seed ^ 0xB0_4D1E, index: UInt64(bitPattern: root.id))
            listings.append(ListingComposer.bundle(
                id: Int64(listings.count + 1), category: root, sellerID: first.authorID, after: first.createdAt, random: &random, now: now))
        }
        return listings
    }

    /// Whether a prompt may be offered: others can see it.
    static func isOffered(_ prompt: StorePrompt) -> Bool { prompt.visibility == "public" && prompt.status == "published" }

    /// Each category's top-level ancestor (parents come before children).
    private static func rootIndex(_ categories: [StoreCategory]) -> [Int64: Int64] {
        var root: [Int64: Int64] = [:]
        for category in categories { root[category.id] = category.parentID.flatMap { root[$0] } ?? category.id }
        return root
    }
}
