/// One change to apply to an index.
public enum IndexOperation: Sendable, Equatable {
    /// Adds the document, replacing any document with the same id.
    case upsert(Document)
    /// Deletes the document with this id (nothing happens when there is none).
    case delete(id: String)

    var id: String {
        switch self {
        case .upsert(let document): return document.id
        case .delete(let id): return id
        }
    }
}

/// What one batch changed.
public struct BatchSummary: Sendable, Equatable {
    /// Documents added that were not in the index before.
    public var added = 0
    /// Documents that replaced one with the same id.
    public var replaced = 0
    /// Of ``replaced``, those whose searchable text was unchanged: only their stored fields and
    /// columns were rewritten (same doc number, no postings touched).
    public var replacedInPlace = 0
    /// Documents deleted.
    public var deleted = 0
    /// Delete operations naming an id the index does not have.
    public var missing = 0
    /// Operations in the batch that a later operation on the same id superseded.
    public var superseded = 0
}
