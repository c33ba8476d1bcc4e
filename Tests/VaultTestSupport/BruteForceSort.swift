import VaultIndex

/// The order of Meilisearch's `sort: ["field:asc", "other:desc", …]`, by comparing documents
/// directly.
///
/// Per key: documents that have the field come first (in either direction), then those without
/// it; numbers compare numerically and come before strings ascending (after them descending: the
/// direction reverses the whole order of present values); strings (and bools, as `"false"` /
/// `"true"`) compare by the UTF-8 bytes of `lowercased()`; a list compares by its least element
/// ascending, its greatest descending (an empty list counts as missing). Equal documents fall to
/// the next key, then to the caller's tie-breaker.
public struct BruteForceSort: Sendable {
    /// One sort key.
    public struct Key: Sendable, Hashable {
        /// The field.
        public var field: String
        /// Ascending (`:asc`) or descending (`:desc`).
        public var ascending: Bool

        /// A key.
        public init(field: String, ascending: Bool) {
            self.field = field
            self.ascending = ascending
        }
    }

    /// The keys, most significant first.
    public var keys: [Key]

    /// A sort by `keys`.
    public init(keys: [Key]) { self.keys = keys }

    /// A sort from Meilisearch's spelling, `["views:desc", "createdAt:asc"]` (split at the last
    /// `:`; the direction exactly `asc` or `desc`); nil when a key is malformed.
    public init?(_ specs: [String]) {
        var keys: [Key] = []
        for spec in specs {
            guard let colon = spec.lastIndex(of: ":") else { return nil }
            let field = String(spec[..<colon]), direction = spec[spec.index(after: colon)...]
            guard !field.isEmpty, direction == "asc" || direction == "desc" else { return nil }
            keys.append(Key(field: field, ascending: direction == "asc"))
        }
        self.keys = keys
    }

    /// The keys' verdict alone: negative when `a` goes first, positive when `b` does, 0 on a tie.
    public func compare(_ a: Document, _ b: Document) -> Int {
        for key in keys {
            let x = Self.sortValue(a.fields[key.field], ascending: key.ascending)
            let y = Self.sortValue(b.fields[key.field], ascending: key.ascending)
            switch (x, y) {
            case (nil, nil): continue
            case (nil, _): return 1
            case (_, nil): return -1
            case (let x?, let y?):
                let order = Self.order(x, y)
                if order != 0 { return key.ascending ? order : -order }
            }
        }
        return 0
    }

    /// Whether `a` goes before `b`: by the keys, then by `tieBreaker`.
    public func areInIncreasingOrder(_ a: Document, _ b: Document, tieBreaker: (Document, Document) -> Bool) -> Bool {
        let order = compare(a, b)
        return order != 0 ? order < 0 : tieBreaker(a, b)
    }

    /// `documents` in sort order (ties by `tieBreaker`, by default the id's UTF-8 bytes).
    public func sorted(_ documents: [Document], tieBreaker: (Document, Document) -> Bool = { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }) -> [Document] {
        documents.sorted { areInIncreasingOrder($0, $1, tieBreaker: tieBreaker) }
    }

    enum SortValue { case number(Double), text(String) }

    static func sortValue(_ value: FieldValue?, ascending: Bool) -> SortValue? {
        switch value {
        case nil: return nil
        case .number(let x): return .number(x)
        case .string(let s): return .text(s.lowercased())
        case .bool(let b): return .text(b ? "true" : "false")
        case .strings(let list):
            let texts = list.map { $0.lowercased() }
            let pick = ascending
                ? texts.min { $0.utf8.lexicographicallyPrecedes($1.utf8) }
                : texts.max { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            return pick.map { .text($0) }
        }
    }

    /// Ascending order of two present values: −1, 0 or 1.
    static func order(_ x: SortValue, _ y: SortValue) -> Int {
        switch (x, y) {
        case (.number(let a), .number(let b)): return a < b ? -1 : a > b ? 1 : 0
        case (.number, .text): return -1
        case (.text, .number): return 1
        case (.text(let a), .text(let b)):
            return a.utf8.elementsEqual(b.utf8) ? 0 : a.utf8.lexicographicallyPrecedes(b.utf8) ? -1 : 1
        }
    }
}
