import Foundation
import GRDB
import Testing
import VaultCorpus
import VaultIndex
import VaultTestSupport
@testable import VaultIngest

/// The oracle evaluator against SQLite: documents built by ``DocumentBuilder`` from a generated
/// PromptVault store, filters rendered to SQL by ``SQLFilterRenderer`` over the store's tables.
/// Agreement checks both the evaluator and the mapping's documents (two independent routes from
/// the same rows). Here rather than in VaultIndexTests: it needs the ingest layer.
@Suite("Oracle evaluator equals SQL over a PromptVault store")
struct OracleSQLTests {
    @Test func randomFiltersSelectTheSameIDsAsSQL() throws {
        let seed = OracleSeed.make()
        print("OracleSQLTests seed: \(seed) (replay with VAULT_TEST_SEED=\(seed))")
        let scratch = try Scratch()
        let queue = try StoreConnection.create(scratch.store)
        try PromptVaultSchema.migrate(queue)
        let generator = StoreGenerator(seed: seed, promptCount: 300, now: TestStore.now, meanEventsPerPrompt: 4)
        _ = try StoreLoader().load(generator.contents(), into: queue)
        let log = LogLines()
        let builder = DocumentBuilder(configuration: try SourceConfiguration.promptVault(), log: log.sink)
        let documents = try queue.read { db in
            try builder.documents(for: (1...300).map { RootID.integer($0) }, in: db)
        }.values.sorted { Int($0.id)! < Int($1.id)! }
        #expect(documents.count == 300)
        #expect(log.all.isEmpty, "\(log.all.prefix(3))")
        let kinds = OracleFieldKinds.promptVault
        // SQLite's lower() folds ASCII only: see SQLFilterRenderer.storeTextIsFaithful.
        for document in documents {
            for (field, value) in document.fields where kinds.isFilterable(field) {
                #expect(BruteForceFacets.facetTexts(value).allSatisfy(SQLFilterRenderer.storeTextIsFaithful), "\(document.id).\(field)")
            }
        }

        func check(_ filter: OracleFilter) throws -> [String] {
            let condition = try #require(SQLFilterRenderer.render(filter), "seed \(seed): \(filter) is outside the SQL subset")
            let sql = try queue.read { db in try OracleSQL.matchingIDs(condition, in: db) }
            let oracle = OracleEvaluator.select(filter, documents, kinds: kinds)
            #expect(sql == oracle, "seed \(seed): \(filter)\nSQL: \(condition.sql)\nonly SQL: \(Set(sql).subtracting(oracle).sorted())\nonly oracle: \(Set(oracle).subtracting(sql).sorted())")
            return oracle
        }

        // Fixed filters on the fields whose absence or emptiness the store produces.
        for filter: OracleFilter in [
            .cond("tags", .isEmpty), .cond("tags", .isNotEmpty), .cond("tags", .exists), .cond("model", .notExists),
            .cond("provider", .isNull), .cond("publishedAt", .isNull), .cond("forkedFrom", .isNotNull),
            .cond("category.lvl2", .exists), .cond("category.lvl1", .startsWith("coding/")), .cond("provider", .eq("openai")),
            .cond("provider", .neq("OPENAI")), .cond("featured", .eq("true")), .cond("status", .notIn(["published"])),
        ] {
            _ = try check(filter)
        }

        var filters = RandomFilterGenerator(random: SeededRandom(seed: seed ^ 0x5157_0AC1E), documents: documents, options: .init(asciiOnly: true))
        var selective = 0
        for _ in 0..<200 {
            let selected = try check(filters.next())
            if !selected.isEmpty && selected.count < documents.count { selective += 1 }
        }
        print("OracleSQLTests: \(selective) of 200 random filters select some but not all of \(documents.count) documents")
        #expect(selective >= 80, "seed \(seed): only \(selective) selective filters")
    }

    @Test func filtersOutsideTheSubsetRenderNil() {
        #expect(SQLFilterRenderer.render(.cond("author", .eq("ünal"))) == nil)
        #expect(SQLFilterRenderer.render(.cond("title", .eq("x"))) == nil)
        #expect(SQLFilterRenderer.render(.cond("views", .gt("abc"))) == nil)
        #expect(SQLFilterRenderer.render(.cond("tags", .gte("1"))) == nil)
        #expect(SQLFilterRenderer.render(.and([.cond("views", .gt("1")), .not(.cond("nope", .exists))])) == nil)
        #expect(SQLFilterRenderer.render(.cond("views", .eq("abc")))?.sql == "coalesce((0), 0)")
        #expect(SQLFilterRenderer.storeTextIsFaithful("CAFÉ résumé"))
        #expect(!SQLFilterRenderer.storeTextIsFaithful("\u{212A}elvin"))
        #expect(!SQLFilterRenderer.storeTextIsFaithful("İstanbul"))
    }
}
