/// Conditions: a field, an operator and its operands.
extension FilterGrammar {
    /// The operators a field may be followed by, as error messages list them.
    static let operatorList = "=, !=, >, >=, <, <=, TO, IN, NOT IN, EXISTS, IS, STARTS WITH"

    /// `field operator operands`; the current token is a word or a quoted string.
    mutating func parseCondition() throws(FilterSyntaxError) -> FilterExpression {
        let fieldToken = current
        let field: String
        switch fieldToken.kind {
        case .word(let word):
            if FilterCharacters.isGeoFunction(word) {
                throw error("geo filters are not supported (`\(word)`)", at: fieldToken.range)
            }
            if let bad = word.first(where: { !FilterCharacters.isFieldCharacter($0) }) {
                throw error("`\(bad)` cannot stand in an unquoted field name (letters, digits, `_`, `-` and `.` can); quote the field: \"\(word)\"",
                            at: fieldToken.range)
            }
            field = word
        case .quoted(let text):
            field = text
        default:
            throw unexpected("expected a field name", found: fieldToken)
        }
        advance()

        func condition(_ test: FilterTest) -> FilterExpression {
            .condition(FilterCondition(field: field, fieldRange: fieldToken.range, test: test))
        }

        let operatorToken = current
        switch operatorToken.kind {
        case .comparison(let comparison):
            advance()
            let value = try parseValue(after: "`\(comparison.rawValue)`")
            switch comparison {
            case .equals: return condition(.equals(value))
            case .notEquals: return condition(.notEquals(value))
            case .greater: return condition(.compare(.greater, value))
            case .greaterOrEqual: return condition(.compare(.greaterOrEqual, value))
            case .less: return condition(.compare(.less, value))
            case .lessOrEqual: return condition(.compare(.lessOrEqual, value))
            }
        case .keyword(.in):
            advance()
            return condition(.inList(try parseList(after: operatorToken)))
        case .keyword(.exists):
            advance()
            return condition(.exists)
        case .keyword(.is):
            advance()
            return condition(try parseIs(after: operatorToken))
        case .keyword(.starts):
            return condition(.startsWith(try parseStartsWith()))
        case .keyword(.not):
            advance()
            let keyword = current
            switch keyword.kind {
            case .keyword(.in):
                advance()
                return condition(.notInList(try parseList(after: keyword)))
            case .keyword(.exists):
                advance()
                return condition(.notExists)
            case .keyword(.starts):
                return .not(condition(.startsWith(try parseStartsWith())))
            default:
                throw unexpected("expected IN, EXISTS or STARTS WITH after `\(text(of: operatorToken))`", found: keyword)
            }
        case .keyword(.to):
            throw error("expected a lower bound before `\(text(of: operatorToken))` (as in `\(text(of: fieldToken)) 1 TO 10`)",
                        at: operatorToken.range)
        case .word, .quoted:
            // `field low TO high`, or a word that is no operator (`title CONTAINS x`).
            if case .keyword(.to) = next.kind {
                let low = try parseValue(after: "the field `\(text(of: fieldToken))`")
                let to = text(of: current)
                advance()
                let high = try parseValue(after: "`\(to)`")
                return condition(.between(low, high))
            }
            if case .word = operatorToken.kind {
                throw unknownOperator(operatorToken)
            }
            throw unexpected("expected an operator after the field `\(text(of: fieldToken))` (one of \(Self.operatorList))",
                             found: operatorToken)
        case .unknownOperator:
            throw unknownOperator(operatorToken)
        default:
            throw unexpected("expected an operator after the field `\(text(of: fieldToken))` (one of \(Self.operatorList))",
                             found: operatorToken)
        }
    }

    /// `"[" [value ("," value)* [","]] "]"`, after the `IN` in `keyword`.
    private mutating func parseList(after keyword: FilterToken) throws(FilterSyntaxError) -> [FilterValue] {
        guard case .openBracket = current.kind else {
            throw unexpected("expected `[` after `\(text(of: keyword))`", found: current)
        }
        let open = current
        advance()
        func unclosed() -> FilterSyntaxError {
            error("unbalanced bracket: `[` at \(open.range.lowerBound) is never closed", at: open.range)
        }
        var values: [FilterValue] = []
        while true {
            switch current.kind {
            case .closeBracket:
                advance()
                return values
            case .end:
                throw unclosed()
            default:
                break
            }
            if values.count == FilterParser.maximumListCount {
                throw error("too many values in the list opened at \(open.range.lowerBound): at most \(FilterParser.maximumListCount) are allowed",
                            at: current.range)
            }
            values.append(try parseValue(after: values.isEmpty ? "`[`" : "`,`"))
            switch current.kind {
            case .comma:
                advance()
            case .closeBracket:
                advance()
                return values
            case .end:
                throw unclosed()
            default:
                throw unexpected("expected `,` or `]` in the list opened at \(open.range.lowerBound)", found: current)
            }
        }
    }

    /// `["NOT"] ("NULL" | "EMPTY")`, after the `IS` in `keyword`.
    private mutating func parseIs(after keyword: FilterToken) throws(FilterSyntaxError) -> FilterTest {
        switch current.kind {
        case .keyword(.null):
            advance()
            return .isNull
        case .keyword(.empty):
            advance()
            return .isEmpty
        case .keyword(.not):
            let not = text(of: current)
            advance()
            switch current.kind {
            case .keyword(.null):
                advance()
                return .isNotNull
            case .keyword(.empty):
                advance()
                return .isNotEmpty
            default:
                throw unexpected("expected NULL or EMPTY after `\(text(of: keyword)) \(not)`", found: current)
            }
        default:
            throw unexpected("expected NULL, NOT NULL, EMPTY or NOT EMPTY after `\(text(of: keyword))`", found: current)
        }
    }

    /// `"STARTS" "WITH" value`; the current token is `STARTS`.
    private mutating func parseStartsWith() throws(FilterSyntaxError) -> FilterValue {
        let starts = text(of: current)
        advance()
        guard case .keyword(.with) = current.kind else {
            throw unexpected("expected WITH after `\(starts)`", found: current)
        }
        let with = text(of: current)
        advance()
        return try parseValue(after: "`\(starts) \(with)`")
    }

    /// A value (a word or a quoted string); `context` names what it follows ("`=`").
    private mutating func parseValue(after context: String) throws(FilterSyntaxError) -> FilterValue {
        let token = current
        switch token.kind {
        case .word(let word):
            if FilterCharacters.isGeoFunction(word) {
                throw error("geo filters are not supported (`\(word)`)", at: token.range)
            }
            advance()
            return FilterValue(text: word, range: token.range)
        case .quoted(let text):
            advance()
            return FilterValue(text: text, range: token.range)
        case .keyword:
            let word = text(of: token)
            throw error("expected a value after \(context), found the keyword `\(word)`; quote it (\"\(word)\") to use it as a value",
                        at: token.range)
        case .unexpected:
            throw unexpected("expected a value after \(context)", found: token).appending(
                "; quote a value that holds characters other than letters, digits and . - _ / : + @ #")
        default:
            throw unexpected("expected a value after \(context)", found: token)
        }
    }

    /// The error for a word or symbol run standing where an operator should.
    private func unknownOperator(_ token: FilterToken) -> FilterSyntaxError {
        error("unknown operator `\(text(of: token))`; expected one of \(Self.operatorList)", at: token.range)
    }
}

extension FilterSyntaxError {
    /// The error with `text` added to its message.
    func appending(_ text: String) -> FilterSyntaxError {
        var copy = self
        copy.message += text
        return copy
    }
}
