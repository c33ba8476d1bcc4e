import Foundation

/// A parsed filter in Meilisearch's syntax (``FilterParser`` builds it; `FilterCompiler` turns it
/// into a doc-number set). The tree keeps the source positions of fields and values so that a
/// compile error (a field that is not filterable, `>` on a string field) can point at its fault.
///
/// Semantics, shared by the engine and by the independent test oracle:
/// - `f = v`: a string field matches when its value equals `v` after ``FilterValue/normalized``
///   (case-insensitive, as Meilisearch); a list field (`tags`) when any element does; a number
///   field when `v` parses as a number equal to the value; a bool field when `v` is `true`/`false`.
/// - `f != v` is exactly `NOT f = v` (documents without the field match it, as in Meilisearch).
/// - `>`, `>=`, `<`, `<=` and `a TO b` (inclusive) need a number field and number operands.
/// - `IN [..]` is an OR of equalities; `NOT IN` its negation.
/// - `EXISTS`: the document has the field (an empty string or list counts). In an index built from
///   a SQL store a NULL column leaves the field out, so `IS NULL` is `NOT EXISTS` there, and
///   `IS NOT NULL` is `EXISTS`.
/// - `IS EMPTY`: the field is present and is `""` or an empty list; `IS NOT EMPTY` is its negation.
/// - `STARTS WITH v`: a string (or any list element) whose normalized value starts with the
///   normalized `v` (folder and category paths).
/// - `NOT` binds tightest, then `AND`, then `OR`; parentheses group. The array form
///   `[["a = 1", "b = 2"], "c = 3"]` is an AND of its elements, an inner array an OR.
public indirect enum FilterExpression: Sendable, Equatable {
    /// Every operand holds.
    case and([FilterExpression])
    /// Some operand holds.
    case or([FilterExpression])
    /// The operand does not hold.
    case not(FilterExpression)
    /// One test of one field.
    case condition(FilterCondition)
}

/// One test of one field, such as `tags = python` or `views 10 TO 100`.
public struct FilterCondition: Sendable, Equatable {
    /// The field name as written (unquoted).
    public var field: String
    /// Where the field name stands in the source text, in characters.
    public var fieldRange: Range<Int>
    /// The test.
    public var test: FilterTest

    /// A condition.
    public init(field: String, fieldRange: Range<Int>, test: FilterTest) {
        self.field = field
        self.fieldRange = fieldRange
        self.test = test
    }
}

/// The comparison operators of range tests.
public enum FilterComparison: String, Sendable, Equatable, CaseIterable {
    case greater = ">"
    case greaterOrEqual = ">="
    case less = "<"
    case lessOrEqual = "<="
}

/// What a condition tests.
public enum FilterTest: Sendable, Equatable {
    /// `f = v`.
    case equals(FilterValue)
    /// `f != v` (the same as `NOT f = v`).
    case notEquals(FilterValue)
    /// `f > v`, `f >= v`, `f < v`, `f <= v`.
    case compare(FilterComparison, FilterValue)
    /// `f a TO b`, both ends inclusive.
    case between(FilterValue, FilterValue)
    /// `f IN [a, b, ...]`.
    case inList([FilterValue])
    /// `f NOT IN [a, b, ...]`.
    case notInList([FilterValue])
    /// `f EXISTS`.
    case exists
    /// `f NOT EXISTS`.
    case notExists
    /// `f IS NULL`.
    case isNull
    /// `f IS NOT NULL`.
    case isNotNull
    /// `f IS EMPTY`.
    case isEmpty
    /// `f IS NOT EMPTY`.
    case isNotEmpty
    /// `f STARTS WITH v`.
    case startsWith(FilterValue)
}

/// A value in a filter, as written (quotes removed, escapes resolved), with its source position.
public struct FilterValue: Sendable, Equatable {
    /// The value's text.
    public var text: String
    /// Where the value stands in the source text, in characters (quotes included).
    public var range: Range<Int>

    /// A value.
    public init(text: String, range: Range<Int>) {
        self.text = text
        self.range = range
    }

    /// The value as a number, when it is one (`12`, `-3.5`, `1e3`; not `nan` or `inf`).
    public var number: Double? {
        guard let value = Double(text.trimmingCharacters(in: .whitespaces)), value.isFinite else { return nil }
        return value
    }

    /// The form string values are compared in: lowercased (filters are case-insensitive).
    public var normalized: String { FilterValue.normalize(text) }

    /// The comparison form of any string value (a stored facet value or a filter operand).
    public static func normalize(_ text: String) -> String { text.lowercased() }
}
