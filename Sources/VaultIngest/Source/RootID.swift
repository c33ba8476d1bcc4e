import GRDB

/// The id of a root row (one document): an integer (PromptVault) or text (the folder layout's UUIDs).
/// The document's id in the index is ``documentID``.
public enum RootID: Hashable, Sendable, Comparable {
    /// An INTEGER id.
    case integer(Int64)
    /// A TEXT id.
    case text(String)

    /// The value as read from SQLite; nil for NULL, blobs and reals that are not whole numbers.
    init?(_ value: DatabaseValue) {
        switch value.storage {
        case .int64(let n): self = .integer(n)
        case .double(let d) where d == d.rounded() && abs(d) < 9e15: self = .integer(Int64(d))
        case .string(let s): self = .text(s)
        default: return nil
        }
    }

    /// The document id: the id as a string.
    public var documentID: String {
        switch self {
        case .integer(let n): return String(n)
        case .text(let s): return s
        }
    }

    /// The JSON array to bind to `:ids` (integers as numbers, text as strings, so comparisons in SQL
    /// keep their types).
    static func jsonArray(_ ids: some Collection<RootID>) -> String {
        var out = "["
        for (i, id) in ids.enumerated() {
            if i > 0 { out += "," }
            switch id {
            case .integer(let n): out += String(n)
            case .text(let s): out += JSONText.quoted(s)
            }
        }
        return out + "]"
    }
}
