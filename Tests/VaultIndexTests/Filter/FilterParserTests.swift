import Testing
@testable import VaultIndex

/// Properties of `FilterParser` checked by this file and its siblings
/// (`FilterParserErrorTests`, `FilterParserFuzzTests`):
/// 1. every operator (`=`, `!=`, `>`, `>=`, `<`, `<=`, `TO`, `IN`, `NOT IN`, `EXISTS`, `NOT EXISTS`,
///    `IS [NOT] NULL`, `IS [NOT] EMPTY`, `[NOT] STARTS WITH`) parses to its tree, with the source
///    positions of fields and values;
/// 2. `NOT` binds tighter than `AND`, `AND` tighter than `OR`; parentheses group; nested ANDs / ORs
///    of one kind are flattened; `NOT` is kept as written (never rewritten to `!=`);
/// 3. quoting: quoted fields and values (spaces, the other quote, escaped quotes and backslashes,
///    unicode), unquoted words with `. - _ / : + @ #` and non-ASCII letters, negative numbers;
/// 4. keywords are matched in any case and are reserved unless quoted;
/// 5. the array form: outer AND, inner OR, blank strings and empty arrays skipped, `nil` for no
///    filter, errors carrying the element path and a position inside that element;
/// 6. each bad input fails with a `FilterSyntaxError` at the exact position: unbalanced
///    parentheses both ways, unknown operator, missing value, `TO` without a bound, trailing
///    garbage, empty parentheses, a lone quote, `IN` without `]`, geo filters, invalid UTF-8
///    (naming the byte offset), and `rendered` puts the caret under the fault;
/// 7. limits are errors, not crashes: 1,000 levels of `(` (depth 64), a 100 KB filter (64 KiB),
///    10,001 values in one `IN` list;
/// 8. seeded round-trip fuzz (`VAULT_TEST_SEED` replays): random trees rendered with random
///    spacing, quoting and keyword case parse back to the same tree, positions pointing at the
///    rendered fields and values;
/// 9. fuzz of random bytes and token soup: the parser only ever returns or throws
///    `FilterSyntaxError`, with a position inside the source.
@Suite("filter parser: operators, precedence, quoting, array form")
struct FilterParserTests {
    typealias S = FilterTestSupport

    // MARK: 1. Operators

    @Test("each comparison operator parses to its test", arguments: [
        ("=", FilterTest.equals(S.value("5"))),
        ("!=", .notEquals(S.value("5"))),
        (">", .compare(.greater, S.value("5"))),
        (">=", .compare(.greaterOrEqual, S.value("5"))),
        ("<", .compare(.less, S.value("5"))),
        ("<=", .compare(.lessOrEqual, S.value("5"))),
    ])
    func comparisons(op: String, test: FilterTest) throws {
        #expect(try S.parsed("views \(op) 5") == S.condition("views", test))
        #expect(try S.parsed("views\(op)5") == S.condition("views", test))
    }

    @Test("the word and list operators parse to their tests", arguments: [
        ("views 1 TO 10", FilterTest.between(S.value("1"), S.value("10"))),
        ("views -3.5 TO 1e3", .between(S.value("-3.5"), S.value("1e3"))),
        ("tags IN [python, swift]", .inList([S.value("python"), S.value("swift")])),
        ("tags IN[python,swift,]", .inList([S.value("python"), S.value("swift")])),
        ("tags IN []", .inList([])),
        ("tags NOT IN [python]", .notInList([S.value("python")])),
        ("tags NOT IN []", .notInList([])),
        ("tags EXISTS", .exists),
        ("tags NOT EXISTS", .notExists),
        ("tags IS NULL", .isNull),
        ("tags IS NOT NULL", .isNotNull),
        ("tags IS EMPTY", .isEmpty),
        ("tags IS NOT EMPTY", .isNotEmpty),
        ("folder STARTS WITH writing/", .startsWith(S.value("writing/"))),
    ])
    func wordOperators(text: String, test: FilterTest) throws {
        #expect(try S.parsed(text) == S.condition(text.split(separator: " ")[0].description, test))
    }

