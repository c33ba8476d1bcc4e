import VaultIndex
import VaultStorage

/// The one typed list of trending's LMDB databases, inside the index's environment (so the state
/// commits in the same transaction as the documents and the ingest cursor). Integers are 8 bytes
/// big-endian with the sign bit flipped (``Bytes``); `~x` is x with every bit inverted (descending).
///
/// ```
/// trending.meta      "settings" | "stats"              -> TrendingSettings JSON | rated listed prompts, Σ R·2^32 (2 × Int64)
/// trending.prompts   prompt id                         -> PromptState (flags, author, created, seed numerator, decay, counts)
/// trending.authors   user id                           -> AuthorState (flags, reputation, listed prompts, engagement)
/// trending.events    kind (1) + event id               -> EventRecord (prompt, time, visitor, window, value)
/// trending.contrib   prompt + kind (1) + visitor + window + time + event id -> empty
///                    (per prompt, its events grouped; the first of a (kind, visitor, window) group counts in `decay`)
/// trending.timeline  time + kind (1) + event id        -> prompt + value (1): the sliding windows
/// trending.ranks     list (1) + list key               -> list value (RankList: the sorted lists, listed prompts only)
/// ```
struct TrendingDatabases: Sendable {
    let meta: Database
    let prompts: Database
    let authors: Database
    let events: Database
    let contrib: Database
    let timeline: Database
    let ranks: Database

    /// The names, in order.
    static let names = ["trending.meta", "trending.prompts", "trending.authors", "trending.events", "trending.contrib", "trending.timeline", "trending.ranks"]

    init(index: Index, create: Bool) throws(IndexError) {
        let opened = try Self.names.map { name throws(IndexError) in try index.layerDatabase(name, create: create) }
        meta = opened[0]
        prompts = opened[1]
        authors = opened[2]
        events = opened[3]
        contrib = opened[4]
        timeline = opened[5]
        ranks = opened[6]
    }

    var all: [Database] { [meta, prompts, authors, events, contrib, timeline, ranks] }

    static let settingsKey = Array("settings".utf8)
    static let statsKey = Array("stats".utf8)

    static func idKey(_ id: Int64) -> [UInt8] {
        var key: [UInt8] = []
        key.reserveCapacity(8)
        Bytes.append(id, to: &key)
        return key
    }

    static func eventKey(_ kind: EngagementKind, _ id: Int64) -> [UInt8] {
        var key: [UInt8] = [kind.rawValue]
        Bytes.append(id, to: &key)
        return key
    }

    static func timelineKey(time: Int64, kind: EngagementKind, id: Int64) -> [UInt8] {
        var key: [UInt8] = []
        key.reserveCapacity(17)
        Bytes.append(time, to: &key)
        key.append(kind.rawValue)
        Bytes.append(id, to: &key)
        return key
    }

    /// The group prefix of a contribution: prompt + kind + visitor + window (25 bytes; keys are 41).
    static func groupPrefix(prompt: Int64, kind: EngagementKind, visitor: UInt64, window: Int64) -> [UInt8] {
        var key: [UInt8] = []
        key.reserveCapacity(41)
        Bytes.append(prompt, to: &key)
        key.append(kind.rawValue)
        KeyCodec.append(visitor, to: &key)
        Bytes.append(window, to: &key)
        return key
    }

    static func contribKey(prompt: Int64, kind: EngagementKind, record: EventRecord, id: Int64) -> [UInt8] {
        var key = groupPrefix(prompt: prompt, kind: kind, visitor: record.visitor, window: record.window)
        Bytes.append(record.time, to: &key)
        Bytes.append(id, to: &key)
        return key
    }
}
