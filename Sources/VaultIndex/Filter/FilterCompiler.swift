/// Turns a ``FilterExpression`` into the set of documents it selects, from the columns of one
/// snapshot: equality, `IN`, `EXISTS`, `IS EMPTY` and `STARTS WITH` read facet sets; comparisons
/// and `TO` scan a numeric column block by block, skipping blocks whose min/max cannot match;
/// `NOT` complements within the live documents. The result is intersected with the scope by the
/// caller, so a filter never widens what a request may see.
///
/// Errors name the fault's position in the source (``FilterFault``): a field that is not filterable
/// (with the list of those that are), a range test on a field that holds no numbers, a bound that is
/// not a number.
struct FilterCompiler {
    let snapshot: IndexSnapshot
    private var universe: DocSet?

    init(snapshot: IndexSnapshot) { self.snapshot = snapshot }

    /// The documents `expression` selects.
    mutating func compile(_ expression: FilterExpression) throws -> DocSet {
        switch expression {
        case .and(let operands):
            var result: DocSet?
            for operand in operands {
                let set = try compile(operand)
                if result == nil { result = set } else { result!.formIntersection(set) }
            }
            return try result ?? all()
        case .or(let operands):
            var result = DocSet(capacity: snapshot.docCapacity)
            for operand in operands { result.formUnion(try compile(operand)) }
            return result
        case .not(let operand):
            return try complement(try compile(operand))
        case .condition(let condition):
            return try compile(condition)
        }
    }

    private mutating func all() throws -> DocSet {
        if let universe { return universe }
        let set = try snapshot.allDocuments()
        universe = set
        return set
    }

    private mutating func complement(_ set: DocSet) throws -> DocSet {
        var result = try all()
        result.subtract(set)
        return result
    }

    private func attribute(of condition: FilterCondition) throws -> AttributeSettings {
        let settings = snapshot.settings
        guard let attribute = settings.columnAttribute(for: condition.field), attribute.filterable else {
            let names = settings.filterableAttributeNames
            let list = names.isEmpty ? "this index has no filterable attributes" : "filterable attributes: \(names.joined(separator: ", "))"
            throw FilterFault(message: "attribute `\(condition.field)` is not filterable; \(list)", range: condition.fieldRange)
        }
        return attribute
    }

    private mutating func compile(_ condition: FilterCondition) throws -> DocSet {
        let attribute = try attribute(of: condition)
        let field = condition.field
        switch condition.test {
        case .equals(let value): return try equals(field, attribute, value)
        case .notEquals(let value): return try complement(try equals(field, attribute, value))
        case .inList(let values):
            var result = DocSet(capacity: snapshot.docCapacity)
            for value in values { result.formUnion(try equals(field, attribute, value)) }
            return result
        case .notInList(let values):
            var result = DocSet(capacity: snapshot.docCapacity)
            for value in values { result.formUnion(try equals(field, attribute, value)) }
            return try complement(result)
        case .compare(let comparison, let value):
            let bound = try number(value, for: comparison.rawValue, condition, attribute)
            switch comparison {
            case .greater: return try range(field, low: bound, lowInclusive: false, high: .infinity, highInclusive: true)
            case .greaterOrEqual: return try range(field, low: bound, lowInclusive: true, high: .infinity, highInclusive: true)
            case .less: return try range(field, low: -.infinity, lowInclusive: true, high: bound, highInclusive: false)
            case .lessOrEqual: return try range(field, low: -.infinity, lowInclusive: true, high: bound, highInclusive: true)
            }
        case .between(let from, let to):
            let low = try number(from, for: "TO", condition, attribute)
            let high = try number(to, for: "TO", condition, attribute)
            return try range(field, low: low, lowInclusive: true, high: high, highInclusive: true)
        case .exists, .isNotNull: return try present(field, attribute)
        case .notExists, .isNull: return try complement(try present(field, attribute))
        case .isEmpty: return try empty(field, attribute)
        case .isNotEmpty: return try complement(try empty(field, attribute))
        case .startsWith(let value):
            guard attribute.type == .string || attribute.type == .strings else {
                throw FilterFault(
                    message: "`STARTS WITH` needs a string attribute; `\(field)` is a \(attribute.type.rawValue) attribute",
                    range: condition.fieldRange)
            }
            var result = DocSet(capacity: snapshot.docCapacity)
            try snapshot.forEachFacetValue(field: field, prefix: value.normalized) { _, entry in
                try snapshot.addSet(entry.set, to: &result)
                return true
            }
            return result
        }
    }

