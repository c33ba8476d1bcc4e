import VaultCorpus
import VaultIndex

/// Draws random filters over every operator from a seeded generator and a sample of documents,
/// and renders them as Meilisearch text (random spelling) or in the array form.
///
/// Values are drawn mostly from values that occur in the sample (with random letter case for
/// strings, so matches go through case-insensitivity), sometimes from values that do not (words,
/// text with spaces, quotes and punctuation, keywords, non-number text against number fields).
/// Range thresholds come from the observed range of the field (or are observed values). Range
/// tests are drawn only on number fields with number operands, `STARTS WITH` only on string and
/// string-list fields, so every filter drawn is valid (``OracleEvaluator/problems(_:kinds:)`` is
/// empty). No value drawn holds a backslash.
public struct RandomFilterGenerator {
    /// What to draw.
    public struct Options: Sendable {
        /// The deepest nesting of `AND`/`OR`/`NOT` above a condition.
        public var maxDepth: Int
        /// The operators conditions use.
        public var operators: Set<OracleOperator>
        /// Only ASCII operands (for ``SQLFilterRenderer``: SQLite's `lower` folds ASCII only).
        public var asciiOnly: Bool
        /// How often (in percent) a value is one that probably does not occur.
        public var absentPercent: Int

        /// Options; by default every operator, depth 4, any text, 15 % absent values.
        public init(maxDepth: Int = 4, operators: Set<OracleOperator> = Set(OracleOperator.allCases), asciiOnly: Bool = false, absentPercent: Int = 15) {
            self.maxDepth = maxDepth
            self.operators = operators
            self.asciiOnly = asciiOnly
            self.absentPercent = absentPercent
        }
    }

    /// The random source (every draw and every rendering advances it).
    public var random: SeededRandom
    /// The fields.
    public let kinds: OracleFieldKinds
    /// The options.
    public let options: Options

    private struct Observed {
        var occurrences: [String] = []
        var distinct: [String] = []
        var numbers: [Double] = []
        var integral = true
        var low: Double { numbers.first ?? 0 }
        var high: Double { numbers.last ?? 100 }
    }

    private var observed: [String: Observed] = [:]
    /// Filterable fields present in some but not all sampled documents, and fields holding `""` or `[]`.
    private var sometimesAbsent: [String] = [], sometimesEmpty: [String] = []

    /// Values that (probably) occur nowhere: text needing quotes, keywords, punctuation.
    public static let absentValues = [
        "zz-absent", "no such value", "it's", "say \"hi\"", "both ' and \"", "a=b", "(paren)", "[x, y]", "x,y",
        "AND", "not", "To", "exists", "42", "", " padded ", "café", "ÉCOLE", "日本語",
    ]

    /// Texts against number fields that parse to no finite number.
    public static let nonNumbers = ["abc", "nan", "inf", "1e400", "ten", ""]

    /// A generator drawing from `random`, with values from `documents`.
    public init(random: SeededRandom, documents: [Document], kinds: OracleFieldKinds = .promptVault, options: Options = Options()) {
        self.random = random
        self.kinds = kinds
        self.options = options
        var seen: [String: Set<String>] = [:]
        var numbers: [String: Set<Double>] = [:]
        var observed: [String: Observed] = [:]
        func add(_ field: String, _ s: String) {
            if options.asciiOnly && !s.unicodeScalars.allSatisfy(\.isASCII) { return }
            if s.contains("\\") { return }
            observed[field, default: Observed()].occurrences.append(s)
            if seen[field, default: []].insert(s).inserted { observed[field]!.distinct.append(s) }
        }
        var presence: [String: Int] = [:]
        var empty = Set<String>()
        for document in documents {
            for (field, value) in document.fields.sorted(by: { $0.key < $1.key }) where kinds.isFilterable(field) {
                presence[field, default: 0] += 1
                if value == .string("") || value == .strings([]) { empty.insert(field) }
                switch value {
                case .string(let s): add(field, s)
                case .strings(let list): for s in list { add(field, s) }
                case .number(let x): numbers[field, default: []].insert(x)
                case .bool: break
                }
            }
        }
        for (field, set) in numbers {
            let sorted = set.sorted()
            observed[field, default: Observed()].numbers = sorted
            observed[field]!.integral = sorted.allSatisfy { $0 == $0.rounded() }
        }
        self.observed = observed
        sometimesAbsent = kinds.filterableFields.filter { (1..<documents.count).contains(presence[$0, default: 0]) }
        sometimesEmpty = kinds.filterableFields.filter(empty.contains)
    }

