/// The value type of a non-text attribute, which decides the column that holds it.
public enum AttributeType: String, Codable, Sendable, Equatable, CaseIterable {
    /// One string per document (`model`, `category.lvl0`): facet postings per value.
    case string
    /// A list of strings (`tags`): facet postings per element.
    case strings
    /// A number (`views`, `createdAt`): a numeric column (range filters, sort, stats), and facet
    /// postings of its canonical text when facetable.
    case number
    /// A flag (`featured`): facet postings of `true` / `false`, and a numeric column (0 / 1) when sortable.
    case bool
}

/// What a document field may be used for besides full-text search (Meilisearch's filterable,
/// faceting, sortable and distinct attributes), and its type.
///
/// A name ending in `.lvl*` covers the levels of a hierarchical path: `category.lvl*` stands for
/// `category.lvl0`, `category.lvl1`, … (the fields a path mapping produces).
public struct AttributeSettings: Codable, Sendable, Equatable {
    /// The field name, or a `NAME.lvl*` pattern.
    public var name: String
    /// The value type.
    public var type: AttributeType
    /// May appear in filters.
    public var filterable: Bool
    /// Value counts (`facetDistribution`, `facetStats`) and facet search may be asked for.
    public var facetable: Bool
    /// May be a sort key.
    public var sortable: Bool
    /// May be the `distinct` field (one hit per value).
    public var distinct: Bool

    /// An attribute.
    public init(name: String, type: AttributeType, filterable: Bool = false, facetable: Bool = false, sortable: Bool = false, distinct: Bool = false) {
        self.name = name
        self.type = type
        self.filterable = filterable
        self.facetable = facetable
        self.sortable = sortable
        self.distinct = distinct
    }

    private enum CodingKeys: String, CodingKey { case name, type, filterable, facetable, sortable, distinct }

    /// Decodes an attribute; the flags default to false.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        type = try c.decode(AttributeType.self, forKey: .type)
        filterable = try c.decodeIfPresent(Bool.self, forKey: .filterable) ?? false
        facetable = try c.decodeIfPresent(Bool.self, forKey: .facetable) ?? false
        sortable = try c.decodeIfPresent(Bool.self, forKey: .sortable) ?? false
        distinct = try c.decodeIfPresent(Bool.self, forKey: .distinct) ?? false
    }

    /// Whether this attribute covers the concrete field `field` (itself, or a level of a `.lvl*` pattern).
    public func covers(_ field: String) -> Bool {
        guard name.hasSuffix(".lvl*") else { return field == name }
        let stem = name.dropLast(1)  // "category.lvl"
        guard field.hasPrefix(stem) else { return false }
        let level = field.dropFirst(stem.count)
        return !level.isEmpty && level.allSatisfy(\.isASCII) && level.allSatisfy(\.isNumber)
    }

    /// Whether values of this attribute go into facet postings (string-like values that are
    /// filtered or counted).
    var hasFacetPostings: Bool {
        switch type {
        case .string, .strings, .bool: return filterable || facetable || distinct
        case .number: return facetable
        }
    }

    /// Whether values go into a numeric column.
    var hasNumericColumn: Bool {
        switch type {
        case .number: return filterable || facetable || sortable || distinct
        case .bool: return sortable
        case .string, .strings: return false
        }
    }
}

/// Which documents a search may see, named by fields of the documents: a document is public when its
/// visibility field holds one of ``publicValues`` and (when a status field is named) its status one
/// of ``publishedValues``; its owner is the value of ``ownerField``.
///
/// The engine builds every search's candidate set from this (see ``SearchScope``), so private,
/// unlisted and draft documents never reach a caller outside their owner's scope.
public struct VisibilitySettings: Codable, Sendable, Equatable {
    /// The field holding the visibility (`visibility`).
    public var visibilityField: String
    /// Values of it that make a document visible to everyone (`public`).
    public var publicValues: [String]
    /// The field holding the publication status (`status`), if any.
    public var statusField: String?
    /// Values of the status field that count as published (`published`).
    public var publishedValues: [String]
    /// The field naming the owner (`author`).
    public var ownerField: String

    /// Visibility settings.
    public init(visibilityField: String, publicValues: [String], statusField: String?, publishedValues: [String], ownerField: String) {
        self.visibilityField = visibilityField
        self.publicValues = publicValues
        self.statusField = statusField
        self.publishedValues = publishedValues
        self.ownerField = ownerField
    }

    /// PromptVault's: `visibility = public`, `status = published`, owner `author`.
    public static let promptVault = VisibilitySettings(
        visibilityField: "visibility", publicValues: ["public"], statusField: "status", publishedValues: ["published"], ownerField: "author")

    /// The fields it reads.
    var fields: [String] { [visibilityField, ownerField] + (statusField.map { [$0] } ?? []) }
}

