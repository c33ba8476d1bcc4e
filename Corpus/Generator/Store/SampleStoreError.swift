/// Why the sample corpus folder could not be loaded. Every case names the file (relative to the
/// folder) and, where there is one, the entry ("entry 12 (\"python-debugger-partner\")").
public enum SampleStoreError: Error, Equatable, CustomStringConvertible {
    /// The file is missing or unreadable.
    case unreadable(file: String, reason: String)
    /// The file is not JSON of the expected shape (an array of objects with fields of the right types).
    case malformed(file: String, reason: String)
    /// A required field is absent (or null).
    case missingField(file: String, entry: String, field: String)
    /// A slug or username is used twice.
    case duplicate(file: String, entry: String, field: String, value: String)
    /// A slug or username names nothing.
    case danglingReference(file: String, entry: String, field: String, value: String)
    /// A field has a value outside what the format allows.
    case invalidValue(file: String, entry: String, field: String, reason: String)

    /// A one-line message naming the file, the entry and the problem.
    public var description: String {
        switch self {
        case .unreadable(let file, let reason):
            "\(file): cannot read the file: \(reason)"
        case .malformed(let file, let reason):
            "\(file): not valid sample-store JSON: \(reason)"
        case .missingField(let file, let entry, let field):
            "\(file), \(entry): missing required field \"\(field)\""
        case .duplicate(let file, let entry, let field, let value):
            "\(file), \(entry): duplicate \(field) \"\(value)\""
        case .danglingReference(let file, let entry, let field, let value):
            "\(file), \(entry): \(field) \"\(value)\" does not name any known entry"
        case .invalidValue(let file, let entry, let field, let reason):
            "\(file), \(entry): invalid \(field): \(reason)"
        }
    }
}
