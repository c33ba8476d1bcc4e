import VaultCorpus

/// Renders ``OracleFilter`` trees as Meilisearch filter text, either canonically or with random
/// spelling (``RandomFilterGenerator/render(_:)``).
///
/// Text rules the engine's parser must accept:
/// - `NOT` binds tightest, then `AND`, then `OR`; parentheses group (and are sometimes added where
///   they are redundant). Keywords (`AND`, `OR`, `NOT`, `TO`, `IN`, `EXISTS`, `IS`, `NULL`,
///   `EMPTY`, `STARTS`, `WITH`) in any case, always with at least one space on each side (or a
///   parenthesis / the text's end); around `=`, `!=`, `>`, `>=`, `<`, `<=`, `(`, `)`, `[`, `]`, `,`
///   zero to two spaces.
/// - A field name or value is written bare only when it is non-empty, made of ASCII letters,
///   digits and `_ - . / :`, and is not a keyword; anything else is quoted. Quoted text uses `'…'`
///   or `"…"`; inside, a backslash escapes the quote character (`\'`, `\"`) and itself (`\\`).
///   (``RandomFilterGenerator`` never draws values holding a backslash: Meilisearch leaves `\\`
///   unresolved, so its meaning is not settled.)
public enum FilterText {
    /// Keywords: never written bare as a field name or value.
    public static let keywords: Set<String> = ["and", "or", "not", "to", "in", "exists", "is", "null", "empty", "starts", "with"]

    /// The canonical text: upper-case keywords, single spaces, double quotes only where needed.
    public static func canonical(_ filter: OracleFilter) -> String {
        var style = Style(random: nil)
        return style.render(filter)
    }

    /// Whether `text` may stand unquoted.
    public static func canBeBare(_ text: String) -> Bool {
        guard !text.isEmpty, !keywords.contains(text.lowercased()) else { return false }
        return text.unicodeScalars.allSatisfy { s in
            s.isASCII && (("a"..."z").contains(s) || ("A"..."Z").contains(s) || ("0"..."9").contains(s) || "_-./:".unicodeScalars.contains(s))
        }
    }

    /// `text` between `quote`s, with the quote and backslashes escaped.
    public static func quoted(_ text: String, quote: Character) -> String {
        var out = String(quote)
        for c in text {
            if c == quote || c == "\\" { out.append("\\") }
            out.append(c)
        }
        out.append(quote)
        return out
    }

    /// The spelling choices of one rendering; random when `random` is set, canonical otherwise.
    struct Style {
        var random: SeededRandom?

        mutating func chance(_ percent: Int) -> Bool { random?.chance(percent) ?? false }

        /// Spaces around a symbol: 0–2 (canonical: `canonical`).
        mutating func symbolSpace(_ canonical: String = " ") -> String {
            guard random != nil else { return canonical }
            return String(repeating: " ", count: random!.below(3))
        }

        /// Spaces around a keyword: 1–2.
        mutating func wordSpace() -> String { chance(20) ? "  " : " " }

        mutating func keyword(_ word: String) -> String {
            guard random != nil else { return word }
            switch random!.below(20) {
            case 0..<10: return word.uppercased()
            case 10..<17: return word.lowercased()
            default: return word.prefix(1).uppercased() + word.dropFirst().lowercased()
            }
        }

        mutating func atom(_ text: String) -> String {
            if FilterText.canBeBare(text) && !chance(35) { return text }
            let quote: Character
            if random == nil {
                quote = text.contains("\"") && !text.contains("'") ? "'" : "\""
            } else if text.contains("'") != text.contains("\"") && chance(70) {
                quote = text.contains("'") ? "\"" : "'"
            } else {
                quote = chance(50) ? "'" : "\""
            }
            return FilterText.quoted(text, quote: quote)
        }

        /// Precedence: or 1, and 2, not 3, condition 4.
        func precedence(_ filter: OracleFilter) -> Int {
            switch filter {
            case .or: return 1
            case .and: return 2
            case .not: return 3
            case .condition: return 4
            }
        }

        mutating func render(_ filter: OracleFilter) -> String { render(filter, minimum: 0) }

