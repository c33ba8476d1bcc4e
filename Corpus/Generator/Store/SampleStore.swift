import Foundation

/// The project's own sample corpus (Corpus/PromptVault): hand-written users, a category tree,
/// AI models, tags and prompts, with ids assigned in file order and times fixed relative to `now`.
/// Engagement events come from ``EngagementGenerator``, driven by each prompt's ``Popularity``.
///
/// ```swift
/// let sample = try SampleStore(folder: SampleStore.bundledFolder, now: Int64(Date().timeIntervalSince1970))
/// let contents = sample.contents(seed: 1)   // what the ingest loader writes to SQLite
/// ```
public struct SampleStore: Sendable {
    /// The time every age in the files is counted back from (Unix seconds).
    public let now: Int64
    /// Users, ids 1… in the order of users.json.
    public let users: [StoreUser]
    /// Categories, ids 1… in depth-first order of categories.json (parents before children).
    public let categories: [StoreCategory]
    /// AI models, ids 1… in the order of models.json.
    public let models: [StoreModel]
    /// Tags, ids 1… in the order of tags.json.
    public let tags: [StoreTag]
    /// Prompts, ids 1… in the order of the files of prompts/ sorted by name, then of their entries.
    public let prompts: [StorePrompt]
    /// The popularity hint of each prompt: `popularity[i]` belongs to `prompts[i]`.
    public let popularity: [Popularity]
    /// Marketplace listings, ids 1…: a few dozen derived from public, published prompts, and some
    /// bundles (``SampleListings``); the same for every load with the same `now`.
    public let listings: [StoreListing]

    /// The Corpus/PromptVault folder of the source tree this file was compiled from. Valid when
    /// the program runs where it was built (tests, `swift run`); pass another folder otherwise.
    public static var bundledFolder: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // Store
            .deletingLastPathComponent()  // Generator
            .deletingLastPathComponent()  // Corpus
            .appendingPathComponent("PromptVault", isDirectory: true)
    }

    /// Loads and checks every file of `folder`.
    /// - Throws: ``SampleStoreError`` naming the file and entry of the first problem found; nothing
    ///   is returned half-loaded.
    public init(folder: URL, now: Int64) throws(SampleStoreError) {
        let loaded = try SampleStoreLoader(folder: folder, now: now).load()
        self.now = now
        users = loaded.users
        categories = loaded.categories
        models = loaded.models
        tags = loaded.tags
        prompts = loaded.prompts
        popularity = loaded.popularity
        listings = SampleListings.make(prompts: loaded.prompts, categories: loaded.categories, now: now)
    }

    /// What ``EngagementGenerator`` needs to know about `prompts[index]`.
    public func engagementTarget(at index: Int) -> EngagementTarget {
        let prompt = prompts[index]
        let hint = popularity[index]
        let days = EngagementGenerator.activeDays(createdAt: prompt.createdAt, now: now)
        return EngagementTarget(
            promptID: prompt.id, authorID: prompt.authorID, createdAt: prompt.createdAt,
            visibility: prompt.visibility, status: prompt.status,
            expectedEvents: hint.eventsPerDay * days,
            burstEvents: hint == .burst ? Self.burstSize : 0)
    }

    /// Every engagement event of the sample for `seed` (about 45,000; deterministic for
    /// (`seed`, `now`)), grouped by prompt.
    public func events(seed: UInt64) -> [StoreEvent] {
        let generator = EngagementGenerator(seed: seed, now: now, userCount: users.count)
        return prompts.indices.flatMap { generator.events(for: engagementTarget(at: $0)) }
    }

    /// The whole sample as a store, events generated with `seed`, listings included.
    public func contents(seed: UInt64) -> StoreContents {
        StoreContents(
            users: users, categories: categories, models: models, tags: tags,
            prompts: AnySequence(prompts), events: AnySequence(events(seed: seed)), promptCount: prompts.count,
            listings: AnySequence(listings))
    }

    /// Expected events of a "burst" prompt's burst (before the generator's noise).
    static let burstSize = 250.0
}
