import Foundation
import VaultIndex

/// The oracle's evaluator: decides one filter for one document by the semantics written in the
/// doc comment of ``FilterExpression``, without any of the engine's filter code.
///
/// - Strings compare after `lowercased()`, by their Unicode scalars (the same as comparing UTF-8
///   bytes, not Swift's canonical-equivalence `==`): `f = v`, `IN`, `STARTS WITH`.
/// - A list field (`tags`) matches a test when any element does (`=`, `IN`, `STARTS WITH`).
/// - A number field matches `= v` only when `v`, trimmed of spaces, parses with `Double(_:)` as a
///   finite number equal to the value (`nan`, `inf`, `1e400` parse to no number). Range tests need
///   a number value and a number operand, else they are false (``problems(_:kinds:)`` reports them:
///   the engine must reject such filters).
/// - A bool field matches `= v` when `v.lowercased()` is `"true"` or `"false"` and names its value.
/// - `!=` is `NOT =`, `NOT IN` is `NOT IN`, `IS NOT EMPTY` is `NOT IS EMPTY`, so documents without
///   the field match all three.
/// - `EXISTS` / `IS NOT NULL`: the field is present (an empty string or list counts);
///   `NOT EXISTS` / `IS NULL`: absent.
/// - `IS EMPTY`: present and `""` or `[]` (never a number or a bool).
/// - `STARTS WITH v`: a string value (or any element) whose lowercased scalars begin with those of
///   `v.lowercased()`; never a number or a bool. An empty `v` matches every string value.
/// - A field that is not filterable (or unknown) counts as absent in every document.
public enum OracleEvaluator {
    /// Whether `document` matches `filter`.
    public static func matches(_ filter: OracleFilter, _ document: Document, kinds: OracleFieldKinds) -> Bool {
        switch filter {
        case .and(let list): return list.allSatisfy { matches($0, document, kinds: kinds) }
        case .or(let list): return list.contains { matches($0, document, kinds: kinds) }
        case .not(let inner): return !matches(inner, document, kinds: kinds)
        case .condition(let field, let test):
            let value = kinds.isFilterable(field) ? document.fields[field] : nil
            return holds(test, value)
        }
    }

    /// The ids of the documents of `documents` that match `filter`, in their order.
    public static func select(_ filter: OracleFilter, _ documents: [Document], kinds: OracleFieldKinds) -> [String] {
        documents.filter { matches(filter, $0, kinds: kinds) }.map(\.id)
    }

    /// Why the engine must refuse `filter` (empty when it is valid): a field that is not
    /// filterable, a range test on a field that is not a number field, a range operand that is not
    /// a number.
    public static func problems(_ filter: OracleFilter, kinds: OracleFieldKinds) -> [String] {
        filter.conditions.flatMap { field, test -> [String] in
            guard kinds.isFilterable(field) else { return ["'\(field)' is not filterable"] }
            guard test.op.isRange else { return [] }
            var out: [String] = []
            if kinds.kind(of: field) != .number { out.append("'\(field)' is not a number field (\(test.op))") }
            for operand in test.operands where number(operand) == nil { out.append("'\(operand)' is not a number") }
            return out
        }
    }

    /// A filter operand as a number: trimmed of spaces, parsed by `Double(_:)`, finite.
    public static func number(_ text: String) -> Double? {
        guard let value = Double(text.trimmingCharacters(in: .whitespaces)), value.isFinite else { return nil }
        return value
    }

    /// The comparison form of a string: lowercased, as its Unicode scalars.
    public static func normalized(_ text: String) -> [Unicode.Scalar] { Array(text.lowercased().unicodeScalars) }

    // MARK: One test of one value

    static func holds(_ test: OracleTest, _ value: FieldValue?) -> Bool {
        switch test {
        case .eq(let v): return equals(value, v)
        case .neq(let v): return !equals(value, v)
        case .in(let list): return list.contains { equals(value, $0) }
        case .notIn(let list): return !list.contains { equals(value, $0) }
        case .gt(let v): return compare(value, v) { $0 > $1 }
        case .gte(let v): return compare(value, v) { $0 >= $1 }
        case .lt(let v): return compare(value, v) { $0 < $1 }
        case .lte(let v): return compare(value, v) { $0 <= $1 }
        case .between(let a, let b):
            guard case .number(let x) = value, let low = number(a), let high = number(b) else { return false }
            return low <= x && x <= high
        case .exists, .isNotNull: return value != nil
        case .notExists, .isNull: return value == nil
        case .isEmpty: return isEmpty(value)
        case .isNotEmpty: return !isEmpty(value)
        case .startsWith(let v):
            let prefix = normalized(v)
            return strings(value).contains { normalized($0).starts(with: prefix) }
        }
    }

    static func equals(_ value: FieldValue?, _ operand: String) -> Bool {
        switch value {
        case nil: return false
        case .string(let s): return normalized(s) == normalized(operand)
        case .strings(let list):
            let target = normalized(operand)
            return list.contains { normalized($0) == target }
        case .number(let x): return number(operand) == x
        case .bool(let b):
            switch operand.lowercased() {
            case "true": return b
            case "false": return !b
            default: return false
            }
        }
    }

    static func compare(_ value: FieldValue?, _ operand: String, _ op: (Double, Double) -> Bool) -> Bool {
        guard case .number(let x) = value, let y = number(operand) else { return false }
        return op(x, y)
    }

    static func isEmpty(_ value: FieldValue?) -> Bool {
        switch value {
        case .string(let s): return s.isEmpty
        case .strings(let list): return list.isEmpty
        case nil, .number, .bool: return false
        }
    }

    static func strings(_ value: FieldValue?) -> [String] {
        switch value {
        case .string(let s): return [s]
        case .strings(let list): return list
        case nil, .number, .bool: return []
        }
    }
}