    /// How often each operator is drawn, relative to the others: tests that select part of the
    /// documents more than presence tests, which often select all or none.
    static let weights: [OracleOperator: Int] = [
        .eq: 4, .neq: 2, .in: 3, .notIn: 1, .gt: 2, .gte: 2, .lt: 2, .lte: 2, .between: 3, .startsWith: 3,
        .exists: 1, .notExists: 1, .isNull: 1, .isNotNull: 1, .isEmpty: 1, .isNotEmpty: 1,
    ]

    // MARK: Drawing filters

    /// A random filter, nested at most ``Options/maxDepth`` deep.
    public mutating func next() -> OracleFilter { node(depth: 0) }

    private mutating func node(depth: Int) -> OracleFilter {
        if depth >= options.maxDepth || random.chance(depth == 0 ? 25 : 35 + 10 * depth) { return condition() }
        switch random.below(10) {
        case 0..<4: return .and(children(depth))
        case 4..<8: return .or(children(depth))
        default: return .not(node(depth: depth + 1))
        }
    }

    private mutating func children(_ depth: Int) -> [OracleFilter] {
        let roll = random.below(100)
        let count = roll < 70 ? 2 : roll < 93 ? 3 : 4
        return (0..<count).map { _ in node(depth: depth + 1) }
    }

    /// One random condition.
    public mutating func condition() -> OracleFilter {
        let numbers = kinds.filterableFields(.number)
        let texts = kinds.filterableFields(.string) + kinds.filterableFields(.strings)
        let available = OracleOperator.allCases.filter { op in
            guard options.operators.contains(op) else { return false }
            if op.isRange { return !numbers.isEmpty }
            if op == .startsWith { return !texts.isEmpty }
            return true
        }
        precondition(!available.isEmpty, "no operator can be drawn")
        var ticket = random.below(available.reduce(0) { $0 + Self.weights[$1]! })
        let op = available.first { ticket -= Self.weights[$0]!; return ticket < 0 }!
        let presence: Set<OracleOperator> = [.exists, .notExists, .isNull, .isNotNull]
        let field: String
        if op.isRange {
            field = random.pick(numbers)
        } else if op == .startsWith {
            field = random.pick(texts)
        } else if presence.contains(op), !sometimesAbsent.isEmpty, random.chance(70) {
            field = random.pick(sometimesAbsent)
        } else if op == .isEmpty || op == .isNotEmpty, !sometimesEmpty.isEmpty, random.chance(60) {
            field = random.pick(sometimesEmpty)
        } else {
            field = random.pick(kinds.filterableFields)
        }
        let test: OracleTest
        switch op {
        case .eq: test = .eq(value(field))
        case .neq: test = .neq(value(field))
        case .in: test = .in((0...random.below(4)).map { _ in value(field) })
        case .notIn: test = .notIn((0...random.below(4)).map { _ in value(field) })
        case .gt: test = .gt(threshold(field))
        case .gte: test = .gte(threshold(field))
        case .lt: test = .lt(threshold(field))
        case .lte: test = .lte(threshold(field))
        case .between:
            let a = threshold(field), b = threshold(field)
            let (x, y) = (OracleEvaluator.number(a)!, OracleEvaluator.number(b)!)
            test = (x <= y) != random.chance(15) ? .between(a, b) : .between(b, a)
        case .exists: test = .exists
        case .notExists: test = .notExists
        case .isNull: test = .isNull
        case .isNotNull: test = .isNotNull
        case .isEmpty: test = .isEmpty
        case .isNotEmpty: test = .isNotEmpty
        case .startsWith: test = .startsWith(prefix(field))
        }
        return .condition(field: field, test: test)
    }

