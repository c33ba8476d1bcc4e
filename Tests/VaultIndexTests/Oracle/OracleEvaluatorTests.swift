import Testing
import VaultIndex
import VaultTestSupport

/// Worked examples of the filter semantics: expected ids computed by hand over
/// ``OracleExamples/documents``.
@Suite("Oracle evaluator: hand-computed examples")
struct OracleEvaluatorTests {
    static let all = ["1", "2", "3", "4", "5"]

    /// (filter, expected ids), one group per operator.
    static let examples: [(OracleFilter, [String])] = [
        // = on strings, lists, numbers, bools
        (.cond("tags", .eq("python")), ["1", "3"]),
        (.cond("tags", .eq("PYTHON")), ["1", "3"]),
        (.cond("tags", .eq("sql & databases")), ["3"]),
        (.cond("provider", .eq("openai")), ["1", "5"]),
        (.cond("model", .eq("gpt-4O")), ["1", "5"]),
        (.cond("author", .eq("ünal")), ["4", "5"]),
        (.cond("slug", .eq("")), ["2"]),
        (.cond("views", .eq("10")), ["1", "4"]),
        (.cond("views", .eq("10.0")), ["1", "4"]),
        (.cond("views", .eq(" 10 ")), ["1", "4"]),
        (.cond("views", .eq("1e1")), ["1", "4"]),
        (.cond("views", .eq("abc")), []),
        (.cond("views", .eq("nan")), []),
        (.cond("ratingAvg", .eq("4.50")), ["1", "5"]),
        (.cond("featured", .eq("true")), ["1", "5"]),
        (.cond("featured", .eq("TRUE")), ["1", "5"]),
        (.cond("featured", .eq("false")), ["2", "3"]),
        (.cond("featured", .eq("1")), []),
        (.cond("title", .eq("secret")), []),   // not filterable: absent
        (.cond("shares", .eq("5")), []),
        // != is NOT =
        (.cond("tags", .neq("python")), ["2", "4", "5"]),
        (.cond("provider", .neq("OpenAI")), ["2", "3", "4"]),
        (.cond("views", .neq("abc")), all),
        (.cond("featured", .neq("true")), ["2", "3", "4"]),
        // ranges
        (.cond("views", .gt("0")), ["1", "3", "4"]),
        (.cond("views", .gte("0")), ["1", "2", "3", "4"]),
        (.cond("views", .lt("10")), ["2", "5"]),
        (.cond("views", .lte("10")), ["1", "2", "4", "5"]),
        (.cond("publishedAt", .gt("0")), ["1", "3", "5"]),
        (.cond("ratingAvg", .gte("3.25")), ["1", "3", "5"]),
        (.cond("views", .gt("abc")), []),
        (.cond("views", .between("0", "10")), ["1", "2", "4"]),
        (.cond("views", .between("10", "0")), []),
        (.cond("views", .between("-5", "-5")), ["5"]),
        // IN, NOT IN
        (.cond("status", .in(["draft", "ARCHIVED"])), ["2", "3"]),
        (.cond("status", .notIn(["draft", "archived"])), ["1", "4", "5"]),
        (.cond("tags", .in(["debug", "it's"])), ["1", "5"]),
        (.cond("views", .in(["0", "250", "abc"])), ["2", "3"]),
        (.cond("featured", .in(["true"])), ["1", "5"]),
        (.cond("tags", .in([])), []),
        (.cond("tags", .notIn([])), all),
        // EXISTS, NULL
        (.cond("model", .exists), ["1", "3", "5"]),
        (.cond("model", .notExists), ["2", "4"]),
        (.cond("tags", .exists), ["1", "2", "3", "5"]),
        (.cond("tags", .notExists), ["4"]),
        (.cond("publishedAt", .isNull), ["2", "4"]),
        (.cond("publishedAt", .isNotNull), ["1", "3", "5"]),
        (.cond("title", .notExists), all),
        // EMPTY
        (.cond("slug", .isEmpty), ["2"]),
        (.cond("tags", .isEmpty), ["2"]),
        (.cond("slug", .isNotEmpty), ["1", "3", "4", "5"]),
        (.cond("tags", .isNotEmpty), ["1", "3", "4", "5"]),
        (.cond("views", .isEmpty), []),
        (.cond("featured", .isEmpty), []),
        (.cond("model", .isNotEmpty), all),
        // STARTS WITH
        (.cond("category.lvl1", .startsWith("coding/")), ["1", "5"]),
        (.cond("category.lvl0", .startsWith("COD")), ["1", "3", "5"]),
        (.cond("tags", .startsWith("SQL")), ["3"]),
        (.cond("tags", .startsWith("py")), ["1", "3"]),
        (.cond("author", .startsWith("ü")), ["4", "5"]),
        (.cond("views", .startsWith("1")), []),
        (.cond("slug", .startsWith("")), all),
        // AND, OR, NOT
        (.not(.or([.cond("tags", .eq("python")), .cond("featured", .eq("true"))])), ["2", "4"]),
        (.or([.and([.cond("status", .eq("published")), .cond("views", .gt("5"))]), .cond("staffPick", .eq("true"))]), ["1", "3", "4"]),
        (.and([.cond("category.lvl0", .eq("coding")), .not(.cond("model", .eq("claude")))]), ["1", "5"]),
        (.not(.not(.cond("author", .eq("ANN")))), ["1", "3"]),
        (.and([]), all),
        (.or([]), []),
    ]

    @Test func everyOperatorOnHandComputedDocuments() {
        let covered = Set(Self.examples.flatMap { $0.0.conditions.map(\.test.op) })
        #expect(covered == Set(OracleOperator.allCases))
        for (filter, expected) in Self.examples {
            #expect(OracleExamples.ids(filter) == expected, "\(filter)")
        }
    }

    @Test func problemsAreWhatTheEngineMustRefuse() {
        let kinds = OracleFieldKinds.promptVault
        #expect(OracleEvaluator.problems(.cond("views", .gt("10")), kinds: kinds).isEmpty)
        #expect(OracleEvaluator.problems(.cond("tags", .eq("x")), kinds: kinds).isEmpty)
        #expect(OracleEvaluator.problems(.cond("views", .eq("abc")), kinds: kinds).isEmpty)
        #expect(OracleEvaluator.problems(.cond("views", .gt("abc")), kinds: kinds).count == 1)
        #expect(OracleEvaluator.problems(.cond("tags", .gt("1")), kinds: kinds).count == 1)
        #expect(OracleEvaluator.problems(.cond("title", .eq("x")), kinds: kinds).count == 1)
        #expect(OracleEvaluator.problems(.cond("nope", .exists), kinds: kinds).count == 1)
        #expect(OracleEvaluator.problems(.not(.cond("featured", .between("a", "1"))), kinds: kinds).count == 2)
    }
}