    @Test("NOT STARTS WITH is the negation of STARTS WITH")
    func notStartsWith() throws {
        #expect(try S.parsed("folder NOT STARTS WITH 'a b'")
                == .not(S.condition("folder", .startsWith(S.value("a b")))))
    }

    @Test("fields and values carry their positions in characters, quotes included")
    func positions() throws {
        let tree = try FilterParser.parse("  \"my field\" = 'a b' AND views 1 TO 10 OR tags IN [x, \"y\"]")
        let a = FilterCondition(field: "my field", fieldRange: 2..<12,
                                test: .equals(FilterValue(text: "a b", range: 15..<20)))
        let b = FilterCondition(field: "views", fieldRange: 25..<30,
                                test: .between(FilterValue(text: "1", range: 31..<32), FilterValue(text: "10", range: 36..<38)))
        let c = FilterCondition(field: "tags", fieldRange: 42..<46,
                                test: .inList([FilterValue(text: "x", range: 51..<52), FilterValue(text: "y", range: 54..<57)]))
        #expect(tree == .or([.and([.condition(a), .condition(b)]), .condition(c)]))
    }

    @Test("positions count grapheme clusters, not bytes or scalars")
    func graphemePositions() throws {
        // "👩‍👩‍👧" is one character of 18 UTF-8 bytes; "é" is written e + U+0301.
        let tree = try FilterParser.parse("'👩‍👩‍👧' = cafe\u{301} AND x = 1")
        guard case .and(let operands) = tree, case .condition(let first) = operands[0],
              case .condition(let second) = operands[1] else {
            Issue.record("unexpected tree \(tree)")
            return
        }
        #expect(first.fieldRange == 0..<3)
        #expect(first.test == .equals(FilterValue(text: "cafe\u{301}", range: 6..<10)))
        #expect(second.fieldRange == 15..<16)
    }

    // MARK: 2. Precedence and parentheses

    @Test("NOT binds tightest, then AND, then OR")
    func precedence() throws {
        let a = S.condition("a", .equals(S.value("1")))
        let b = S.condition("b", .equals(S.value("2")))
        let c = S.condition("c", .equals(S.value("3")))
        let d = S.condition("d", .equals(S.value("4")))
        #expect(try S.parsed("a = 1 OR b = 2 AND c = 3") == .or([a, .and([b, c])]))
        #expect(try S.parsed("a = 1 AND b = 2 OR c = 3") == .or([.and([a, b]), c]))
        #expect(try S.parsed("NOT a = 1 AND b = 2") == .and([.not(a), b]))
        #expect(try S.parsed("NOT a = 1 OR NOT b = 2 AND c = 3") == .or([.not(a), .and([.not(b), c])]))
        #expect(try S.parsed("(a = 1 OR b = 2) AND c = 3") == .and([.or([a, b]), c]))
        #expect(try S.parsed("NOT (a = 1 OR b = 2)") == .not(.or([a, b])))
        #expect(try S.parsed("NOT NOT a = 1") == .not(.not(a)))
        #expect(try S.parsed("a = 1 OR b = 2 AND c = 3 OR d = 4") == .or([a, .and([b, c]), d]))
    }

    @Test("nested ANDs and ORs of one kind are flattened, parentheses around one operand vanish")
    func flattening() throws {
        let a = S.condition("a", .exists)
        let b = S.condition("b", .exists)
        let c = S.condition("c", .exists)
        let d = S.condition("d", .exists)
        #expect(try S.parsed("a EXISTS AND (b EXISTS AND (c EXISTS AND d EXISTS))") == .and([a, b, c, d]))
        #expect(try S.parsed("((a EXISTS OR b EXISTS)) OR (c EXISTS OR d EXISTS)") == .or([a, b, c, d]))
        #expect(try S.parsed("(((a EXISTS)))") == a)
        #expect(try S.parsed("(a EXISTS AND b EXISTS) OR (c EXISTS AND d EXISTS)") == .or([.and([a, b]), .and([c, d])]))
        #expect(try S.parsed("a EXISTS AND (b EXISTS OR c EXISTS) AND d EXISTS") == .and([a, .or([b, c]), d]))
    }

    @Test("NOT on a condition stays a NOT")
    func notIsKept() throws {
        #expect(try S.parsed("NOT tags = python") == .not(S.condition("tags", .equals(S.value("python")))))
        #expect(try S.parsed("NOT tags IN [a]") == .not(S.condition("tags", .inList([S.value("a")]))))
        #expect(try S.parsed("NOT(tags EXISTS)") == .not(S.condition("tags", .exists)))
    }

    // MARK: 3. Quoting and escapes

    @Test("quoted and unquoted values", arguments: [
        ("title = 'cover letter'", "title", "cover letter"),
        ("title = \"cover letter\"", "title", "cover letter"),
        ("title = \"it's\"", "title", "it's"),
        ("title = 'say \"hi\"'", "title", "say \"hi\""),
        ("title = 'it\\'s'", "title", "it's"),
        ("title = \"say \\\"hi\\\"\"", "title", "say \"hi\""),
        ("title = 'back\\\\slash'", "title", "back\\slash"),
        ("path = 'C:\\temp'", "path", "C:\\temp"),
        ("title = ''", "title", ""),
        ("title = ' AND ( ) = [ ] , '", "title", " AND ( ) = [ ] , "),
        ("title = 'naïve 東京 🦀'", "title", "naïve 東京 🦀"),
        ("model = gpt-4o", "model", "gpt-4o"),
        ("folder = writing/email", "folder", "writing/email"),
        ("price = 12.5", "price", "12.5"),
        ("price = -3", "price", "-3"),
        ("at = 2024-01-01T10:00:00+02:00", "at", "2024-01-01T10:00:00+02:00"),
        ("author = me@example.com", "author", "me@example.com"),
        ("tag = #swift", "tag", "#swift"),
        ("city = Zürich", "city", "Zürich"),
        ("city = 東京", "city", "東京"),
        ("category.lvl0 = a", "category.lvl0", "a"),
        ("staffPick = true", "staffPick", "true"),
        ("snake_case-name = x", "snake_case-name", "x"),
        ("'my field' = x", "my field", "x"),
        ("\"and\" = \"null\"", "and", "null"),
        ("\"_geoRadius\" = x", "_geoRadius", "x"),
    ])
    func quoting(text: String, field: String, value: String) throws {
        #expect(try S.parsed(text) == S.condition(field, .equals(S.value(value))))
    }

    @Test("quoted values in lists and ranges")
    func quotedOperands() throws {
        #expect(try S.parsed("tags IN ['a b', \"c,d\", e]")
                == S.condition("tags", .inList([S.value("a b"), S.value("c,d"), S.value("e")])))
        #expect(try S.parsed("'x y' '1' TO \"2\"") == S.condition("x y", .between(S.value("1"), S.value("2"))))
        #expect(try S.parsed("a STARTS WITH \"AND\"") == S.condition("a", .startsWith(S.value("AND"))))
    }

    @Test("whitespace of any kind separates tokens")
    func whitespace() throws {
        #expect(try S.parsed("\ta\n=\r\n1\u{00A0}AND\u{3000}b  EXISTS ")
                == .and([S.condition("a", .equals(S.value("1"))), S.condition("b", .exists)]))
    }

    // MARK: 4. Keywords

    @Test("keywords are matched in any case")
    func keywordCase() throws {
        let expected: FilterExpression = .or([
            .and([.not(S.condition("a", .inList([S.value("1")]))), S.condition("b", .notExists)]),
            S.condition("c", .isNotNull), S.condition("d", .isNotEmpty),
            S.condition("e", .between(S.value("1"), S.value("2"))),
            S.condition("f", .startsWith(S.value("x"))), S.condition("g", .notInList([])),
            S.condition("h", .isNull), S.condition("i", .isEmpty), S.condition("j", .exists),
        ])
        let lower = "not a in [1] and b not exists or c is not null or d is not empty or e 1 to 2 or f starts with x or g not in [] or h is null or i is empty or j exists"
        #expect(try S.parsed(lower) == expected)
        let mixed = "nOt a In [1] AnD b NoT eXiStS oR c Is NoT nUlL Or d iS nOt EmPtY oR e 1 tO 2 Or f StArTs WiTh x oR g NOT in [] OR h IS null or i Is Empty OR j ExIsTs"
        #expect(try S.parsed(mixed) == expected)
    }

    @Test("a keyword cannot be an unquoted value or field, a quoted one can")
    func reservedKeywords() throws {
        #expect(S.failure("status = null")?.message
                == "expected a value after `=`, found the keyword `null`; quote it (\"null\") to use it as a value")
        #expect(S.failure("status = null")?.position == 9)
        #expect(try S.parsed("status = 'null'") == S.condition("status", .equals(S.value("null"))))
        #expect(S.failure("exists = 1")?.message == "expected a filter, found the keyword `exists`")
        #expect(try S.parsed("'exists' = 1") == S.condition("exists", .equals(S.value("1"))))
        // Words that merely contain a keyword are words.
        #expect(try S.parsed("android = orange") == S.condition("android", .equals(S.value("orange"))))
    }

    // MARK: 5. The array form

    @Test("the array form is an AND of its elements, an inner array an OR")
    func arrayForm() throws {
        let input = FilterInput.all([.any(["a = 1", "b = 2"]), .expression("c = 3")])
        let tree = try #require(try FilterParser.parse(input))
        #expect(S.stripped(tree) == .and([
            .or([S.condition("a", .equals(S.value("1"))), S.condition("b", .equals(S.value("2")))]),
            S.condition("c", .equals(S.value("3"))),
        ]))
        // Positions are offsets into each element's own text.
        guard case .and(let operands) = tree, case .condition(let c) = operands[1] else {
            Issue.record("unexpected tree \(tree)")
            return
        }
        #expect(c.fieldRange == 0..<1)
        #expect(c.test == .equals(FilterValue(text: "3", range: 4..<5)))
    }

    @Test("the array form flattens, skips blanks and is nil when empty")
    func arrayFormEdges() throws {
        let a = S.condition("a", .exists)
        let b = S.condition("b", .exists)
        let c = S.condition("c", .exists)
        func parsed(_ input: FilterInput) throws -> FilterExpression? {
            try FilterParser.parse(input).map(S.stripped)
        }
        #expect(try parsed(.all([])) == nil)
        #expect(try parsed(.expression("")) == nil)
        #expect(try parsed(.expression(" \n\t")) == nil)
        #expect(try parsed(.all([.expression(""), .any([]), .any(["  "])])) == nil)
        #expect(try parsed(.expression("a EXISTS")) == a)
        #expect(try parsed(.all([.expression("a EXISTS")])) == a)
        #expect(try parsed(.all([.any(["a EXISTS"])])) == a)
        #expect(try parsed(.all([.expression("a EXISTS AND b EXISTS"), .expression("c EXISTS")])) == .and([a, b, c]))
        #expect(try parsed(.all([.any(["a EXISTS OR b EXISTS", "c EXISTS"])])) == .or([a, b, c]))
        #expect(try parsed(.all([.any(["a EXISTS AND b EXISTS"]), .expression("c EXISTS")])) == .and([a, b, c]))
        #expect(try parsed(.all([.any(["", "a EXISTS", ""]), .expression(""), .expression("b EXISTS")])) == .and([a, b]))
    }

    @Test("an error in the array form names the element and a position inside it")
    func arrayFormErrors() throws {
        let nested = try #require(S.failure(.all([.expression("a = 1"), .any(["b = 2", "c =", "d ="])])))
        #expect(nested.elementPath == [1, 1])
        #expect(nested.position == 3)
        #expect(nested.source == "c =")
        #expect(nested.message == "expected a value after `=`, found the end of the filter")
        #expect(nested.rendered == "in filter element [1, 1]:\nc =\n   ^ expected a value after `=`, found the end of the filter")

        let outer = try #require(S.failure(.all([.any(["b = 2"]), .expression("x => 1")])))
        #expect(outer.elementPath == [1])
        #expect(outer.position == 2)
        #expect(outer.length == 2)

        let first = try #require(S.failure(.all([.any(["(a = 1"])])))
        #expect(first.elementPath == [0, 0])
        #expect(first.position == 0)

        let plain = try #require(S.failure(.expression("a = ")))
        #expect(plain.elementPath == [])
        #expect(plain.position == 4)
    }

    // MARK: Limits that hold

    @Test("depth 64 and 10,000 list values are accepted")
    func withinLimits() throws {
        let depth = FilterParser.maximumDepth
        let nested = String(repeating: "(", count: depth) + "a = 1" + String(repeating: ")", count: depth)
        #expect(try S.parsed(nested) == S.condition("a", .equals(S.value("1"))))
        let nots = String(repeating: "NOT ", count: depth) + "a EXISTS"
        var expected = S.condition("a", .exists)
        for _ in 0..<depth { expected = .not(expected) }
        #expect(try S.parsed(nots) == expected)
        let list = "id IN [" + (0..<FilterParser.maximumListCount).map(String.init).joined(separator: ",") + "]"
        guard case .condition(let condition) = try FilterParser.parse(list), case .inList(let values) = condition.test else {
            Issue.record("unexpected tree")
            return
        }
        #expect(values.count == FilterParser.maximumListCount)
        // A filter just under 64 KiB: thousands of operands in one OR, parsed by a loop.
        var long = "a = 0"
        var count = 1
        while long.utf8.count + 12 <= FilterParser.maximumLength {
            long += count % 2 == 0 ? " OR a = \(count % 10)" : " AND b > \(count % 10)"
            count += 1
        }
        guard case .or(let operands) = try FilterParser.parse(long) else {
            Issue.record("not an OR")
            return
        }
        #expect(operands.count == (count - 1) / 2 + 1)
    }
}