    /// An equality operand for `field`.
    private mutating func value(_ field: String) -> String {
        switch kinds.kind(of: field) {
        case .number?:
            let seen = observed[field]?.numbers ?? []
            let roll = random.below(100)
            if seen.isEmpty || roll < 10 { return random.pick(Self.nonNumbers) }
            if roll < 20 { return threshold(field) }
            let x = random.pick(seen)
            if roll < 25 && x == x.rounded() && abs(x) < 1e15 { return String(Int64(x)) + ".0" }
            if roll < 28 { return " " + Self.numberText(x) + " " }
            return Self.numberText(x)
        case .bool?:
            if random.chance(10) { return random.pick(["1", "0", "yes"]) }
            return caseVariant(random.chance(50) ? "true" : "false")
        default:
            guard let seen = observed[field], !seen.distinct.isEmpty, !random.chance(options.absentPercent) else { return absent() }
            return caseVariant(random.chance(50) ? random.pick(seen.occurrences) : random.pick(seen.distinct))
        }
    }

    /// A `STARTS WITH` operand for `field`: a prefix of an observed value, or absent text.
    private mutating func prefix(_ field: String) -> String {
        guard let seen = observed[field], !seen.distinct.isEmpty, !random.chance(options.absentPercent) else {
            let text = absent()
            return text.isEmpty ? "zzq" : text
        }
        let whole = random.pick(seen.distinct)
        guard !whole.isEmpty else { return caseVariant(random.pick(seen.distinct.filter { !$0.isEmpty } + ["a"])) }
        let characters = Array(whole)
        return caseVariant(String(characters.prefix(1 + random.below(characters.count))))
    }

    /// A range operand for the number field `field` (always a number).
    private mutating func threshold(_ field: String) -> String {
        let seen = observed[field] ?? Observed()
        let roll = random.below(100)
        if !seen.numbers.isEmpty && roll < 45 { return Self.numberText(random.pick(seen.numbers)) }
        if roll < 52 { return random.pick(["-1", "0", "1e12", "-0.5"]) }
        let span = seen.high - seen.low
        let x = seen.low - 0.1 * span - 1 + random.unit() * (1.2 * span + 2)
        return Self.numberText(seen.integral ? x.rounded() : (x * 100).rounded() / 100)
    }

    private mutating func absent() -> String {
        let choices = options.asciiOnly ? Self.absentValues.filter { $0.unicodeScalars.allSatisfy(\.isASCII) } : Self.absentValues
        return random.pick(choices)
    }

    private mutating func caseVariant(_ text: String) -> String {
        switch random.below(20) {
        case 0..<12: return text
        case 12..<15: return text.uppercased()
        case 15..<18: return text.lowercased()
        default: return String(text.map { random.chance(50) ? Character($0.uppercased()) : $0 })
        }
    }

    /// A number as filter text: whole numbers below 10¹⁵ without a fraction, others as Swift's
    /// shortest round-trip spelling (`3.25`, `1e-05`).
    public static func numberText(_ x: Double) -> String {
        if x == x.rounded() && abs(x) < 1e15 { return String(Int64(x)) }
        return "\(x)"
    }

    // MARK: Rendering

    /// `filter` as Meilisearch filter text with random spacing, keyword case, quoting of values
    /// and field names and redundant parentheses (rules: ``FilterText``).
    public mutating func render(_ filter: OracleFilter) -> String {
        var style = FilterText.Style(random: random)
        let text = style.render(filter)
        random = style.random!
        return text
    }

    /// `filter` in the array form: an `AND` at the root becomes the outer array (its `OR`
    /// operands, usually, inner arrays of their operands), an `OR` at the root one inner array,
    /// anything else a one-element array. Every string is rendered by ``render(_:)``.
    public mutating func renderArrayForm(_ filter: OracleFilter) -> [FilterArrayElement] {
        switch filter {
        case .and(let list) where !list.isEmpty:
            return list.map { element in
                if case .or(let alternatives) = element, !alternatives.isEmpty, !random.chance(20) {
                    return .anyOf(alternatives.map { render($0) })
                }
                return .filter(render(element))
            }
        case .or(let list) where !list.isEmpty:
            return [.anyOf(list.map { render($0) })]
        default:
            return [.filter(render(filter))]
        }
    }
}
