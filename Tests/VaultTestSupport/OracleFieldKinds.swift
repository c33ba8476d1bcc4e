/// What the oracle knows of a document type's fields: each field's kind and which fields a filter
/// may name.
public struct OracleFieldKinds: Sendable {
    /// The kind of a field's values.
    public enum Kind: String, Sendable, Hashable {
        /// One string (``FieldValue/string``).
        case string
        /// A list of strings (``FieldValue/strings``); a test matches when any element does.
        case strings
        /// A number (``FieldValue/number``).
        case number
        /// A flag (``FieldValue/bool``).
        case bool
    }

    /// Field name → kind, for every field the oracle knows (filterable or not).
    public var kinds: [String: Kind]
    /// The fields a filter may name.
    public var filterable: Set<String>

    /// Field kinds; every name in `filterable` must have a kind.
    public init(kinds: [String: Kind], filterable: Set<String>) {
        precondition(filterable.isSubset(of: kinds.keys), "a filterable field has no kind")
        self.kinds = kinds
        self.filterable = filterable
    }

    /// The kind of `field`, if known.
    public func kind(of field: String) -> Kind? { kinds[field] }

    /// Whether a filter may name `field`.
    public func isFilterable(_ field: String) -> Bool { filterable.contains(field) }

    /// The filterable fields of `kind`, sorted by name.
    public func filterableFields(_ kind: Kind) -> [String] {
        filterable.filter { kinds[$0] == kind }.sorted()
    }

    /// Every filterable field, sorted by name.
    public var filterableFields: [String] { filterable.sorted() }

    /// The PromptVault mapping (`Sources/VaultIngest/Mappings/promptvault.json`): the path field
    /// `category` contributes `category.lvl0` … `category.lvl2` (the generated trees are three
    /// levels deep), all filterable like the `category` slug itself.
    public static let promptVault: OracleFieldKinds = {
        let filterableKinds: [String: Kind] = [
            "slug": .string, "tags": .strings,
            "category": .string, "category.lvl0": .string, "category.lvl1": .string, "category.lvl2": .string,
            "model": .string, "provider": .string, "author": .string, "visibility": .string, "status": .string,
            "featured": .bool, "staffPick": .bool,
            "views": .number, "copies": .number, "bookmarks": .number, "forks": .number, "comments": .number,
            "ratingAvg": .number, "ratingCount": .number, "createdAt": .number, "updatedAt": .number,
            "publishedAt": .number, "forkedFrom": .number, "family": .number,
        ]
        let others: [String: Kind] = [
            "title": .string, "description": .string, "content": .string, "instructions": .string,
            "variables": .strings, "authorName": .string, "shares": .number,
        ]
        return OracleFieldKinds(kinds: filterableKinds.merging(others) { a, _ in a }, filterable: Set(filterableKinds.keys))
    }()
}
