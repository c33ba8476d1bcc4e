import Foundation
import VaultStorage

/// What trending keeps per prompt (`trending.prompts`), 81 bytes:
/// ```
/// flags (1: bit 0 known row, bit 1 listed) | author | created | seed numerator | decay log2-score (IEEE bits)
/// | decay terms | rating count | rating sum | view events | copy events | engagement (weighted events)
/// ```
/// The row facts come from the prompt's row; the rest from its event rows. The decay log-score is
/// log2 Σ wᵢ·2^((tᵢ − epoch)/halfLife) over the counted events (−∞ when none), so the decayed score
/// at any instant is 2^(log − (now − epoch)/halfLife): one number that orders prompts at every instant.
struct PromptState: Equatable {
    var known = false
    var listed = false
    var authorID: Int64 = 0
    var createdAt: Int64 = 0
    var seedNumerator: Int64 = 0
    var decayLog: Double = -.infinity
    var decayTerms: Int64 = 0
    var ratingCount: Int64 = 0
    var ratingSum: Int64 = 0
    var viewEvents: Int64 = 0
    var copyEvents: Int64 = 0
    var engagement: Int64 = 0

    static let size = 1 + 10 * 8

    /// Nothing worth storing (no row, no events).
    var isEmpty: Bool { self == PromptState() }

    /// The mean rating of its event rows (nil when unrated).
    var ratingAverage: Double? { ratingCount > 0 ? Double(ratingSum) / Double(ratingCount) : nil }

    func encoded() -> [UInt8] {
        var out: [UInt8] = [(known ? 1 : 0) | (listed ? 2 : 0)]
        out.reserveCapacity(Self.size)
        for value in [authorID, createdAt, seedNumerator] { Bytes.append(value, to: &out) }
        Bytes.appendBits(decayLog, to: &out)
        for value in [decayTerms, ratingCount, ratingSum, viewEvents, copyEvents, engagement] { Bytes.append(value, to: &out) }
        return out
    }

    static func decode(_ raw: UnsafeRawBufferPointer) -> PromptState? {
        guard raw.count == size else { return nil }
        var state = PromptState()
        state.known = raw[0] & 1 != 0
        state.listed = raw[0] & 2 != 0
        state.authorID = Bytes.int64(raw, at: 1)
        state.createdAt = Bytes.int64(raw, at: 9)
        state.seedNumerator = Bytes.int64(raw, at: 17)
        state.decayLog = Bytes.bits(raw, at: 25)
        state.decayTerms = Bytes.int64(raw, at: 33)
        state.ratingCount = Bytes.int64(raw, at: 41)
        state.ratingSum = Bytes.int64(raw, at: 49)
        state.viewEvents = Bytes.int64(raw, at: 57)
        state.copyEvents = Bytes.int64(raw, at: 65)
        state.engagement = Bytes.int64(raw, at: 73)
        return state
    }
}

/// What trending keeps per author (`trending.authors`), 25 bytes: flags (1: bit 0 known user row)
/// | reputation | listed prompts | engagement their listed prompts received (weighted events, all time).
struct AuthorState: Equatable {
    var known = false
    var reputation: Int64 = 0
    var listedPrompts: Int64 = 0
    var engagement: Int64 = 0

    static let size = 25

    var isEmpty: Bool { self == AuthorState() }

    func encoded() -> [UInt8] {
        var out: [UInt8] = [known ? 1 : 0]
        for value in [reputation, listedPrompts, engagement] { Bytes.append(value, to: &out) }
        return out
    }

    static func decode(_ raw: UnsafeRawBufferPointer) -> AuthorState? {
        guard raw.count == size else { return nil }
        return AuthorState(
            known: raw[0] & 1 != 0, reputation: Bytes.int64(raw, at: 1), listedPrompts: Bytes.int64(raw, at: 9),
            engagement: Bytes.int64(raw, at: 17))
    }
}

/// One stored event (`trending.events`), 33 bytes: prompt | time | visitor (UInt64) | dedup window | value (1).
/// Kept so that a deleted or changed row can be taken back out exactly.
struct EventRecord: Equatable {
    var prompt: Int64
    var time: Int64
    /// The deduplication identity: the visitor's hash for views, the event id for other kinds.
    var visitor: UInt64
    /// The view's dedup window number (0 for other kinds).
    var window: Int64
    var value: UInt8

    static let size = 33

    init(prompt: Int64, time: Int64, visitor: UInt64, window: Int64, value: UInt8) {
        self.prompt = prompt
        self.time = time
        self.visitor = visitor
        self.window = window
        self.value = value
    }

    init(_ event: EngagementEvent, settings: TrendingSettings) {
        prompt = event.promptID
        time = event.time
        value = UInt8(clamping: event.kind == .rating ? event.value : 0)
        if event.kind == .view {
            visitor = event.visitor
            window = Bytes.floorDivide(event.time - settings.epoch, settings.viewDedupWindow)
        } else {
            visitor = UInt64(bitPattern: event.id)
            window = 0
        }
    }

    func encoded() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(Self.size)
        Bytes.append(prompt, to: &out)
        Bytes.append(time, to: &out)
        KeyCodec.append(visitor, to: &out)
        Bytes.append(window, to: &out)
        out.append(value)
        return out
    }

    static func decode(_ raw: UnsafeRawBufferPointer) -> EventRecord? {
        guard raw.count == size else { return nil }
        return EventRecord(
            prompt: Bytes.int64(raw, at: 0), time: Bytes.int64(raw, at: 8), visitor: KeyCodec.decodeUInt64(raw, at: 16),
            window: Bytes.int64(raw, at: 24), value: raw[32])
    }
}

/// The global figures (`trending.meta` "stats"): how many listed prompts are rated, and the sum of
/// their mean ratings in fixed point (R·2^32, rounded), so `C` (the mean over rated listed prompts)
/// is exact to 2^-32 and adding then removing a prompt leaves no rounding drift.
struct TrendingStats: Equatable {
    var ratedPrompts: Int64 = 0
    var ratingMeanSum: Int64 = 0

    static let scale = 4_294_967_296.0

    static func fixed(_ mean: Double) -> Int64 { Int64((mean * scale).rounded()) }

    /// C, or 0 when nothing is rated.
    var meanRating: Double { ratedPrompts > 0 ? Double(ratingMeanSum) / Self.scale / Double(ratedPrompts) : 0 }

    func encoded() -> [UInt8] {
        var out: [UInt8] = []
        Bytes.append(ratedPrompts, to: &out)
        Bytes.append(ratingMeanSum, to: &out)
        return out
    }

    static func decode(_ raw: UnsafeRawBufferPointer) -> TrendingStats? {
        guard raw.count == 16 else { return nil }
        return TrendingStats(ratedPrompts: Bytes.int64(raw, at: 0), ratingMeanSum: Bytes.int64(raw, at: 8))
    }
}
