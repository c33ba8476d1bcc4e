import VaultCorpus

/// Generated stores for `demo --size`, `generate-store` and the ingest benchmarks, from VaultCorpus's
/// seeded, streaming ``StoreGenerator`` (times counted back from a fixed "now", so the same seed
/// always gives the same store).
enum GeneratedStore {
    /// The generator's "now": 2025-10-09, Unix seconds.
    static let now: Int64 = 1_760_000_000

    /// A store of `prompts` prompts with about `eventsPerPrompt` engagement events each.
    static func contents(prompts: Int, seed: UInt64, eventsPerPrompt: Double = 20) -> StoreContents {
        StoreGenerator(seed: seed, promptCount: prompts, now: now, meanEventsPerPrompt: eventsPerPrompt).contents()
    }
}
