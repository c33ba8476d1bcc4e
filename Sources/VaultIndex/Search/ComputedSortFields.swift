/// Sort fields whose values are computed outside the index's columns when a search runs — the
/// trending scores of VaultTrending (`trending`, `trending.seed`, `ratingBayes`) are the use. A
/// search may sort by any field a source names as if it were a sortable numeric column: a document
/// without a value ranks after every document with one, and relevance breaks ties.
///
/// The index stays ignorant of what the values mean; a layer above it (which may read its own
/// databases in the same snapshot) supplies them per search.
public struct ComputedSortFields: Sendable, Equatable {
    /// The sources by field name.
    public let sources: [String: any ComputedSortSource]

    /// No computed fields.
    public init() { sources = [:] }

    /// The fields of `sources` (a later source with the same field replaces an earlier one).
    public init(_ sources: [any ComputedSortSource]) {
        var byField: [String: any ComputedSortSource] = [:]
        for source in sources { byField[source.field] = source }
        self.sources = byField
    }

    /// Whether `field` is computed.
    public func contains(_ field: String) -> Bool { sources[field] != nil }

    /// Equal when they name the same fields (sources are not comparable; this keeps
    /// ``SearchOptions`` `Equatable`).
    public static func == (a: ComputedSortFields, b: ComputedSortFields) -> Bool {
        Set(a.sources.keys) == Set(b.sources.keys)
    }
}

/// Supplies one computed sort field's values for a snapshot.
public protocol ComputedSortSource: Sendable {
    /// The field name a sort key uses (`trending` in `trending:desc`).
    var field: String { get }
    /// The values as of `snapshot`, read during one search.
    func values(in snapshot: IndexSnapshot) throws(IndexError) -> any ComputedSortValues
}

/// One search's view of a computed field's values. Not shared between searches.
public protocol ComputedSortValues: AnyObject {
    /// The value of doc number `doc`, nil when it has none.
    func value(of doc: UInt32) throws(IndexError) -> Double?

    /// Calls `body` with every document that has a value, best first for `descending`, until it
    /// returns false; returns false without calling it when the source cannot list its documents in
    /// that order (each candidate is then read with ``value(of:)``). Ties in value may come in any order.
    func forEachBestFirst(descending: Bool, _ body: (UInt32, Double) throws(IndexError) -> Bool) throws(IndexError) -> Bool
}

extension ComputedSortValues {
    /// By default a source cannot list its documents in order.
    public func forEachBestFirst(descending: Bool, _ body: (UInt32, Double) throws(IndexError) -> Bool) throws(IndexError) -> Bool {
        false
    }
}