    private func equals(_ field: String, _ attribute: AttributeSettings, _ value: FilterValue) throws -> DocSet {
        switch attribute.type {
        case .string, .strings, .bool:
            return try snapshot.docSet(field: field, kind: .value, value: value.normalized)
        case .number:
            guard let number = value.number else { return DocSet(capacity: snapshot.docCapacity) }
            return try range(field, low: number, lowInclusive: true, high: number, highInclusive: true)
        }
    }

    private func number(_ value: FilterValue, for operation: String, _ condition: FilterCondition, _ attribute: AttributeSettings) throws -> Double {
        guard attribute.type == .number else {
            throw FilterFault(
                message: "`\(operation)` needs a number attribute; `\(condition.field)` is a \(attribute.type.rawValue) attribute",
                range: condition.fieldRange)
        }
        guard let number = value.number else {
            throw FilterFault(message: "`\(operation)` needs a number; `\(value.text)` is not one", range: value.range)
        }
        return number
    }

    /// Documents whose value of the numeric column `field` lies in the range.
    private func range(_ field: String, low: Double, lowInclusive: Bool, high: Double, highInclusive: Bool) throws -> DocSet {
        var result = DocSet(capacity: snapshot.docCapacity)
        func inside(_ v: Double) -> Bool {
            (lowInclusive ? v >= low : v > low) && (highInclusive ? v <= high : v < high)
        }
        try snapshot.forEachNumericBlock(field: field) { block, view in
            let minimum = view.minimum, maximum = view.maximum
            if maximum < low || minimum > high || (!lowInclusive && maximum == low) || (!highInclusive && minimum == high) { return }
            let base = Int(block) * NumericBlock.docs
            let whole = inside(minimum) && inside(maximum)
            for w in 0..<4 {
                let present = view.presentWord(w)
                if present == 0 { continue }
                if whole {
                    result.orWord(base / 64 + w, present)
                    continue
                }
                var bits = present
                var selected: UInt64 = 0
                while bits != 0 {
                    let bit = bits.trailingZeroBitCount
                    if inside(view.value(64 * w + bit)) { selected |= 1 << UInt64(bit) }
                    bits &= bits - 1
                }
                if selected != 0 { result.orWord(base / 64 + w, selected) }
            }
        }
        return result
    }

    private func present(_ field: String, _ attribute: AttributeSettings) throws -> DocSet {
        if attribute.hasFacetPostings { return try snapshot.docSet(field: field, kind: .exists) }
        var result = DocSet(capacity: snapshot.docCapacity)
        try snapshot.forEachNumericBlock(field: field) { block, view in
            for w in 0..<4 { result.orWord(Int(block) * NumericBlock.docs / 64 + w, view.presentWord(w)) }
        }
        return result
    }

    private func empty(_ field: String, _ attribute: AttributeSettings) throws -> DocSet {
        attribute.hasFacetPostings ? try snapshot.docSet(field: field, kind: .empty) : DocSet(capacity: snapshot.docCapacity)
    }
}

/// A filter that parses but cannot run on this index, with the source range at fault (in
/// characters of the filter's text).
public struct FilterFault: Error, Equatable, Sendable {
    /// What is wrong.
    public var message: String
    /// Where, in characters of the filter text.
    public var range: Range<Int>
}

extension IndexSettings {
    /// The filterable attribute names (patterns as written, e.g. `category.lvl*`), sorted.
    var filterableAttributeNames: [String] { attributes.filter(\.filterable).map(\.name).sorted() }
}
