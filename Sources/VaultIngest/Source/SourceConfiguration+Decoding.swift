import Foundation
import VaultTrending

// Strict decoding: every object rejects keys it does not know, naming the key's path and the
// closest known key, so a typo such as "serchable" is an error rather than a silently ignored line.

extension SourceConfiguration: Decodable {
    private enum CodingKeys: String, CodingKey, CaseIterable { case name, root, documents, fields, watch, visibility }

    public init(from decoder: any Decoder) throws {
        try StrictKeys.check(decoder, allowed: CodingKeys.allCases.map(\.rawValue))
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        root = try c.decode(Root.self, forKey: .root)
        documents = try c.decode(String.self, forKey: .documents)
        fields = try c.decode([Field].self, forKey: .fields)
        watch = try c.decode([WatchedTable].self, forKey: .watch)
        visibility = try c.decodeIfPresent(Visibility.self, forKey: .visibility)
    }
}

extension SourceConfiguration.Visibility: Decodable {
    private enum CodingKeys: String, CodingKey, CaseIterable { case field, `public`, status, published, owner }

    public init(from decoder: any Decoder) throws {
        try StrictKeys.check(decoder, allowed: CodingKeys.allCases.map(\.rawValue))
        let c = try decoder.container(keyedBy: CodingKeys.self)
        field = try c.decode(String.self, forKey: .field)
        publicValues = try c.decode([String].self, forKey: .public)
        status = try c.decodeIfPresent(String.self, forKey: .status)
        publishedValues = try c.decodeIfPresent([String].self, forKey: .published) ?? []
        owner = try c.decode(String.self, forKey: .owner)
    }
}

extension SourceConfiguration.Root: Decodable {
    private enum CodingKeys: String, CodingKey, CaseIterable { case table, id }

    public init(from decoder: any Decoder) throws {
        try StrictKeys.check(decoder, allowed: CodingKeys.allCases.map(\.rawValue))
        let c = try decoder.container(keyedBy: CodingKeys.self)
        table = try c.decode(String.self, forKey: .table)
        id = try c.decode(String.self, forKey: .id)
    }
}

extension SourceConfiguration.FieldType: Decodable {
    public init(from decoder: any Decoder) throws {
        let raw = try decoder.singleValueContainer().decode(String.self)
        guard let type = Self(rawValue: raw) else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath,
                debugDescription: "'\(raw)' is not a field type (one of \(Self.allCases.map(\.rawValue).joined(separator: ", ")))"))
        }
        self = type
    }
}

extension SourceConfiguration.Field: Decodable {
    private enum CodingKeys: String, CodingKey, CaseIterable {
        case name, type, column, searchable, filterable, facetable, sortable, distinct, required, separator
    }

    public init(from decoder: any Decoder) throws {
        try StrictKeys.check(decoder, allowed: CodingKeys.allCases.map(\.rawValue))
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        type = try c.decode(SourceConfiguration.FieldType.self, forKey: .type)
        column = try c.decodeIfPresent(String.self, forKey: .column) ?? name
        searchable = try c.decodeIfPresent(SourceConfiguration.Searchable.self, forKey: .searchable)
        filterable = try c.decodeIfPresent(Bool.self, forKey: .filterable) ?? false
        facetable = try c.decodeIfPresent(Bool.self, forKey: .facetable) ?? false
        sortable = try c.decodeIfPresent(Bool.self, forKey: .sortable) ?? false
        distinct = try c.decodeIfPresent(Bool.self, forKey: .distinct) ?? false
        required = try c.decodeIfPresent(Bool.self, forKey: .required) ?? false
        separator = try c.decodeIfPresent(String.self, forKey: .separator) ?? "/"
    }
}

extension SourceConfiguration.Searchable: Decodable {
    private enum CodingKeys: String, CodingKey, CaseIterable { case weight, b }

    public init(from decoder: any Decoder) throws {
        try StrictKeys.check(decoder, allowed: CodingKeys.allCases.map(\.rawValue))
        let c = try decoder.container(keyedBy: CodingKeys.self)
        weight = try c.decodeIfPresent(Double.self, forKey: .weight) ?? 1
        b = try c.decodeIfPresent(Double.self, forKey: .b) ?? 0.75
    }
}

extension SourceConfiguration.WatchedTable: Decodable {
    private enum CodingKeys: String, CodingKey, CaseIterable { case table, entity, id, affects, engagement }

    public init(from decoder: any Decoder) throws {
        try StrictKeys.check(decoder, allowed: CodingKeys.allCases.map(\.rawValue))
        let c = try decoder.container(keyedBy: CodingKeys.self)
        table = try c.decode(String.self, forKey: .table)
        entity = try c.decodeIfPresent(String.self, forKey: .entity) ?? table
        id = try c.decode(String.self, forKey: .id)
        affects = try c.decodeIfPresent(String.self, forKey: .affects)
        if let name = try c.decodeIfPresent(String.self, forKey: .engagement) {
            guard let kind = EngagementKind.named(name) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .engagement, in: c, debugDescription: "'\(name)' is not an engagement kind (view, copy, rating, bookmark)")
            }
            engagement = kind
        }
    }
}

/// Rejects unknown keys of the object being decoded.
enum StrictKeys {
    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// Throws a `DecodingError.dataCorrupted` naming the first key not in `allowed` (and the closest allowed key).
    static func check(_ decoder: any Decoder, allowed: [String]) throws {
        let container = try decoder.container(keyedBy: AnyKey.self)
        for key in container.allKeys.map(\.stringValue).sorted() where !allowed.contains(key) {
            let closest = allowed.min { editDistance(key, $0) < editDistance(key, $1) }
            let hint = closest.flatMap { editDistance(key, $0) <= 3 ? " (did you mean '\($0)'?)" : nil } ?? ""
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath + [AnyKey(stringValue: key)],
                debugDescription: "unknown key '\(key)'\(hint); known keys: \(allowed.joined(separator: ", "))"))
        }
    }

    /// Levenshtein distance (keys are short).
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var previous = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(b.count, 1) where !b.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return a.isEmpty ? b.count : previous[b.count]
    }
}
