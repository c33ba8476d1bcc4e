/// The marketplace listings of a ``StoreGenerator``, generated lazily in id order as they are read
/// (memory O(1)).
///
/// Prompt `id` gets a listing with probability ``StoreGenerator/listingShare`` when others can see
/// it (public and published: a listing repeats the prompt's title), from a random stream of its own
/// (seed, id); one in ten of those is a bundle of its top-level category instead (no prompt), sold
/// by the same author. Listing ids count from 1 in prompt order. Only the prompts that get a listing
/// are generated (their title and description are needed).
public struct GeneratedListings: Sequence, Sendable {
    /// The generator the listings come from.
    public let generator: StoreGenerator

    /// An iterator over the listings.
    public func makeIterator() -> Iterator { Iterator(generator: generator) }

    /// Walks the prompt ids, yielding a listing for those that get one.
    public struct Iterator: IteratorProtocol {
        let generator: StoreGenerator
        var promptID: Int64 = 0
        var listingID: Int64 = 0

        /// The next listing, or nil after the last prompt.
        public mutating func next() -> StoreListing? {
            while promptID < Int64(generator.promptCount) {
                promptID += 1
                var random = SeededRandom(seed: generator.seed ^ 0x11_5717_65_5A1E, index: UInt64(bitPattern: promptID))
                guard random.unit() < generator.listingShare,
                    StoreGenerator.access(id: promptID, seed: generator.seed) == ("public", "published")
                else { continue }
                listingID += 1
                let prompt = generator.prompt(id: promptID)
                if random.chance(10), let root = generator.rootCategory(of: prompt.categoryID) {
                    return ListingComposer.bundle(
                        id: listingID, category: root, sellerID: prompt.authorID, after: prompt.createdAt, random: &random,
                        now: generator.now)
                }
                return ListingComposer.listing(id: listingID, of: prompt, random: &random, now: generator.now)
            }
            return nil
        }
    }
}

extension StoreGenerator {
    /// The top-level category above `categoryID` (itself when it is one).
    func rootCategory(of categoryID: Int64?) -> StoreCategory? {
        var current = categoryID.flatMap { id in GeneratedTaxonomy.categories.first { $0.id == id } }
        while let parent = current?.parentID { current = GeneratedTaxonomy.categories.first { $0.id == parent } }
        return current
    }
}
