/// What one document puts into the columns, derived from its fields and the settings' attributes:
/// the facet dictionary entries it belongs to and its numeric column values. The writer diffs the
/// old and new values of a document; `inspect check` recomputes them from stored documents.
struct ColumnValues: Equatable {
    /// A facet dictionary entry: field, kind and normalized value (empty for `exists` / `empty`).
    struct SetKey: Hashable, Comparable {
        var field: String
        var kind: ColumnKeys.Kind
        var value: String

        static func < (a: SetKey, b: SetKey) -> Bool {
            (a.field, a.kind.rawValue, a.value) < (b.field, b.kind.rawValue, b.value)
        }
    }

    /// The entries, each with the spelling this document gives it.
    var sets: [SetKey: String] = [:]
    /// Numeric column values by field.
    var numbers: [String: Double] = [:]

    /// The column values of `document`, resolving attributes through `schema`'s cache.
    init(document: Document, schema: ColumnSchema) {
        sets[SetKey(field: ColumnKeys.allDocumentsField, kind: .exists, value: "")] = ""
        for (field, value) in document.fields { add(field: field, value: value, schema: schema) }
    }

    /// The column values of only the fields that differ between `old` and `new` (for an in-place
    /// replacement: the entries of unchanged fields, and the universe, stay as they are).
    static func changed(from old: Document, to new: Document, schema: ColumnSchema) -> (old: ColumnValues, new: ColumnValues) {
        var before = ColumnValues(), after = ColumnValues()
        for (field, value) in old.fields where new.fields[field] != value { before.add(field: field, value: value, schema: schema) }
        for (field, value) in new.fields where old.fields[field] != value { after.add(field: field, value: value, schema: schema) }
        return (before, after)
    }

    private init() {}

    private mutating func add(field: String, value: FieldValue, schema: ColumnSchema) {
        guard let attribute = schema.attribute(for: field) else { return }
        if attribute.hasFacetPostings {
            sets[SetKey(field: field, kind: .exists, value: "")] = ""
            if value == .string("") || value == .strings([]) { sets[SetKey(field: field, kind: .empty, value: "")] = "" }
            for text in Self.texts(of: value, type: attribute.type) {
                let key = SetKey(field: field, kind: .value, value: FilterValue.normalize(text))
                if sets[key] == nil { sets[key] = text }
            }
        }
        if attribute.hasNumericColumn, let number = Self.number(of: value) { numbers[field] = number }
    }

    /// The texts a value contributes to facet postings.
    static func texts(of value: FieldValue, type: AttributeType) -> [String] {
        switch value {
        case .string(let text): return [text]
        case .strings(let texts): return texts
        case .number(let number): return [canonicalText(number)]
        case .bool(let flag): return [flag ? "true" : "false"]
        }
    }

    /// A value as a number for a numeric column (a flag is 0 or 1; text that parses as a number counts).
    static func number(of value: FieldValue) -> Double? {
        switch value {
        case .number(let number): return number.isFinite ? number : nil
        case .bool(let flag): return flag ? 1 : 0
        case .string(let text): return Double(text).flatMap { $0.isFinite ? $0 : nil }
        case .strings: return nil
        }
    }

    /// The text of a number in facet values: integers without a fraction (`42`), others as Swift prints them.
    static func canonicalText(_ number: Double) -> String {
        if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
        return String(number)
    }
}

/// The settings' column attributes with each field's resolution remembered: a document's ~30
/// fields are resolved by dictionary lookup instead of a scan of the attribute list (with pattern
/// matching) per field per document. One per writer or check; not shared across threads.
final class ColumnSchema {
    let settings: IndexSettings
    private var resolved: [String: AttributeSettings?] = [:]

    init(settings: IndexSettings) { self.settings = settings }

    func attribute(for field: String) -> AttributeSettings? {
        if let known = resolved[field] { return known }
        let attribute = settings.columnAttribute(for: field)
        resolved[field] = attribute
        return attribute
    }
}

extension IndexSettings {
    /// The attribute that gives `field` columns: a declared attribute, or a visibility field
    /// (always a filterable string, so the scope can be computed).
    func columnAttribute(for field: String) -> AttributeSettings? {
        if let declared = attribute(for: field) {
            if let visibility, visibility.fields.contains(field), !declared.filterable {
                var forced = declared
                forced.filterable = true
                return forced
            }
            return declared
        }
        if let visibility, visibility.fields.contains(field) { return AttributeSettings(name: field, type: .string, filterable: true) }
        return nil
    }
}
