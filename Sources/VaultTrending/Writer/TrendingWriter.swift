import VaultStorage

/// Applies ``TrendingBatch``es to the trending state inside a write transaction that the caller
/// owns: the tailer's batch transaction (``IndexWriter/apply(_:commitMetadata:)``), so events,
/// documents and the ingest cursor commit together, or a rebuild's load.
///
/// Every change is a diff of stored state: the prompt's (or author's) record is read, changed and
/// compared, and only the list keys that differ are rewritten. An event is O(log n) (a few B-tree
/// reads and writes); nothing is recomputed in bulk, and applying a row twice changes nothing.
/// Users are applied first, then prompts, then events, so an event of a prompt made private in
/// the same batch never reaches a list.
public final class TrendingWriter {
    let store: TrendingStore
    let txn: WriteTransaction
    var stats: TrendingStats
    var db: TrendingDatabases { store.databases }
    var settings: TrendingSettings { store.settings }

    /// A writer for one transaction.
    public init(store: TrendingStore, transaction: WriteTransaction) throws(TrendingError) {
        self.store = store
        self.txn = transaction
        self.stats = try TrendingError.wrap { try store.stats(in: transaction) }
    }

    /// Applies `batch`; call ``finish()`` (or use ``apply(_:store:in:)``) before the transaction commits.
    public func apply(_ batch: TrendingBatch) throws(TrendingError) {
        try TrendingError.wrap {
            for user in batch.users { try applyUser(user.id, reputation: user.reputation) }
            for prompt in batch.prompts { try applyPrompt(prompt.id, prompt.facts) }
            for event in batch.events { try applyEvent(event.kind, event.id, event.event) }
        }
    }

    /// Writes the global figures.
    public func finish() throws(TrendingError) {
        try TrendingError.wrap { try txn.put(db.meta, key: TrendingDatabases.statsKey, value: stats.encoded()) }
    }

    /// Applies `batch` in `transaction` and finishes.
    public static func apply(_ batch: TrendingBatch, store: TrendingStore, in transaction: WriteTransaction) throws(TrendingError) {
        guard !batch.isEmpty else { return }
        let writer = try TrendingWriter(store: store, transaction: transaction)
        try writer.apply(batch)
        try writer.finish()
    }

    // MARK: Rows

    func applyUser(_ id: Int64, reputation: Int64?) throws {
        try updateAuthor(id) { author in
            author.known = reputation != nil
            author.reputation = reputation ?? 0
        }
    }

    func applyPrompt(_ id: Int64, _ facts: PromptFacts?) throws {
        try updatePrompt(id) { state in
            guard let facts else {
                state.known = false
                state.listed = false
                return
            }
            state.known = true
            state.listed = facts.isListed
            state.authorID = facts.authorID
            state.createdAt = facts.createdAt
            state.seedNumerator = facts.seedNumerator
        }
    }

    // MARK: State diffs

    /// Reads prompt `id`'s state, lets `change` edit it, and writes what differs: the record, its
    /// list keys, the global rating figures and its author's row.
    func updatePrompt(_ id: Int64, _ change: (inout PromptState) throws -> Void) throws {
        let old = try store.prompt(id, in: txn) ?? PromptState()
        var new = old
        try change(&new)
        guard new != old else { return }
        try replaceEntries(RankList.promptEntries(id, old), with: RankList.promptEntries(id, new))
        let (oldRated, newRated) = (ratingShare(old), ratingShare(new))
        stats.ratedPrompts += newRated.count - oldRated.count
        stats.ratingMeanSum += newRated.sum - oldRated.sum
        let (oldShare, newShare) = (authorShare(old), authorShare(new))
        if oldShare.author != newShare.author || oldShare.prompts != newShare.prompts || oldShare.engagement != newShare.engagement {
            if let author = oldShare.author {
                try updateAuthor(author) { a in
                    a.listedPrompts -= oldShare.prompts
                    a.engagement -= oldShare.engagement
                }
            }
            if let author = newShare.author {
                try updateAuthor(author) { a in
                    a.listedPrompts += newShare.prompts
                    a.engagement += newShare.engagement
                }
            }
        }
        let key = TrendingDatabases.idKey(id)
        if new.isEmpty { try txn.delete(db.prompts, key: key) } else { try txn.put(db.prompts, key: key, value: new.encoded()) }
    }

    func updateAuthor(_ id: Int64, _ change: (inout AuthorState) throws -> Void) throws {
        let old = try store.author(id, in: txn) ?? AuthorState()
        var new = old
        try change(&new)
        guard new != old else { return }
        try replaceEntries(RankList.authorEntries(id, old), with: RankList.authorEntries(id, new))
        let key = TrendingDatabases.idKey(id)
        if new.isEmpty { try txn.delete(db.authors, key: key) } else { try txn.put(db.authors, key: key, value: new.encoded()) }
    }

    private func replaceEntries(_ old: [[UInt8]: [UInt8]], with new: [[UInt8]: [UInt8]]) throws {
        for key in old.keys where new[key] == nil { try txn.delete(db.ranks, key: key) }
        for (key, value) in new where old[key] != value { try txn.put(db.ranks, key: key, value: value) }
    }

    /// A listed, rated prompt's share of C.
    private func ratingShare(_ s: PromptState) -> (count: Int64, sum: Int64) {
        guard s.listed, let mean = s.ratingAverage else { return (0, 0) }
        return (1, TrendingStats.fixed(mean))
    }

    /// A listed prompt's share of its author's row.
    private func authorShare(_ s: PromptState) -> (author: Int64?, prompts: Int64, engagement: Int64) {
        s.listed ? (s.authorID, 1, s.engagement) : (nil, 0, 0)
    }
}
