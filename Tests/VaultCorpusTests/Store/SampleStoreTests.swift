import Foundation
import Testing
import VaultCorpus

/// The sample corpus in Corpus/PromptVault meets the issue's counts and the store rules.
/// Properties checked:
/// 1. Counts: ≥ 200 prompts, ≥ 50 tags, 8 models from 4 providers, 40 users, a category tree
///    3 levels deep; visibility and status mixes as documented.
/// 2. Every slug resolves and every record obeys the shared store rules (brute-force checker).
/// 3. Engagement: inside [now − 60 d, now] and after each prompt's creation; the busiest 10 % of
///    prompts get ≥ 50 % of events; some prompt older than 30 days gets most of its events in the
///    last 7 days; one rating and one bookmark per (user, prompt); mean rating near 4;
///    deterministic for (seed, now).
@Suite struct SampleStoreTests {
    static let now: Int64 = 1_767_225_600  // 2026-01-01 00:00:00 UTC

    static func load() throws -> SampleStore {
        try SampleStore(folder: SampleStore.bundledFolder, now: now)
    }

    @Test func meetsTheIssueCounts() throws {
        let sample = try Self.load()
        print("sample: \(sample.prompts.count) prompts, \(sample.tags.count) tags, \(sample.users.count) users, \(sample.categories.count) categories")
        #expect(sample.prompts.count >= 200)
        #expect(sample.tags.count >= 50)
        #expect(sample.models.count == 8)
        #expect(Set(sample.models.map(\.provider)).count == 4)
        #expect(sample.users.count == 40)
        #expect(treeDepth(sample.categories) >= 3)
        #expect((30...60).contains(sample.categories.count))
        let privateShare = Double(sample.prompts.filter { $0.visibility == "private" }.count) / Double(sample.prompts.count)
        let unlistedShare = Double(sample.prompts.filter { $0.visibility == "unlisted" }.count) / Double(sample.prompts.count)
        #expect((0.03...0.08).contains(privateShare))
        #expect((0.015...0.05).contains(unlistedShare))
        #expect(sample.prompts.contains { $0.status == "draft" } && sample.prompts.contains { $0.status == "archived" })
        #expect(sample.prompts.contains { $0.forkedFromID != nil })
        // Every prompt is 40–400 words; every top-level category has prompts.
        for prompt in sample.prompts {
            let words = prompt.content.split(whereSeparator: \.isWhitespace).count
            #expect((40...400).contains(words), "\(prompt.slug): \(words) words")
        }
    }

    @Test func containsTheTrickySearchCases() throws {
        let text = try Self.load().prompts.map { "\($0.title) \($0.content)" }.joined(separator: "\n")
        for needle in ["C++", "C#", "Node.js", "GPT-4o", "Midjourney", "portrait", "cover letter", "Python", "debugger",
                       "Linux terminal", "SQL", "ChatGPT", "Anschreiben", "français", "Español", "✨"] {
            #expect(text.localizedCaseInsensitiveContains(needle), "no prompt mentions \(needle)")
        }
    }

    @Test func everyRecordObeysTheStoreRules() throws {
        let sample = try Self.load()
        let events = sample.events(seed: storeSeed(1))
        let problems = storeViolations(
            users: sample.users, categories: sample.categories, models: sample.models, tags: sample.tags,
            prompts: sample.prompts, events: events, now: Self.now)
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test func engagementIsSkewedAndBursty() throws {
        let sample = try Self.load()
        let events = sample.events(seed: storeSeed(2))
        let share = topDecileShare(events, promptCount: sample.prompts.count)
        let bursting = oldPromptsBursting(sample.prompts, events, now: Self.now)
        let mean = meanRating(events)
        print("sample: \(events.count) events, top 10 % share \(share), old prompts bursting \(bursting.count), mean rating \(mean)")
        #expect(share >= 0.5)
        #expect(!bursting.isEmpty)
        #expect((3.8...4.4).contains(mean))
        // The hints drive it: every hot prompt out-draws every quiet one.
        var counts: [Int64: Int] = [:]
        for event in events { counts[event.promptID, default: 0] += 1 }
        let public_ = sample.prompts.indices.filter { sample.prompts[$0].visibility == "public" && sample.prompts[$0].status == "published" }
        let hot = public_.filter { sample.popularity[$0] == .hot }.map { counts[sample.prompts[$0].id, default: 0] }
        let quiet = public_.filter { sample.popularity[$0] == .quiet }.map { counts[sample.prompts[$0].id, default: 0] }
        #expect(hot.min()! > quiet.max()!)
        // Each kind of event occurs.
        #expect(events.contains { $0.kind == .view } && events.contains { $0.kind == .copy } && events.contains { $0.kind == .bookmark })
    }

    @Test func eventsAreDeterministic() throws {
        let sample = try Self.load()
        let seed = storeSeed(3)
        #expect(sample.events(seed: seed) == (try Self.load()).events(seed: seed))
        #expect(sample.events(seed: seed) != sample.events(seed: seed &+ 1))
        let contents = sample.contents(seed: seed)
        #expect(Array(contents.events) == sample.events(seed: seed))
        #expect(Array(contents.prompts) == sample.prompts)
        #expect(contents.promptCount == sample.prompts.count)
    }
}
