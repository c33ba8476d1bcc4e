/// The value of one document field, as stored and returned.
public enum FieldValue: Sendable, Equatable, Hashable {
    /// Text (searchable when the field is listed in the settings).
    case string(String)
    /// A list of strings, such as tags; each element is analyzed as its own phrase.
    case strings([String])
    /// A number (counters, ratings, timestamps).
    case number(Double)
    /// A flag.
    case bool(Bool)

    /// The text the analyzer sees for a searchable field; nil for numbers and flags.
    var searchableTexts: [String] {
        switch self {
        case .string(let text): return [text]
        case .strings(let texts): return texts
        case .number, .bool: return []
        }
    }
}
