/// The test oracle's own filter tree: independent of the engine's ``FilterExpression`` so that a
/// fault in the engine's parser or evaluator cannot hide in the oracle as well.
///
/// Operands are kept as written (quotes removed, escapes resolved); their meaning depends on the
/// field they are tested against (see ``OracleEvaluator``).
public indirect enum OracleFilter: Sendable, Hashable {
    /// Every operand holds (an empty list holds).
    case and([OracleFilter])
    /// Some operand holds (an empty list does not).
    case or([OracleFilter])
    /// The operand does not hold.
    case not(OracleFilter)
    /// One test of one field.
    case condition(field: String, test: OracleTest)

    /// Shorthand for `.condition(field:test:)`.
    public static func cond(_ field: String, _ test: OracleTest) -> OracleFilter { .condition(field: field, test: test) }

    /// The nesting depth of `and`/`or`/`not` nodes above the deepest condition (a condition is 0).
    public var depth: Int {
        switch self {
        case .condition: return 0
        case .not(let inner): return 1 + inner.depth
        case .and(let list), .or(let list): return 1 + (list.map(\.depth).max() ?? 0)
        }
    }

    /// Every condition in the tree, left to right.
    public var conditions: [(field: String, test: OracleTest)] {
        switch self {
        case .condition(let field, let test): return [(field, test)]
        case .not(let inner): return inner.conditions
        case .and(let list), .or(let list): return list.flatMap(\.conditions)
        }
    }
}

/// What a condition tests. Operand texts are the values as written.
public enum OracleTest: Sendable, Hashable {
    /// `f = v`.
    case eq(String)
    /// `f != v` (exactly `NOT f = v`).
    case neq(String)
    /// `f > v`.
    case gt(String)
    /// `f >= v`.
    case gte(String)
    /// `f < v`.
    case lt(String)
    /// `f <= v`.
    case lte(String)
    /// `f a TO b`, both ends inclusive.
    case between(String, String)
    /// `f IN [..]`: an OR of equalities.
    case `in`([String])
    /// `f NOT IN [..]`: the negation of `IN`.
    case notIn([String])
    /// `f EXISTS`.
    case exists
    /// `f NOT EXISTS`.
    case notExists
    /// `f IS NULL` (the field is absent).
    case isNull
    /// `f IS NOT NULL` (the field is present).
    case isNotNull
    /// `f IS EMPTY` (present and `""` or `[]`).
    case isEmpty
    /// `f IS NOT EMPTY` (the negation of `IS EMPTY`).
    case isNotEmpty
    /// `f STARTS WITH v`.
    case startsWith(String)

    /// The operator, without operands.
    public var op: OracleOperator {
        switch self {
        case .eq: return .eq
        case .neq: return .neq
        case .gt: return .gt
        case .gte: return .gte
        case .lt: return .lt
        case .lte: return .lte
        case .between: return .between
        case .in: return .in
        case .notIn: return .notIn
        case .exists: return .exists
        case .notExists: return .notExists
        case .isNull: return .isNull
        case .isNotNull: return .isNotNull
        case .isEmpty: return .isEmpty
        case .isNotEmpty: return .isNotEmpty
        case .startsWith: return .startsWith
        }
    }

    /// The operand texts, in order.
    public var operands: [String] {
        switch self {
        case .eq(let v), .neq(let v), .gt(let v), .gte(let v), .lt(let v), .lte(let v), .startsWith(let v): return [v]
        case .between(let a, let b): return [a, b]
        case .in(let list), .notIn(let list): return list
        case .exists, .notExists, .isNull, .isNotNull, .isEmpty, .isNotEmpty: return []
        }
    }
}

/// The operators of ``OracleTest``, for choosing which ones a generator draws.
public enum OracleOperator: String, Sendable, Hashable, CaseIterable {
    case eq, neq, gt, gte, lt, lte, between, `in`, notIn, exists, notExists, isNull, isNotNull, isEmpty, isNotEmpty, startsWith

    /// `>`, `>=`, `<`, `<=` and `TO`: they need a number field and number operands.
    public var isRange: Bool { [.gt, .gte, .lt, .lte, .between].contains(self) }
}

extension OracleFilter: CustomStringConvertible {
    /// The filter in canonical Meilisearch text (upper-case keywords, single spaces, values quoted
    /// only when they must be), for failure messages.
    public var description: String { FilterText.canonical(self) }
}
