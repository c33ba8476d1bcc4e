import Foundation
import VaultCorpus

/// Generated stores for `demo --size`, `generate-store` and the ingest benchmarks.
///
/// A stand-in until VaultCorpus's store generator is merged: the sample's small tables (users,
/// categories, models, tags), prompts whose title and content come from the seeded BEIR-style
/// ``CorpusGenerator``, and a few views and copies per prompt, all streamed.
enum GeneratedStore {
    /// A store of `prompts` prompts.
    static func contents(prompts count: Int, seed: UInt64) throws -> StoreContents {
        let now: Int64 = 1_760_000_000
        let sample = try SampleStore(folder: SampleStore.bundledFolder, now: now)
        let users = sample.users, categories = sample.categories, models = sample.models, tags = sample.tags
        let documents = CorpusGenerator(seed: seed).documents(count: count)
        let prompts = documents.lazy.enumerated().map { (i, document) -> StorePrompt in
            var random = SeededRandom(seed: seed, index: UInt64(i))
            let id = Int64(i + 1)
            let created = now - Int64(random.below(86_400 * 365))
            var tagIDs = Set<Int64>()
            for _ in 0..<random.below(4) { tagIDs.insert(random.pick(tags).id) }
            return StorePrompt(
                id: id, slug: "generated-\(id)", title: document.title, description: nil, content: document.text,
                instructions: nil, variables: [], categoryID: random.pick(categories).id, modelID: random.pick(models).id,
                authorID: random.pick(users).id, visibility: random.chance(90) ? "public" : "private",
                status: random.chance(90) ? "published" : "draft", featured: random.chance(2), staffPick: random.chance(1),
                createdAt: created, updatedAt: created, publishedAt: created, forkedFromID: nil, tagIDs: tagIDs.sorted())
        }
        let events = (0..<count).lazy.flatMap { i -> [StoreEvent] in
            var random = SeededRandom(seed: seed ^ 0x9e37, index: UInt64(i))
            let id = Int64(i + 1)
            return (0..<random.below(4)).map { _ in
                StoreEvent(kind: random.chance(80) ? .view : .copy, promptID: id, userID: nil, at: now - Int64(random.below(86_400)))
            }
        }
        return StoreContents(
            users: users, categories: categories, models: models, tags: tags,
            prompts: AnySequence(prompts), events: AnySequence(events), promptCount: count)
    }
}
