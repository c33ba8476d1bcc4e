import Foundation
import VaultAnalysis
import VaultIndex
import VaultTrending

/// How documents are built from a SQL store: the root table, the SQL that builds documents for a
/// set of ids, the fields (searchable with weights, filterable, facetable, sortable, typed), and the
/// tables to watch with how a change in each maps to the root ids it touches.
///
/// Read from a JSON file (format in `Sources/VaultIngest/Source/README.md`) by a strict decoder: an
/// unknown key such as `"serchable"` is an error naming its path, not ignored. The PromptVault
/// mapping ships as `Mappings/promptvault.json` (``promptVault``); `Mappings/folder-layout.json`
/// indexes the folder-based design by configuration alone.
public struct SourceConfiguration: Sendable, Equatable {
    /// A short name, stored in the index so a tailer refuses an index built from another source.
    public var name: String
    /// The root table: one document per row.
    public var root: Root
    /// SQL returning one row per document for the ids bound to `:ids` (a JSON array): a column `id`
    /// with the root id and one column per field (see ``Field/column``).
    public var documents: String
    /// The fields of a document.
    public var fields: [Field]
    /// The tables whose changes are logged, and how each change maps to root ids.
    public var watch: [WatchedTable]
    /// Which documents are public, and who owns the others (the engine's search scope); nil when
    /// every document is public.
    public var visibility: Visibility?

    /// How visibility is read from the fields: a document is public when `field` holds one of
    /// `publicValues` and (when `status` is named) the status field one of `publishedValues`; its
    /// owner is the value of `owner`.
    public struct Visibility: Sendable, Equatable {
        /// The field holding the visibility.
        public var field: String
        /// Values that make a document public.
        public var publicValues: [String]
        /// The field holding the publication status, if any.
        public var status: String?
        /// Status values that count as published.
        public var publishedValues: [String]
        /// The field naming the owner.
        public var owner: String
    }

    /// The root table and its primary-key column.
    public struct Root: Sendable, Equatable {
        /// The table name.
        public var table: String
        /// The id column.
        public var id: String
    }

    /// The type of a field's values.
    public enum FieldType: String, Sendable, Equatable, CaseIterable {
        /// Text (NULL leaves the field out).
        case string
        /// A JSON array of strings in the column (tags, variables).
        case strings
        /// A number (counters, ratings, times).
        case number
        /// A flag (0 / 1).
        case bool
        /// A hierarchical path such as `coding/python/debugging`, split by ``Field/separator`` into
        /// the fields `NAME.lvl0` (`coding`), `NAME.lvl1` (`coding/python`), ...: each level holds the
        /// path's prefix, so filtering `NAME.lvlN = P` selects everything at or under `P`.
        case path
    }

    /// One document field.
    public struct Field: Sendable, Equatable {
        /// The field's name in the document.
        public var name: String
        /// The value type.
        public var type: FieldType
        /// The result column of ``SourceConfiguration/documents`` it comes from (default: `name`).
        public var column: String
        /// BM25F weight and length normalization when the field is searchable (string or strings).
        public var searchable: Searchable?
        /// May be used in filters.
        public var filterable: Bool
        /// Value counts may be asked for.
        public var facetable: Bool
        /// Results may be sorted by it.
        public var sortable: Bool
        /// May be the `distinct` attribute of a search (one hit per value).
        public var distinct: Bool
        /// A NULL value is logged as a problem of the row (the document is still indexed without it).
        public var required: Bool
        /// Path separator (type `path` only).
        public var separator: String
    }

    /// The ranking parameters of a searchable field.
    public struct Searchable: Sendable, Equatable {
        /// The BM25F weight (> 0).
        public var weight: Double
        /// Length normalization, 0...1.
        public var b: Double
    }

    /// One table whose changes the change-log triggers record.
    public struct WatchedTable: Sendable, Equatable {
        /// The table.
        public var table: String
        /// Set for an engagement table (`view`, `copy`, `rating`, `bookmark`): its changes feed
        /// trending (VaultTrending) instead of documents (the counters they move are prompt columns,
        /// whose own trigger rebuilds the document).
        public var engagement: EngagementKind? = nil
        /// The entity name the triggers write (default: the table name); unique in a configuration.
        public var entity: String
        /// The column whose value the triggers record (for tables with a composite key such as
        /// `prompt_tags`, the root id column, so the change names the document directly).
        public var id: String
        /// SQL mapping changed ids (bound to `:ids`, a JSON array) to the root ids they touch, one
        /// per row in the first column; absent when the recorded ids are root ids.
        public var affects: String?
    }

    /// The index settings the fields imply: searchable fields with their weights (k1 1.2, English
    /// stemming and stop words), the filterable, facetable, sortable and distinct attributes with
    /// their types (a path field as `NAME.lvl*`), and the visibility rules.
    public var indexSettings: IndexSettings {
        IndexSettings(
            searchableFields: fields.compactMap { field in
                field.searchable.map { FieldSettings(name: field.name, weight: $0.weight, b: $0.b) }
            },
            k1: 1.2, analysis: AnalyzerConfiguration(stemming: .english), stopWords: StopWords.english,
            attributes: attributes,
            visibility: visibility.map {
                VisibilitySettings(
                    visibilityField: $0.field, publicValues: $0.publicValues, statusField: $0.status, publishedValues: $0.publishedValues,
                    ownerField: $0.owner)
            })
    }

    /// The fields used for anything but text search, as index attributes.
    private var attributes: [AttributeSettings] {
        fields.compactMap { field in
            guard field.filterable || field.facetable || field.sortable || field.distinct else { return nil }
            let type: AttributeType
            switch field.type {
            case .string, .path: type = .string
            case .strings: type = .strings
            case .number: type = .number
            case .bool: type = .bool
            }
            return AttributeSettings(
                name: field.type == .path ? "\(field.name).lvl*" : field.name, type: type, filterable: field.filterable,
                facetable: field.facetable, sortable: field.sortable, distinct: field.distinct)
        }
    }

    /// The document field names a field produces (a path field gives one per level it may have).
    public func documentFieldNames(of field: Field, levels: Int) -> [String] {
        field.type == .path ? (0..<levels).map { "\(field.name).lvl\($0)" } : [field.name]
    }

    /// Names of the filterable fields (path fields as `NAME.lvl*`).
    public var filterableFields: [String] { attributeNames(\.filterable) }
    /// Names of the facetable fields (path fields as `NAME.lvl*`).
    public var facetableFields: [String] { attributeNames(\.facetable) }
    /// Names of the sortable fields.
    public var sortableFields: [String] { attributeNames(\.sortable) }

    private func attributeNames(_ flag: KeyPath<Field, Bool>) -> [String] {
        fields.filter { $0[keyPath: flag] }.map { $0.type == .path ? "\($0.name).lvl*" : $0.name }
    }

    /// The watched entry of the root table.
    public var rootWatch: WatchedTable? { watch.first { $0.table == root.table && $0.affects == nil } }
}
