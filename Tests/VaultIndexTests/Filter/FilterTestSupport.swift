import Testing
@testable import VaultIndex

/// Helpers shared by the filter parser tests: building expected trees without positions, and
/// comparing parsed trees with their positions left out.
enum FilterTestSupport {
    /// A value with no position (compare with ``stripped(_:)`` trees).
    static func value(_ text: String) -> FilterValue { FilterValue(text: text, range: 0..<0) }

    /// A condition with no positions.
    static func condition(_ field: String, _ test: FilterTest) -> FilterExpression {
        .condition(FilterCondition(field: field, fieldRange: 0..<0, test: test))
    }

    /// `tree` with every position set to `0..<0`.
    static func stripped(_ tree: FilterExpression) -> FilterExpression {
        switch tree {
        case .and(let operands): return .and(operands.map(stripped))
        case .or(let operands): return .or(operands.map(stripped))
        case .not(let operand): return .not(stripped(operand))
        case .condition(var condition):
            condition.fieldRange = 0..<0
            condition.test = stripped(condition.test)
            return .condition(condition)
        }
    }

    /// `test` with every value's position set to `0..<0`.
    static func stripped(_ test: FilterTest) -> FilterTest {
        func s(_ value: FilterValue) -> FilterValue { FilterValue(text: value.text, range: 0..<0) }
        switch test {
        case .equals(let v): return .equals(s(v))
        case .notEquals(let v): return .notEquals(s(v))
        case .compare(let op, let v): return .compare(op, s(v))
        case .between(let a, let b): return .between(s(a), s(b))
        case .inList(let vs): return .inList(vs.map(s))
        case .notInList(let vs): return .notInList(vs.map(s))
        case .startsWith(let v): return .startsWith(s(v))
        case .exists, .notExists, .isNull, .isNotNull, .isEmpty, .isNotEmpty: return test
        }
    }

    /// The tree `text` parses to, positions left out.
    static func parsed(_ text: String) throws -> FilterExpression {
        stripped(try FilterParser.parse(text))
    }

    /// The error `text` fails with, or `nil` when it parses.
    static func failure(_ text: String) -> FilterSyntaxError? {
        do {
            _ = try FilterParser.parse(text)
            return nil
        } catch {
            return error
        }
    }

    /// The error `input` fails with, or `nil` when it parses.
    static func failure(_ input: FilterInput) -> FilterSyntaxError? {
        do {
            _ = try FilterParser.parse(input)
            return nil
        } catch {
            return error
        }
    }
}
