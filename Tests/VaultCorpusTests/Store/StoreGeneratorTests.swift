import Foundation
import Testing
import VaultCorpus

/// Generated stores. Properties checked:
/// 1. A seed names a store: the same (seed, size, now) gives the same records; another seed
///    gives other ones.
/// 2. Random access equals streaming: prompt `id` and its events generated alone equal the
///    records read from the streams of ``StoreContents``.
/// 3. Streaming is lazy: the first records of a 1,000,000-prompt store are read without
///    generating the rest.
/// 4. A 2,000-prompt store obeys every store rule (the brute-force checker of the sample tests),
///    with users ≈ prompts / 20, 8 models from 4 providers (the sample's), a 3-level category
///    tree, ≥ 50 tags, 10–30 events per prompt, the top 10 % of prompts getting ≥ 50 % of
///    events, and some old prompt bursting in the last 7 days.
@Suite struct StoreGeneratorTests {
    static let now: Int64 = 1_767_225_600

    @Test func sameSeedSameStore() {
        let seed = storeSeed(21)
        let a = StoreGenerator(seed: seed, promptCount: 3_000, now: Self.now)
        let b = StoreGenerator(seed: seed, promptCount: 3_000, now: Self.now)
        #expect(a.users == b.users)
        #expect(Array(a.prompts.prefix(200)) == Array(b.prompts.prefix(200)))
        #expect(Array(a.events.prefix(5_000)) == Array(b.events.prefix(5_000)))
        let c = StoreGenerator(seed: seed &+ 1, promptCount: 3_000, now: Self.now)
        #expect(Array(a.prompts.prefix(50)).map(\.content) != Array(c.prompts.prefix(50)).map(\.content))
        #expect(Array(a.events.prefix(1_000)) != Array(c.events.prefix(1_000)))
    }

    @Test func randomAccessEqualsStreaming() {
        let generator = StoreGenerator(seed: storeSeed(22), promptCount: 1_500, now: Self.now)
        let contents = generator.contents()
        let streamed = Array(contents.prompts)
        #expect(streamed.count == 1_500 && contents.promptCount == 1_500)
        for id in stride(from: Int64(1_500), through: 1, by: -97) {
            #expect(generator.prompt(id: id) == streamed[Int(id - 1)])
        }
        // The event stream is the per-prompt streams one after the other.
        var byPrompt: [Int64: [StoreEvent]] = [:]
        for event in contents.events { byPrompt[event.promptID, default: []].append(event) }
        for id in stride(from: Int64(1), through: 1_500, by: 53) {
            let alone = Array(generator.events(forPrompt: id))
            #expect(alone == byPrompt[id, default: []])
            #expect(generator.events(forPrompt: id).count == alone.count)
        }
    }

    @Test func streamsAMillionPromptStoreLazily() {
        let generator = StoreGenerator(seed: storeSeed(23), promptCount: 1_000_000, now: Self.now)
        #expect(generator.users.count == 50_000)
        let contents = generator.contents()
        #expect(contents.promptCount == 1_000_000)
        // Reading the head of each stream generates only the head (the rest would take minutes
        // and gigabytes); the records equal those generated alone.
        let head = Array(contents.prompts.prefix(3))
        #expect(head == (1...3).map { generator.prompt(id: $0) })
        let events = Array(contents.events.prefix(2_000))
        #expect(events.count == 2_000)
        let firstPrompt = events.first?.promptID ?? 0
        #expect(Array(generator.events(forPrompt: firstPrompt)) == Array(events.prefix { $0.promptID == firstPrompt }))
        // Random access deep into the store.
        let last = generator.prompt(id: 1_000_000)
        #expect(last.id == 1_000_000 && last.createdAt <= Self.now && last.createdAt > Self.now - 86_400)
    }

    @Test func generatedStoreObeysTheRules() throws {
        let generator = StoreGenerator(seed: storeSeed(24), promptCount: 2_000, now: Self.now)
        let prompts = Array(generator.prompts)
        let events = Array(generator.events)
        let problems = storeViolations(
            users: generator.users, categories: generator.categories, models: generator.models, tags: generator.tags,
            prompts: prompts, events: events, now: Self.now)
        #expect(problems.isEmpty, "\(problems)")

        let perPrompt = Double(events.count) / Double(prompts.count)
        let share = topDecileShare(events, promptCount: prompts.count)
        let bursting = oldPromptsBursting(prompts, events, now: Self.now)
        print("generated 2,000: \(events.count) events (\(perPrompt)/prompt), top 10 % share \(share), bursting \(bursting.count), mean rating \(meanRating(events)), \(generator.tags.count) tags, \(generator.categories.count) categories")
        #expect(generator.users.count == 100)
        #expect(generator.models.count == 8 && Set(generator.models.map(\.provider)).count == 4)
        #expect(treeDepth(generator.categories) >= 3)
        #expect(generator.categories.filter { $0.parentID == nil }.map(\.slug).starts(with: ["coding", "writing", "marketing", "image-generation"]))
        #expect(generator.categories.allSatisfy { !($0.slug.last?.isNumber ?? true) }, "a slug needed its id to be unique")
        #expect(generator.tags.count >= 50)
        #expect((10...30).contains(perPrompt))
        #expect(share >= 0.5)
        #expect(!bursting.isEmpty)
        #expect((3.8...4.4).contains(meanRating(events)))
        // Mixes of visibility and status near the documented rates.
        let privateShare = Double(prompts.filter { $0.visibility == "private" }.count) / 2_000
        let draftShare = Double(prompts.filter { $0.status == "draft" }.count) / 2_000
        #expect((0.03...0.07).contains(privateShare) && (0.04...0.08).contains(draftShare))
        #expect(prompts.contains { $0.forkedFromID != nil } && prompts.contains { !$0.variables.isEmpty })
        // A few prolific authors: the top 5 % of users wrote ≥ 25 % of prompts.
        var byAuthor: [Int64: Int] = [:]
        for prompt in prompts { byAuthor[prompt.authorID, default: 0] += 1 }
        #expect(byAuthor.values.sorted(by: >).prefix(5).reduce(0, +) >= 500)
    }

    @Test func modelsMatchTheSample() throws {
        let sample = try SampleStore(folder: SampleStore.bundledFolder, now: Self.now)
        #expect(StoreGenerator(seed: 1, promptCount: 1_000, now: Self.now).models == sample.models)
    }

    @Test func smallestStores() {
        let one = StoreGenerator(seed: 5, promptCount: 1, now: Self.now)
        #expect(one.users.count == 40)
        #expect(Array(one.prompts).count == 1)
        #expect(one.prompt(id: 1).forkedFromID == nil)
        let problems = storeViolations(
            users: one.users, categories: one.categories, models: one.models, tags: one.tags,
            prompts: Array(one.prompts), events: Array(one.events), now: Self.now)
        #expect(problems.isEmpty, "\(problems)")
    }
}