        mutating func render(_ filter: OracleFilter, minimum: Int) -> String {
            let inner: String
            switch filter {
            case .or(let list):
                precondition(!list.isEmpty, "an empty OR has no filter text")
                inner = list.map { render($0, minimum: 2) }.joined(separator: separator("OR"))
            case .and(let list):
                precondition(!list.isEmpty, "an empty AND has no filter text")
                inner = list.map { render($0, minimum: 3) }.joined(separator: separator("AND"))
            case .not(let operand):
                inner = keyword("NOT") + wordSpace() + render(operand, minimum: 3)
            case .condition(let field, let test):
                inner = condition(field, test)
            }
            let single: Bool
            if case .and(let list) = filter { single = list.count == 1 } else if case .or(let list) = filter { single = list.count == 1 } else { single = false }
            // A one-operand AND/OR renders as its operand: its precedence is the operand's.
            let effective: Int
            if single, case .and(let list) = filter { effective = precedence(list[0]) } else if single, case .or(let list) = filter { effective = precedence(list[0]) } else { effective = precedence(filter) }
            if effective < minimum || chance(10) {
                return "(" + symbolSpace("") + inner + symbolSpace("") + ")"
            }
            return inner
        }

        mutating func separator(_ word: String) -> String { wordSpace() + keyword(word) + wordSpace() }

        mutating func condition(_ field: String, _ test: OracleTest) -> String {
            let f = atom(field)
            func symbol(_ s: String, _ v: String) -> String {
                f + symbolSpace() + s + symbolSpace() + atom(v)
            }
            switch test {
            case .eq(let v): return symbol("=", v)
            case .neq(let v): return symbol("!=", v)
            case .gt(let v): return symbol(">", v)
            case .gte(let v): return symbol(">=", v)
            case .lt(let v): return symbol("<", v)
            case .lte(let v): return symbol("<=", v)
            case .between(let a, let b):
                return f + wordSpace() + atom(a) + wordSpace() + keyword("TO") + wordSpace() + atom(b)
            case .in(let values): return f + wordSpace() + keyword("IN") + wordSpace() + self.list(values)
            case .notIn(let values):
                return f + wordSpace() + keyword("NOT") + wordSpace() + keyword("IN") + wordSpace() + self.list(values)
            case .exists: return f + wordSpace() + keyword("EXISTS")
            case .notExists: return f + wordSpace() + keyword("NOT") + wordSpace() + keyword("EXISTS")
            case .isNull: return f + wordSpace() + keyword("IS") + wordSpace() + keyword("NULL")
            case .isNotNull: return f + wordSpace() + keyword("IS") + wordSpace() + keyword("NOT") + wordSpace() + keyword("NULL")
            case .isEmpty: return f + wordSpace() + keyword("IS") + wordSpace() + keyword("EMPTY")
            case .isNotEmpty: return f + wordSpace() + keyword("IS") + wordSpace() + keyword("NOT") + wordSpace() + keyword("EMPTY")
            case .startsWith(let v):
                return f + wordSpace() + keyword("STARTS") + wordSpace() + keyword("WITH") + wordSpace() + atom(v)
            }
        }

        mutating func list(_ values: [String]) -> String {
            var out = "[" + symbolSpace("")
            for (i, v) in values.enumerated() {
                if i > 0 { out += symbolSpace("") + "," + symbolSpace() }
                out += atom(v)
            }
            return out + symbolSpace("") + "]"
        }
    }
}

/// One element of Meilisearch's array form of a filter, `["a = 1", ["b = 2", "c = 3"]]`: the outer
/// array is an AND of its elements, an inner array an OR of its strings. Each string is any filter.
public enum FilterArrayElement: Sendable, Hashable {
    /// One filter string.
    case filter(String)
    /// An OR of filter strings (an inner array).
    case anyOf([String])

    /// The array form as JSON text.
    public static func json(_ elements: [FilterArrayElement]) -> String {
        func string(_ s: String) -> String {
            var out = "\""
            for scalar in s.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\t": out += "\\t"
                case "\r": out += "\\r"
                default:
                    if scalar.value < 0x20 { out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16) } else { out.unicodeScalars.append(scalar) }
                }
            }
            return out + "\""
        }
        let items = elements.map { element -> String in
            switch element {
            case .filter(let s): return string(s)
            case .anyOf(let list): return "[" + list.map(string).joined(separator: ", ") + "]"
            }
        }
        return "[" + items.joined(separator: ", ") + "]"
    }
}
