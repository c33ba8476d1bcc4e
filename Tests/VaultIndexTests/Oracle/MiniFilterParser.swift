import VaultTestSupport

/// A tiny parser of Meilisearch filter text back into ``OracleFilter``, written for these tests
/// only, to check that ``RandomFilterGenerator/render(_:)`` says what the tree says. It knows the
/// rules ``FilterText`` documents and nothing more.
struct MiniFilterParser {
    enum Token: Equatable {
        case word(String)
        case quoted(String)
        case symbol(String)
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    var tokens: [Token]
    var position = 0

    static func parse(_ text: String) throws -> OracleFilter {
        var parser = MiniFilterParser(tokens: try tokenize(text))
        let filter = try parser.parseOr()
        guard parser.position == parser.tokens.count else { throw Failure(description: "trailing tokens in \(text)") }
        return filter
    }

    static func tokenize(_ text: String) throws -> [Token] {
        var out: [Token] = []
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == " " { i += 1; continue }
            if c == "'" || c == "\"" {
                var value = ""
                i += 1
                while true {
                    guard i < chars.count else { throw Failure(description: "unclosed quote in \(text)") }
                    if chars[i] == "\\" && i + 1 < chars.count { value.append(chars[i + 1]); i += 2; continue }
                    if chars[i] == c { i += 1; break }
                    value.append(chars[i]); i += 1
                }
                out.append(.quoted(value))
                continue
            }
            if "()[],=".contains(c) { out.append(.symbol(String(c))); i += 1; continue }
            if c == "!" || c == ">" || c == "<" {
                if i + 1 < chars.count && chars[i + 1] == "=" { out.append(.symbol(String(c) + "=")); i += 2; continue }
                guard c != "!" else { throw Failure(description: "lone ! in \(text)") }
                out.append(.symbol(String(c))); i += 1; continue
            }
            var word = ""
            while i < chars.count && !" ()[],=!<>'\"".contains(chars[i]) { word.append(chars[i]); i += 1 }
            out.append(.word(word))
        }
        return out
    }

    var peek: Token? { position < tokens.count ? tokens[position] : nil }

    func isKeyword(_ token: Token?, _ word: String) -> Bool {
        if case .word(let w)? = token { return w.lowercased() == word }
        return false
    }

    mutating func take(_ word: String) -> Bool {
        guard isKeyword(peek, word) else { return false }
        position += 1
        return true
    }

    mutating func expect(_ word: String) throws {
        guard take(word) else { throw Failure(description: "expected \(word) at token \(position)") }
    }

    mutating func expectSymbol(_ symbol: String) throws {
        guard peek == .symbol(symbol) else { throw Failure(description: "expected \(symbol) at token \(position)") }
        position += 1
    }

    mutating func parseOr() throws -> OracleFilter {
        var list = [try parseAnd()]
        while take("or") { list.append(try parseAnd()) }
        return list.count == 1 ? list[0] : .or(list)
    }

    mutating func parseAnd() throws -> OracleFilter {
        var list = [try parseNot()]
        while take("and") { list.append(try parseNot()) }
        return list.count == 1 ? list[0] : .and(list)
    }

    mutating func parseNot() throws -> OracleFilter {
        if take("not") { return .not(try parseNot()) }
        if peek == .symbol("(") {
            position += 1
            let inner = try parseOr()
            try expectSymbol(")")
            return inner
        }
        return try parseCondition()
    }

    mutating func atom() throws -> String {
        switch peek {
        case .word(let w)?: position += 1; return w
        case .quoted(let q)?: position += 1; return q
        default: throw Failure(description: "expected a value at token \(position)")
        }
    }

    mutating func list() throws -> [String] {
        try expectSymbol("[")
        var out = [try atom()]
        while peek == .symbol(",") { position += 1; out.append(try atom()) }
        try expectSymbol("]")
        return out
    }

    mutating func parseCondition() throws -> OracleFilter {
        let field = try atom()
        let test: OracleTest
        if case .symbol(let s)? = peek, ["=", "!=", ">", ">=", "<", "<="].contains(s) {
            position += 1
            let v = try atom()
            test = switch s {
            case "=": .eq(v)
            case "!=": .neq(v)
            case ">": .gt(v)
            case ">=": .gte(v)
            case "<": .lt(v)
            default: .lte(v)
            }
        } else if take("in") {
            test = .in(try list())
        } else if take("not") {
            if take("in") { test = .notIn(try list()) } else { try expect("exists"); test = .notExists }
        } else if take("exists") {
            test = .exists
        } else if take("is") {
            let negated = take("not")
            if take("null") { test = negated ? .isNotNull : .isNull } else { try expect("empty"); test = negated ? .isNotEmpty : .isEmpty }
        } else if take("starts") {
            try expect("with")
            test = .startsWith(try atom())
        } else {
            let low = try atom()
            try expect("to")
            test = .between(low, try atom())
        }
        return .condition(field: field, test: test)
    }
}

/// An independent check of filter text: quotes closed (a backslash inside quotes escapes the next
/// character), parentheses and brackets balanced and never closed before they open.
func isBalanced(_ text: String) -> Bool {
    var stack: [Character] = []
    var quote: Character?
    var escaped = false
    for c in text {
        if let q = quote {
            if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == q { quote = nil }
            continue
        }
        switch c {
        case "'", "\"": quote = c
        case "(", "[": stack.append(c)
        case ")": guard stack.popLast() == "(" else { return false }
        case "]": guard stack.popLast() == "[" else { return false }
        default: break
        }
    }
    return quote == nil && stack.isEmpty
}
