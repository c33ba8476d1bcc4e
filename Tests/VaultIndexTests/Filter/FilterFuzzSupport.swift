import VaultCorpus
@testable import VaultIndex

/// Random filter trees and a renderer that writes them as filter text with random spacing,
/// quoting and keyword case (for the round-trip fuzz of `FilterParserFuzzTests`).
///
/// The trees are the parser's canonical form: ANDs and ORs have two or more operands and never an
/// operand of their own kind (the parser flattens those), so parsing a rendering gives the tree back.
enum FilterFuzzSupport {
    static let fields = [
        "tags", "category.lvl0", "staffPick", "views", "snake_case-name", "-x", "9lives", "Zürich", "東京",
        "my field", "and", "NULL", "_geoRadius", "writing/email", "x'y", "q\"r", "", "back\\slash", "🦀",
    ]
    static let words = [
        "python", "gpt-4o", "writing/email", "12.5", "-3", "1e3", "+5", "me@x.io", "#tag", "c++", "Zürich", "東京",
        "AND", "or", "Not", "in", "to", "exists", "is", "null", "empty", "starts", "with", "_geoPoint", "_geoRadius",
        "", "a b", "it's", "say \"hi\"", "\\", "\\'", "🦀 crab", "(", ")", "[x]", ",", "=", "!=", "a\tb", "line\nbreak",
    ]
    static let alphabet: [String] = [
        "a", "Z", "0", "9", "-", "_", ".", "/", ":", "+", "@", "#", " ", "'", "\"", "\\", "(", ")", "[", "]", ",",
        "=", "!", "<", ">", "é", "e\u{301}", "東", "ß", "🦀", "👩‍👩‍👧", "\t", "\n", "&",
    ]

    enum Kind { case and, or, not, none }

    // MARK: Trees

    /// A random canonical tree at most `depth` levels of AND / OR / NOT deep.
    static func tree(_ rng: inout SeededRandom, depth: Int, parent: Kind = .none) -> FilterExpression {
        if depth == 0 || rng.chance(35) {
            let leaf = condition(&rng)
            return rng.chance(15) ? .not(leaf) : leaf
        }
        let kinds = [Kind.and, .or, .not].filter { $0 != parent }
        switch rng.pick(kinds) {
        case .and: return .and((0..<2 + rng.below(3)).map { _ in tree(&rng, depth: depth - 1, parent: .and) })
        case .or: return .or((0..<2 + rng.below(3)).map { _ in tree(&rng, depth: depth - 1, parent: .or) })
        default: return .not(tree(&rng, depth: depth - 1))
        }
    }

    static func text(_ rng: inout SeededRandom, from pool: [String]) -> String {
        if rng.chance(70) { return rng.pick(pool) }
        return (0..<rng.below(8)).map { _ in rng.pick(alphabet) }.joined()
    }

    static func value(_ rng: inout SeededRandom) -> FilterValue {
        FilterValue(text: text(&rng, from: words), range: 0..<0)
    }

    static func condition(_ rng: inout SeededRandom) -> FilterExpression {
        let test: FilterTest
        switch rng.below(13) {
        case 0: test = .equals(value(&rng))
        case 1: test = .notEquals(value(&rng))
        case 2: test = .compare(rng.pick(FilterComparison.allCases), value(&rng))
        case 3: test = .between(value(&rng), value(&rng))
        case 4: test = .inList((0..<rng.below(5)).map { _ in value(&rng) })
        case 5: test = .notInList((0..<rng.below(5)).map { _ in value(&rng) })
        case 6: test = .exists
        case 7: test = .notExists
        case 8: test = .isNull
        case 9: test = .isNotNull
        case 10: test = .isEmpty
        case 11: test = .isNotEmpty
        default: test = .startsWith(value(&rng))
        }
        return .condition(FilterCondition(field: text(&rng, from: fields), fieldRange: 0..<0, test: test))
    }

    // MARK: Rendering

    /// A piece of rendered text: words need whitespace between them, symbols (and quoted strings) do not.
    enum Piece {
        case word(String)
        case symbol(String)

        var isWord: Bool { if case .word = self { true } else { false } }
        var text: String {
            switch self {
            case .word(let text), .symbol(let text): text
            }
        }
    }

    /// `tree` as filter text.
    static func render(_ tree: FilterExpression, _ rng: inout SeededRandom) -> String {
        var pieces: [Piece] = []
        render(tree, into: &pieces, &rng)
        var text = rng.chance(30) ? separator(&rng, required: false) : ""
        for (i, piece) in pieces.enumerated() {
            if i > 0 { text += separator(&rng, required: pieces[i - 1].isWord && piece.isWord) }
            text += piece.text
        }
        if rng.chance(30) { text += separator(&rng, required: false) }
        return text
    }

    static func separator(_ rng: inout SeededRandom, required: Bool) -> String {
        if !required, rng.chance(40) { return "" }
        return rng.pick([" ", " ", " ", "  ", "\t", "\n", " \u{3000}", "\r\n"])
    }

    /// A keyword in random case.
    static func keyword(_ word: String, _ rng: inout SeededRandom) -> Piece {
        .word(String(word.map { rng.chance(50) ? Character($0.lowercased()) : $0 }))
    }

