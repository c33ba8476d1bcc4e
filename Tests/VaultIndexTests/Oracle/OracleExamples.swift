import VaultIndex
import VaultTestSupport

/// Five hand-written PromptVault-like documents (ids "1"…"5") for the oracle's worked examples.
enum OracleExamples {
    static let documents: [Document] = [
        Document(id: "1", fields: [
            "slug": .string("debug-python"), "tags": .strings(["Python", "debug"]), "category": .string("python"),
            "category.lvl0": .string("coding"), "category.lvl1": .string("coding/python"), "model": .string("gpt-4o"),
            "provider": .string("OpenAI"), "author": .string("ann"), "visibility": .string("public"),
            "status": .string("published"), "featured": .bool(true), "staffPick": .bool(false), "views": .number(10),
            "ratingAvg": .number(4.5), "publishedAt": .number(100), "createdAt": .number(50),
        ]),
        Document(id: "2", fields: [
            "slug": .string(""), "tags": .strings([]), "category": .string("writing"), "category.lvl0": .string("writing"),
            "author": .string("Bob"), "visibility": .string("private"), "status": .string("draft"),
            "featured": .bool(false), "staffPick": .bool(false), "views": .number(0), "ratingAvg": .number(0),
            "createdAt": .number(60),
        ]),
        Document(id: "3", fields: [
            "slug": .string("sql-help"), "tags": .strings(["python", "SQL & databases"]), "category": .string("coding"),
            "category.lvl0": .string("coding"), "model": .string("claude"), "provider": .string("Anthropic"),
            "author": .string("ann"), "visibility": .string("public"), "status": .string("archived"),
            "featured": .bool(false), "staffPick": .bool(true), "views": .number(250), "ratingAvg": .number(3.25),
            "publishedAt": .number(200), "forkedFrom": .number(1), "createdAt": .number(70),
        ]),
        Document(id: "4", fields: [
            "slug": .string("x"), "author": .string("Ünal"), "visibility": .string("unlisted"), "status": .string("published"),
            "views": .number(10), "title": .string("secret"), "shares": .number(5), "createdAt": .number(80),
        ]),
        Document(id: "5", fields: [
            "slug": .string("it's"), "tags": .strings(["it's"]), "category": .string("coding-sql"),
            "category.lvl0": .string("coding"), "category.lvl1": .string("coding/sql"), "category.lvl2": .string("coding/sql/joins"),
            "model": .string("GPT-4o"), "provider": .string("openai"), "author": .string("ÜNAL"), "featured": .bool(true),
            "views": .number(-5), "ratingAvg": .number(4.5), "publishedAt": .number(100), "createdAt": .number(90),
        ]),
    ]

    static func ids(_ filter: OracleFilter) -> [String] {
        OracleEvaluator.select(filter, documents, kinds: .promptVault)
    }
}
