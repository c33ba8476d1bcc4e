import Testing
@testable import VaultIndex

/// Bad inputs and limits (properties 6 and 7 of `FilterParserTests`): each fails with a
/// `FilterSyntaxError` whose message, position and length are checked exactly.
@Suite("filter parser: errors and limits")
struct FilterParserErrorTests {
    typealias S = FilterTestSupport

    /// Expects `text` to fail with `message` at `position` spanning `length` characters.
    func expectFailure(_ text: String, _ message: String, at position: Int, length: Int,
                       sourceLocation: SourceLocation = #_sourceLocation) {
        guard let error = S.failure(text) else {
            Issue.record("`\(text)` parsed", sourceLocation: sourceLocation)
            return
        }
        #expect(error.message == message, sourceLocation: sourceLocation)
        #expect(error.position == position, sourceLocation: sourceLocation)
        #expect(error.length == length, sourceLocation: sourceLocation)
        #expect(error.source == text, sourceLocation: sourceLocation)
        #expect(error.elementPath == [], sourceLocation: sourceLocation)
    }

    static let operators = "=, !=, >, >=, <, <=, TO, IN, NOT IN, EXISTS, IS, STARTS WITH"

    @Test("unbalanced parentheses, both ways")
    func unbalancedParentheses() {
        expectFailure("tags = python AND (model = gpt-4o", "unbalanced parenthesis: `(` at 18 is never closed", at: 18, length: 1)
        expectFailure("((a = 1)", "unbalanced parenthesis: `(` at 0 is never closed", at: 0, length: 1)
        expectFailure("a = 1)", "unbalanced parenthesis: `)` at 5 has no matching `(`", at: 5, length: 1)
        expectFailure("(a = 1)) OR b = 2", "unbalanced parenthesis: `)` at 7 has no matching `(`", at: 7, length: 1)
        expectFailure(")", "expected a filter, found `)`", at: 0, length: 1)
        expectFailure("(a = 1 b = 2)", "expected AND, OR or `)` closing the `(` at 0, found `b`", at: 7, length: 1)
    }

    @Test("unknown operators")
    func unknownOperator() {
        expectFailure("price => 10", "unknown operator `=>`; expected one of \(Self.operators)", at: 6, length: 2)
        expectFailure("price == 10", "unknown operator `==`; expected one of \(Self.operators)", at: 6, length: 2)
        expectFailure("price ! 10", "unknown operator `!`; expected one of \(Self.operators)", at: 6, length: 1)
        expectFailure("title CONTAINS x", "unknown operator `CONTAINS`; expected one of \(Self.operators)", at: 6, length: 8)
        expectFailure("a", "expected an operator after the field `a` (one of \(Self.operators)), found the end of the filter", at: 1, length: 0)
        expectFailure("a 'b'", "expected an operator after the field `a` (one of \(Self.operators)), found `'b'`", at: 2, length: 3)
        expectFailure("a )", "expected an operator after the field `a` (one of \(Self.operators)), found `)`", at: 2, length: 1)
        expectFailure("a IS x", "expected NULL, NOT NULL, EMPTY or NOT EMPTY after `IS`, found `x`", at: 5, length: 1)
        expectFailure("a is not", "expected NULL or EMPTY after `is not`, found the end of the filter", at: 8, length: 0)
        expectFailure("a STARTS x", "expected WITH after `STARTS`, found `x`", at: 9, length: 1)
        expectFailure("a NOT = 1", "expected IN, EXISTS or STARTS WITH after `NOT`, found `=`", at: 6, length: 1)
    }

