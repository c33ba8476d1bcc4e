/// The kinds of engagement event, as the store's tables hold them (`prompt_views`, `prompt_copies`,
/// `ratings`, `bookmarks`). The raw value is the kind's byte in stored keys.
public enum EngagementKind: UInt8, Sendable, CaseIterable, Codable {
    case view = 1
    case copy = 2
    case rating = 3
    case bookmark = 4
}

/// One engagement event row, as read from the store (VaultIngest reads it; this layer knows no SQL).
public struct EngagementEvent: Sendable, Equatable {
    /// Which table it is a row of.
    public var kind: EngagementKind
    /// The row's id (for bookmarks, whose key is (user, prompt), the rowid).
    public var id: Int64
    /// The prompt it happened to.
    public var promptID: Int64
    /// The user, when known (always for ratings and bookmarks).
    public var userID: Int64?
    /// The anonymous visitor's fingerprint (views only), used when there is no user.
    public var fingerprint: String?
    /// When it happened (Unix seconds): `viewed_at`, `copied_at`, or `created_at`.
    public var time: Int64
    /// The stars of a rating (1...5); 0 for other kinds.
    public var value: Int

    /// An event.
    public init(kind: EngagementKind, id: Int64, promptID: Int64, userID: Int64?, fingerprint: String? = nil, time: Int64, value: Int = 0) {
        self.kind = kind
        self.id = id
        self.promptID = promptID
        self.userID = userID
        self.fingerprint = fingerprint
        self.time = time
        self.value = value
    }

    /// Who the visitor is, for deduplicating views: the user, else the fingerprint, else the event
    /// itself (a view with neither is never merged with another). A stable 64-bit hash.
    var visitor: UInt64 {
        if let userID { return StableHash.of("u:\(userID)") }
        if let fingerprint, !fingerprint.isEmpty { return StableHash.of("f:" + fingerprint) }
        return StableHash.of("e:\(id)")
    }
}

/// FNV-1a, 64 bits: the same value on every platform and run (Swift's `Hasher` is seeded per process).
enum StableHash {
    static func of(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}

extension EngagementKind {
    /// The kind's name in configurations and reports: `view`, `copy`, `rating`, `bookmark`.
    public var name: String {
        switch self {
        case .view: return "view"
        case .copy: return "copy"
        case .rating: return "rating"
        case .bookmark: return "bookmark"
        }
    }

    /// The kind named `name`, if any.
    public static func named(_ name: String) -> EngagementKind? { allCases.first { $0.name == name } }
}
