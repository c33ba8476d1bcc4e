/// The recursive-descent parser behind ``FilterParser``: expressions (OR, AND, NOT, parentheses)
/// here, conditions in `FilterGrammar+Condition.swift`.
///
/// It reads the tokens of one text with one token of look-ahead (two for `field low TO high`).
/// Only a `(` recurses, and only after checking ``FilterParser/maximumDepth``; runs of `NOT`,
/// `AND` and `OR` are loops.
struct FilterGrammar {
    /// The text being parsed (errors quote it).
    let source: String
    /// Its characters; token ranges index this array.
    let characters: [Character]
    /// Its tokens, ending with ``FilterTokenKind/end``.
    let tokens: [FilterToken]
    /// The token being looked at; never past the end token.
    private(set) var index = 0

    /// A parser of `source`.
    init(source: String) {
        self.source = source
        self.characters = Array(source)
        self.tokens = FilterLexer(characters: characters).tokens()
    }

    /// The token being looked at.
    var current: FilterToken { tokens[index] }

    /// The token after the current one (the end token when the current one is the end).
    var next: FilterToken { tokens[min(index + 1, tokens.count - 1)] }

    /// Moves to the next token (stays on the end token).
    mutating func advance() {
        if index < tokens.count - 1 { index += 1 }
    }

    /// The whole text as one expression.
    mutating func parseFilter() throws(FilterSyntaxError) -> FilterExpression {
        let expression = try parseOr(depth: 0, context: "")
        switch current.kind {
        case .end:
            return expression
        case .closeParenthesis:
            throw error("unbalanced parenthesis: `)` at \(current.range.lowerBound) has no matching `(`", at: current.range)
        default:
            throw unexpected("expected AND, OR or the end of the filter", found: current)
        }
    }

    /// `and ("OR" and)*`. `depth` counts the parentheses and `NOT`s around; `context` says what
    /// came before (" after `(`") for an error on the first operand.
    private mutating func parseOr(depth: Int, context: String) throws(FilterSyntaxError) -> FilterExpression {
        var operands = [try parseAnd(depth: depth, context: context)]
        while case .keyword(.or) = current.kind {
            let keyword = text(of: current)
            advance()
            operands.append(try parseAnd(depth: depth, context: " after `\(keyword)`"))
        }
        return FilterExpression.disjunction(operands) ?? operands[0]
    }

    /// `not ("AND" not)*`.
    private mutating func parseAnd(depth: Int, context: String) throws(FilterSyntaxError) -> FilterExpression {
        var operands = [try parseNot(depth: depth, context: context)]
        while case .keyword(.and) = current.kind {
            let keyword = text(of: current)
            advance()
            operands.append(try parseNot(depth: depth, context: " after `\(keyword)`"))
        }
        return FilterExpression.conjunction(operands) ?? operands[0]
    }

    /// `"NOT"* primary`; every `NOT` is a level of depth and wraps the primary once.
    private mutating func parseNot(depth: Int, context: String) throws(FilterSyntaxError) -> FilterExpression {
        var depth = depth
        var context = context
        var negations = 0
        while case .keyword(.not) = current.kind {
            try checkDepth(depth + 1, at: current)
            depth += 1
            negations += 1
            context = " after `\(text(of: current))`"
            advance()
        }
        var expression = try parsePrimary(depth: depth, context: context)
        for _ in 0..<negations { expression = .not(expression) }
        return expression
    }

    /// `"(" or ")"` or a condition.
    private mutating func parsePrimary(depth: Int, context: String) throws(FilterSyntaxError) -> FilterExpression {
        switch current.kind {
        case .openParenthesis:
            let open = current
            try checkDepth(depth + 1, at: open)
            advance()
            if case .closeParenthesis = current.kind {
                throw error("empty parentheses: expected a filter between `(` and `)`",
                            at: open.range.lowerBound..<current.range.upperBound)
            }
            let inner = try parseOr(depth: depth + 1, context: " after `(`")
            switch current.kind {
            case .closeParenthesis:
                advance()
                return inner
            case .end:
                throw error("unbalanced parenthesis: `(` at \(open.range.lowerBound) is never closed", at: open.range)
            default:
                throw unexpected("expected AND, OR or `)` closing the `(` at \(open.range.lowerBound)", found: current)
            }
        case .word, .quoted:
            return try parseCondition()
        default:
            throw unexpected("expected a filter\(context)", found: current)
        }
    }

    /// Throws when `depth` is over the limit; `token` is the `(` or `NOT` that opens that level.
    private func checkDepth(_ depth: Int, at token: FilterToken) throws(FilterSyntaxError) {
        guard depth > FilterParser.maximumDepth else { return }
        throw error("the filter nests deeper than \(FilterParser.maximumDepth) levels of parentheses and NOT",
                    at: token.range)
    }
}

// MARK: - Errors

extension FilterGrammar {
    /// An error spanning `range` of the text.
    func error(_ message: String, at range: Range<Int>) -> FilterSyntaxError {
        FilterSyntaxError(message: message, position: range.lowerBound, length: range.count, source: source)
    }

    /// The error for finding `token` where `expected` was wanted: "expected …, found `x`". A token
    /// that is itself a fault (a string without its closing quote) is reported as that fault.
    func unexpected(_ expected: String, found token: FilterToken) -> FilterSyntaxError {
        if case .unterminatedString(let quote) = token.kind {
            let start = token.range.lowerBound
            return error("unterminated string: `\(quote)` at \(start) is never closed", at: start..<start + 1)
        }
        return error("\(expected), found \(describe(token))", at: token.range)
    }

    /// How an error names a token: "the end of the filter", "the keyword `AND`", "`)`".
    func describe(_ token: FilterToken) -> String {
        switch token.kind {
        case .end: return "the end of the filter"
        case .keyword: return "the keyword `\(text(of: token))`"
        default:
            let text = text(of: token)
            return text.count > 40 ? "`\(text.prefix(40))…`" : "`\(text)`"
        }
    }

    /// The source text of a token, as written.
    func text(of token: FilterToken) -> String {
        String(characters[token.range])
    }
}