    @Test("missing values and operands")
    func missingValue() {
        expectFailure("a = ", "expected a value after `=`, found the end of the filter", at: 4, length: 0)
        expectFailure("a >= (b)", "expected a value after `>=`, found `(`", at: 5, length: 1)
        expectFailure("a = AND b = 1", "expected a value after `=`, found the keyword `AND`; quote it (\"AND\") to use it as a value", at: 4, length: 3)
        expectFailure("a = 🦀", "expected a value after `=`, found `🦀`; quote a value that holds characters other than letters, digits and . - _ / : + @ #", at: 4, length: 1)
        expectFailure("a STARTS WITH", "expected a value after `STARTS WITH`, found the end of the filter", at: 13, length: 0)
        expectFailure("", "expected a filter, found the end of the filter", at: 0, length: 0)
        expectFailure("   ", "expected a filter, found the end of the filter", at: 3, length: 0)
        expectFailure("NOT", "expected a filter after `NOT`, found the end of the filter", at: 3, length: 0)
        expectFailure("a = 1 AND", "expected a filter after `AND`, found the end of the filter", at: 9, length: 0)
        expectFailure("a = 1 or or b = 2", "expected a filter after `or`, found the keyword `or`", at: 9, length: 2)
        expectFailure("= 1", "expected a filter, found `=`", at: 0, length: 1)
    }

    @Test("TO without a bound")
    func rangeBounds() {
        expectFailure("views 1 TO", "expected a value after `TO`, found the end of the filter", at: 10, length: 0)
        expectFailure("views 1 TO AND x = 1", "expected a value after `TO`, found the keyword `AND`; quote it (\"AND\") to use it as a value", at: 11, length: 3)
        expectFailure("views TO 10", "expected a lower bound before `TO` (as in `views 1 TO 10`)", at: 6, length: 2)
        expectFailure("views 1 10", "unknown operator `1`; expected one of \(Self.operators)", at: 6, length: 1)
    }

    @Test("trailing garbage")
    func trailingGarbage() {
        expectFailure("a = 1 b", "expected AND, OR or the end of the filter, found `b`", at: 6, length: 1)
        expectFailure("a = 1 2 3", "expected AND, OR or the end of the filter, found `2`", at: 6, length: 1)
        expectFailure("a EXISTS 'x'", "expected AND, OR or the end of the filter, found `'x'`", at: 9, length: 3)
        expectFailure("a = 1 & b = 2", "expected AND, OR or the end of the filter, found `&`", at: 6, length: 1)
        expectFailure("a = 1 TO 2", "expected AND, OR or the end of the filter, found the keyword `TO`", at: 6, length: 2)
    }

    @Test("empty parentheses")
    func emptyParentheses() {
        expectFailure("()", "empty parentheses: expected a filter between `(` and `)`", at: 0, length: 2)
        expectFailure("a = 1 AND ( )", "empty parentheses: expected a filter between `(` and `)`", at: 10, length: 3)
    }

    @Test("lone and unterminated quotes")
    func quotes() {
        expectFailure("\"", "unterminated string: `\"` at 0 is never closed", at: 0, length: 1)
        expectFailure("'", "unterminated string: `'` at 0 is never closed", at: 0, length: 1)
        expectFailure("title = 'abc", "unterminated string: `'` at 8 is never closed", at: 8, length: 1)
        expectFailure("title = \"abc\\\"", "unterminated string: `\"` at 8 is never closed", at: 8, length: 1)
        expectFailure("a = 1 AND \"b = 2", "unterminated string: `\"` at 10 is never closed", at: 10, length: 1)
        expectFailure("a IN [x, 'y", "unterminated string: `'` at 9 is never closed", at: 9, length: 1)
    }

    @Test("IN lists: missing `]`, missing `[`, missing values")
    func lists() {
        expectFailure("tags IN [a, b", "unbalanced bracket: `[` at 8 is never closed", at: 8, length: 1)
        expectFailure("tags IN [", "unbalanced bracket: `[` at 8 is never closed", at: 8, length: 1)
        expectFailure("tags NOT IN [a,", "unbalanced bracket: `[` at 12 is never closed", at: 12, length: 1)
        expectFailure("tags IN [a, b AND c = 1", "expected `,` or `]` in the list opened at 8, found the keyword `AND`", at: 14, length: 3)
        expectFailure("tags IN [a b]", "expected `,` or `]` in the list opened at 8, found `b`", at: 11, length: 1)
        expectFailure("tags IN a", "expected `[` after `IN`, found `a`", at: 8, length: 1)
        expectFailure("tags IN [a,,b]", "expected a value after `,`, found `,`", at: 11, length: 1)
        expectFailure("tags IN [,]", "expected a value after `[`, found `,`", at: 9, length: 1)
    }

