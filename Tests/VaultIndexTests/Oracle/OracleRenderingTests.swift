import Testing
import VaultCorpus
import VaultIndex
import VaultTestSupport

/// The generator's filters and their text: every operator drawn, depth within bounds, text that
/// is balanced and parses back (by ``MiniFilterParser``) to the same tree, an array form that
/// selects the same documents.
@Suite("Oracle filter generator and rendering")
struct OracleRenderingTests {
    /// Random PromptVault-like documents: mixed case, quotes, spaces, non-ASCII, missing fields.
    static func documents(_ random: inout SeededRandom, count: Int) -> [Document] {
        let words = ["python", "Python", "SQL & databases", "it's", "say \"hi\"", "café", "ÉCOLE", "", "gpt-4o", "a b", "and", "x,y"]
        return (1...count).map { id in
            var fields: [String: FieldValue] = [:]
            for (field, kind) in OracleFieldKinds.promptVault.kinds.sorted(by: { $0.key < $1.key }) where random.chance(80) {
                switch kind {
                case .string: fields[field] = .string(random.pick(words))
                case .strings: fields[field] = .strings((0..<random.below(4)).map { _ in random.pick(words) })
                case .number: fields[field] = .number(random.chance(20) ? Double(random.below(1000)) / 8 : Double(random.below(50)))
                case .bool: fields[field] = .bool(random.chance(50))
                }
            }
            return Document(id: String(id), fields: fields)
        }
    }

    @Test func canonicalText() {
        let filter = OracleFilter.and([
            .cond("tags", .eq("it's")),
            .or([.cond("views", .gt("10")), .not(.cond("model", .exists))]),
            .cond("category.lvl1", .startsWith("coding/py")),
        ])
        #expect(filter.description == "tags = \"it's\" AND (views > 10 OR NOT model EXISTS) AND category.lvl1 STARTS WITH coding/py")
        #expect(FilterText.canonical(.cond("status", .notIn(["draft", "and", ""]))) == "status NOT IN [draft, \"and\", \"\"]")
        #expect(FilterText.canonical(.not(.and([.cond("a", .between("1", "2")), .cond("say \"x\"", .isNotEmpty)]))) == "NOT (a 1 TO 2 AND 'say \"x\"' IS NOT EMPTY)")
        #expect(FilterText.quoted("a'b\\c", quote: "'") == "'a\\'b\\\\c'")
    }

    @Test func generatedFiltersRoundTripThroughTheirText() throws {
        let seed = OracleSeed.make()
        print("OracleRenderingTests seed: \(seed) (replay with VAULT_TEST_SEED=\(seed))")
        var random = SeededRandom(seed: seed)
        let documents = Self.documents(&random, count: 80) + OracleExamples.documents.map {
            Document(id: "x" + $0.id, fields: $0.fields)
        }
        let kinds = OracleFieldKinds.promptVault
        var generator = RandomFilterGenerator(random: random, documents: documents)
        var operators = Set<OracleOperator>(), depths = Set<Int>()
        var selective = 0, equalities = 0, equalitiesMatching = 0
        for _ in 0..<600 {
            let filter = generator.next()
            depths.insert(filter.depth)
            #expect(filter.depth <= 4)
            #expect(OracleEvaluator.problems(filter, kinds: kinds).isEmpty, "seed \(seed): \(filter)")
            for (field, test) in filter.conditions {
                operators.insert(test.op)
                #expect(!test.operands.contains { $0.contains("\\") })
                if case .eq = test.op {
                    equalities += 1
                    if documents.contains(where: { OracleEvaluator.matches(.condition(field: field, test: test), $0, kinds: kinds) }) { equalitiesMatching += 1 }
                }
            }
            let expected = OracleEvaluator.select(filter, documents, kinds: kinds)
            if !expected.isEmpty && expected.count < documents.count { selective += 1 }

            let text = generator.render(filter)
            #expect(isBalanced(text), "seed \(seed): \(text)")
            let parsed = try MiniFilterParser.parse(text)
            #expect(parsed == filter, "seed \(seed): \(text) parsed as \(parsed), drawn as \(filter)")

            let array = generator.renderArrayForm(filter)
            let fromArray = OracleFilter.and(try array.map { element -> OracleFilter in
                switch element {
                case .filter(let s): return try MiniFilterParser.parse(s)
                case .anyOf(let list): return .or(try list.map { try MiniFilterParser.parse($0) })
                }
            })
            #expect(OracleEvaluator.select(fromArray, documents, kinds: kinds) == expected, "seed \(seed): \(FilterArrayElement.json(array)) vs \(filter)")
            if case .and(let list) = filter { #expect(array.count == list.count) }
        }
        #expect(operators == Set(OracleOperator.allCases), "seed \(seed)")
        #expect(depths.contains(4) && depths.contains(0), "seed \(seed): depths \(depths.sorted())")
        #expect(selective > 200, "seed \(seed): only \(selective) of 600 filters select some but not all documents")
        #expect(equalitiesMatching * 2 > equalities, "seed \(seed): \(equalitiesMatching) of \(equalities) equalities match")
    }

    @Test func renderingVariesSpellingButNotMeaning() {
        var generator = RandomFilterGenerator(random: SeededRandom(seed: 3), documents: OracleExamples.documents)
        let filter = OracleFilter.and([.cond("tags", .in(["python", "debug"])), .not(.cond("model", .isNull))])
        let texts = Set((0..<200).map { _ in generator.render(filter) })
        #expect(texts.count > 50)
        #expect(texts.contains { $0.contains(" and ") } && texts.contains { $0.contains(" AND ") })
        #expect(texts.contains { $0.contains("'tags'") || $0.contains("\"tags\"") })
        #expect(texts.contains { $0.contains("'python'") } && texts.contains { $0.contains("\"python\"") })
        for text in texts { #expect((try? MiniFilterParser.parse(text)) == filter, "\(text)") }
    }

    @Test func asciiOnlyDrawsOnlyASCII() {
        var random = SeededRandom(seed: 11)
        let documents = Self.documents(&random, count: 40)
        var generator = RandomFilterGenerator(random: random, documents: documents, options: .init(asciiOnly: true))
        for _ in 0..<300 {
            let filter = generator.next()
            #expect(filter.conditions.allSatisfy { $0.test.operands.allSatisfy { $0.unicodeScalars.allSatisfy(\.isASCII) } }, "\(filter)")
        }
    }
}