    /// `text` in random quotes, with the needed escapes (and some needless ones).
    static func quoted(_ text: String, _ rng: inout SeededRandom) -> Piece {
        let quote: Character = rng.chance(50) ? "'" : "\""
        var out = String(quote)
        for character in text {
            if character == quote || character == "\\" || (FilterCharacters.isQuote(character) && rng.chance(30)) {
                out.append("\\")
            }
            out.append(character)
        }
        out.append(quote)
        return .symbol(out)
    }

    static func canStandUnquoted(_ text: String, field: Bool) -> Bool {
        !text.isEmpty
            && text.allSatisfy(field ? FilterCharacters.isFieldCharacter : FilterCharacters.isWordCharacter)
            && FilterKeyword(word: text) == nil && !FilterCharacters.isGeoFunction(text)
    }

    static func operand(_ text: String, field: Bool, _ rng: inout SeededRandom) -> Piece {
        canStandUnquoted(text, field: field) && rng.chance(70) ? .word(text) : quoted(text, &rng)
    }

    static func render(_ tree: FilterExpression, into pieces: inout [Piece], _ rng: inout SeededRandom, parenthesized: Bool = false) {
        let parenthesize = parenthesized || rng.chance(8)
        if parenthesize { pieces.append(.symbol("(")) }
        switch tree {
        case .and(let operands):
            for (i, operand) in operands.enumerated() {
                if i > 0 { pieces.append(keyword("AND", &rng)) }
                var isOr = false
                if case .or = operand { isOr = true }
                render(operand, into: &pieces, &rng, parenthesized: isOr)
            }
        case .or(let operands):
            for (i, operand) in operands.enumerated() {
                if i > 0 { pieces.append(keyword("OR", &rng)) }
                render(operand, into: &pieces, &rng)
            }
        case .not(.condition(let condition)) where rng.chance(50):
            if case .startsWith(let value) = condition.test {
                // `f NOT STARTS WITH v`, the other spelling of this tree.
                pieces.append(operand(condition.field, field: true, &rng))
                pieces += [keyword("NOT", &rng), keyword("STARTS", &rng), keyword("WITH", &rng), operand(value.text, field: false, &rng)]
            } else {
                pieces.append(keyword("NOT", &rng))
                render(condition, into: &pieces, &rng)
            }
        case .not(let operand):
            pieces.append(keyword("NOT", &rng))
            var isGroup = false
            if case .and = operand { isGroup = true }
            if case .or = operand { isGroup = true }
            render(operand, into: &pieces, &rng, parenthesized: isGroup)
        case .condition(let condition):
            render(condition, into: &pieces, &rng)
        }
        if parenthesize { pieces.append(.symbol(")")) }
    }

    static func render(_ condition: FilterCondition, into pieces: inout [Piece], _ rng: inout SeededRandom) {
        pieces.append(operand(condition.field, field: true, &rng))
        func value(_ value: FilterValue) -> Piece { operand(value.text, field: false, &rng) }
        func list(_ values: [FilterValue]) {
            pieces.append(.symbol("["))
            for (i, v) in values.enumerated() {
                if i > 0 { pieces.append(.symbol(",")) }
                pieces.append(value(v))
            }
            if !values.isEmpty, rng.chance(20) { pieces.append(.symbol(",")) }
            pieces.append(.symbol("]"))
        }
        switch condition.test {
        case .equals(let v): pieces += [.symbol("="), value(v)]
        case .notEquals(let v): pieces += [.symbol("!="), value(v)]
        case .compare(let op, let v): pieces += [.symbol(op.rawValue), value(v)]
        case .between(let a, let b): pieces += [value(a), keyword("TO", &rng), value(b)]
        case .inList(let vs):
            pieces.append(keyword("IN", &rng))
            list(vs)
        case .notInList(let vs):
            pieces += [keyword("NOT", &rng), keyword("IN", &rng)]
            list(vs)
        case .exists: pieces.append(keyword("EXISTS", &rng))
        case .notExists: pieces += [keyword("NOT", &rng), keyword("EXISTS", &rng)]
        case .isNull: pieces += [keyword("IS", &rng), keyword("NULL", &rng)]
        case .isNotNull: pieces += [keyword("IS", &rng), keyword("NOT", &rng), keyword("NULL", &rng)]
        case .isEmpty: pieces += [keyword("IS", &rng), keyword("EMPTY", &rng)]
        case .isNotEmpty: pieces += [keyword("IS", &rng), keyword("NOT", &rng), keyword("EMPTY", &rng)]
        case .startsWith(let v): pieces += [keyword("STARTS", &rng), keyword("WITH", &rng), value(v)]
        }
    }

    // MARK: Positions

    /// Every field and value position in `tree`, with its text.
    static func positions(in tree: FilterExpression) -> [(text: String, range: Range<Int>)] {
        switch tree {
        case .and(let operands), .or(let operands): return operands.flatMap(positions)
        case .not(let operand): return positions(in: operand)
        case .condition(let condition):
            var out = [(condition.field, condition.fieldRange)]
            switch condition.test {
            case .equals(let v), .notEquals(let v), .compare(_, let v), .startsWith(let v): out.append((v.text, v.range))
            case .between(let a, let b): out += [(a.text, a.range), (b.text, b.range)]
            case .inList(let vs), .notInList(let vs): out += vs.map { ($0.text, $0.range) }
            case .exists, .notExists, .isNull, .isNotNull, .isEmpty, .isNotEmpty: break
            }
            return out
        }
    }
}