    @Test("geo filters are rejected")
    func geo() {
        expectFailure("_geoRadius(45.4, 9.1, 2000)", "geo filters are not supported (`_geoRadius`)", at: 0, length: 10)
        expectFailure("_geoBoundingBox([1, 2], [3, 4])", "geo filters are not supported (`_geoBoundingBox`)", at: 0, length: 15)
        expectFailure("a = 1 AND _geoPolygon([1, 2], [3, 4], [5, 6])", "geo filters are not supported (`_geoPolygon`)", at: 10, length: 11)
        expectFailure("a = _geoRadius(1, 2, 3)", "geo filters are not supported (`_geoRadius`)", at: 4, length: 10)
    }

    @Test("an unquoted field name holds letters, digits, _, - and . only")
    func fieldNames() {
        expectFailure("writing/email = 1", "`/` cannot stand in an unquoted field name (letters, digits, `_`, `-` and `.` can); quote the field: \"writing/email\"",
                      at: 0, length: 13)
    }

    @Test("1,000 levels of nesting fail at level 65")
    func deepNesting() {
        let message = "the filter nests deeper than 64 levels of parentheses and NOT"
        let balanced = String(repeating: "(", count: 1_000) + "a = 1" + String(repeating: ")", count: 1_000)
        expectFailure(balanced, message, at: 64, length: 1)
        expectFailure(String(repeating: "(", count: 1_000), message, at: 64, length: 1)
        expectFailure(String(repeating: "NOT ", count: 1_000) + "a EXISTS", message, at: 256, length: 3)
        expectFailure(String(repeating: "NOT (", count: 1_000) + "a EXISTS", message, at: 160, length: 3)
    }

    @Test("a 100 KB filter fails at the character past 64 KiB")
    func longFilter() throws {
        var text = "a = 1"
        while text.utf8.count < 100_000 { text += " OR a = 1" }
        let count = text.count
        let message = "the filter is \(text.utf8.count) bytes long; at most 65536 bytes are allowed"
        expectFailure(text, message, at: 65_536, length: count - 65_536)
        do {
            _ = try FilterParser.parse(utf8: Array(text.utf8))
            Issue.record("parsed")
        } catch {
            #expect(error.message == message)
            #expect(error.position == 65_536)
        }
        // Two-byte characters: the limit falls after 32,768 of them.
        let wide = "a = '" + String(repeating: "é", count: 50_000) + "'"
        expectFailure(wide, "the filter is \(wide.utf8.count) bytes long; at most 65536 bytes are allowed",
                      at: 5 + 32_765, length: wide.count - 5 - 32_765)
        // Exactly at the limit is fine.
        let longest = "a = " + String(repeating: "x", count: FilterParser.maximumLength - 4)
        #expect(throws: Never.self) { try FilterParser.parse(longest) }
    }

    @Test("an IN list of 10,001 values fails at the 10,001st")
    func longList() {
        let text = "id IN [" + (0...FilterParser.maximumListCount).map(String.init).joined(separator: ", ") + "]"
        expectFailure(text, "too many values in the list opened at 6: at most 10000 are allowed",
                      at: text.count - "10000]".count, length: 5)
    }

    /// Invalid byte sequences, the message each gives and the character position it points at.
    static let invalidUTF8Cases: [([UInt8], String, Int)] = {
        let a: [UInt8] = Array("a = ".utf8), e: [UInt8] = Array("é = ".utf8), q: [UInt8] = Array("a = '".utf8)
        let tokyo: [UInt8] = Array("東京 = ".utf8), rest: [UInt8] = Array(" AND b = 1".utf8)
        var cases: [([UInt8], String, Int)] = []
        cases.append((a + [0xFF] + rest, "invalid UTF-8 at byte offset 4 (0xFF)", 4))
        cases.append((e + [0xC3], "invalid UTF-8 at byte offset 5 (0xC3)", 4))
        cases.append((a + [0xC0, 0x80], "invalid UTF-8 at byte offset 4 (0xC0)", 4))
        cases.append((q + [0xED, 0xA0, 0x80, 0x27], "invalid UTF-8 at byte offset 5 (0xED)", 5))
        cases.append(([0x80], "invalid UTF-8 at byte offset 0 (0x80)", 0))
        cases.append((tokyo + [0xF4, 0x90, 0x80, 0x80], "invalid UTF-8 at byte offset 9 (0xF4)", 5))
        return cases
    }()

    @Test("invalid UTF-8 names the byte offset", arguments: invalidUTF8Cases)
    func invalidUTF8(bytes: [UInt8], message: String, position: Int) {
        do {
            _ = try FilterParser.parse(utf8: bytes)
            Issue.record("parsed")
        } catch {
            #expect(error.message == message)
            #expect(error.position == position)
            #expect(error.length == 1)
            #expect(error.source == String(decoding: bytes, as: UTF8.self))
        }
    }

    @Test("valid UTF-8 bytes parse like the string")
    func validUTF8() throws {
        let text = "城市 = '東京' AND emoji = '🦀'"
        #expect(try FilterParser.parse(utf8: Array(text.utf8)) == FilterParser.parse(text))
    }

    // MARK: Rendering

    @Test("rendered puts a caret line under the fault")
    func rendered() throws {
        let error = try #require(S.failure("tags = python AND (model = gpt-4o"))
        #expect(error.rendered == """
            tags = python AND (model = gpt-4o
                              ^ unbalanced parenthesis: `(` at 18 is never closed
            """)
        #expect(error.description == "filter syntax error at 18: unbalanced parenthesis: `(` at 18 is never closed")
        let op = try #require(S.failure("price => 10"))
        #expect(op.rendered.split(separator: "\n")[1].hasPrefix("      ^^ unknown operator `=>`"))
        let end = try #require(S.failure("a ="))
        #expect(end.rendered.split(separator: "\n")[1].hasPrefix("   ^ expected a value"))
    }

    @Test("rendered shows the fault's line, keeps tabs and counts grapheme clusters")
    func renderedAlignment() throws {
        let multiline = try #require(S.failure("a = 1 AND\n\tb => 2\nOR c = 3"))
        #expect(multiline.position == 13)
        #expect(multiline.rendered == "\tb => 2\n\t  ^^ unknown operator `=>`; expected one of \(Self.operators)")
        let emoji = try #require(S.failure("'👩‍👩‍👧 é' = 1 x"))
        #expect(emoji.position == 10)
        #expect(emoji.rendered == "'👩‍👩‍👧 é' = 1 x\n" + String(repeating: " ", count: 10) + "^ expected AND, OR or the end of the filter, found `x`")
    }

    @Test("rendered cuts a long line to a window around the fault")
    func renderedWindow() throws {
        let text = String(repeating: "a = 1 AND ", count: 50) + "b => 2" + String(repeating: " AND a = 1", count: 50)
        let error = try #require(S.failure(text))
        let lines = error.rendered.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(lines[0].count <= FilterSyntaxError.renderedLineWidth + 2)
        #expect(lines[0].hasPrefix("…") && lines[0].hasSuffix("…"))
        let caret = try #require(lines[1].firstIndex(of: "^"))
        let column = lines[1].distance(from: lines[1].startIndex, to: caret)
        #expect(Array(lines[0])[column...].starts(with: "=>"))
    }
}

extension FilterParserErrorTests {
    @Test("the character standing for a bad byte may merge with the one before it")
    func invalidUTF8AfterPrependedMark() {
        // U+0600 is a prepended mark: it forms one character with the U+FFFD that stands for 0xB4.
        do {
            _ = try FilterParser.parse(utf8: [0xD8, 0x80, 0xB4])
            Issue.record("parsed")
        } catch {
            #expect(error.message == "invalid UTF-8 at byte offset 2 (0xB4)")
            #expect(error.position == 0)
            #expect(error.source.count == 1)
        }
    }
}
