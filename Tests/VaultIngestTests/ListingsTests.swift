import Foundation
import GRDB
import Testing
import VaultCorpus
import VaultIndex
@testable import VaultIngest

/// The marketplace (migration "v2-marketplace", `Mappings/listings.json`). SQL over the same store
/// is the oracle throughout. Properties checked:
/// 1. The migration upgrades a store made at "v1" in place: prompts, change log and prompts index
///    untouched and still tailed; `listings` gains exactly the designed columns; migrating again is
///    a no-op.
/// 2. A rebuild indexes every listing, each document's fields equal its row (seller's username,
///    price in cents, the linked prompt's id, model and category only while that prompt is public
///    and published), and public searches see exactly the active listings; a seller's scope adds
///    their own.
/// 3. `price < 2000` sorted `price:asc` gives the ids of SQL's `ORDER BY price_cents, id`; the same
///    for a currency filter sorted descending; price stats and currency counts equal SQL's.
/// 4. Through the tailer, edited, repriced, removed, deleted, inserted and re-sold listings, a
///    renamed seller and a linked prompt made private or deleted reach the index, which then
///    equals a rebuild; the prompts' tailer on the same log logs nothing.
/// 5. A store seeded from Corpus/PromptVault holds a few dozen deterministic listings of public,
///    published prompts by their authors, priced 0–99; generated stores list a share of prompts.
@Suite struct ListingsTests {
    /// A generated store with its listings, both change logs, and a listings index.
    final class Fixture {
        let scratch: Scratch
        let store: DatabaseQueue
        let configuration: SourceConfiguration

        init(seed: UInt64 = 61, prompts: Int = 1_500) throws {
            scratch = try Scratch()
            store = try scratch.makePromptVaultStore(
                StoreGenerator(seed: seed, promptCount: prompts, now: TestStore.now, meanEventsPerPrompt: 2).contents())
            configuration = try SourceConfiguration.listings()
            try store.write { db in try ChangeLog.install(configuration, in: db) }
            _ = try IndexRebuilder(configuration: configuration).rebuild(storePath: scratch.store, into: scratch.index, log: { _ in })
        }

        func ids(_ sql: String, _ arguments: StatementArguments = []) throws -> [String] {
            try store.read { db in try Int64.fetchAll(db, sql: sql, arguments: arguments).map(String.init) }
        }

        /// The ids of a placeholder search, every hit (exact totals checked).
        func search(_ filter: String? = nil, sort: [SortKey] = [], scope: SearchScope = .publicOnly, facets: [String] = []) throws -> SearchResults {
            let index = try Index.open(at: scratch.index, readOnly: true)
            var options = SearchOptions(limit: 1_000)
            options.filter = try filter.map { try FilterParser.parse($0) }
            options.sort = sort
            options.facets = facets
            let results = try Searcher(index: index).search("", scope: scope, options: options)
            #expect(results.totalHitsAreExact && results.estimatedTotalHits == results.hits.count)
            return results
        }
    }

    @Test func migrationUpgradesAV1StoreInPlace() throws {
        let scratch = try Scratch()
        let queue = try StoreConnection.create(scratch.store)
        try PromptVaultSchema.migrator.migrate(queue, upTo: "v1")
        _ = try StoreLoader().load(TestStore.contents(seed: 41, prompts: 20), into: queue)
        let promptVault = try SourceConfiguration.promptVault()
        try queue.write { db in try ChangeLog.install(promptVault, in: db) }
        _ = try IndexRebuilder(configuration: promptVault).rebuild(storePath: scratch.store, into: scratch.index, log: { _ in })
        let before = try queue.read { db in (try Row.fetchAll(db, sql: "SELECT * FROM prompts ORDER BY id"), try ChangeLog.installedTriggers(in: db)) }
        #expect(try queue.read { db in try db.tableExists("listings") } == false)

        try PromptVaultSchema.migrate(queue)
        let (applied, columns, promptRows, triggers, listingCount) = try queue.read { db in
            (try PromptVaultSchema.migrator.appliedMigrations(db), try db.columns(in: "listings").map(\.name),
             try Row.fetchAll(db, sql: "SELECT * FROM prompts ORDER BY id"), try ChangeLog.installedTriggers(in: db),
             try Int.fetchOne(db, sql: "SELECT count(*) FROM listings"))
        }
        #expect(applied == PromptVaultSchema.migrations.map(\.identifier))
        #expect(applied.starts(with: ["v1", "v2-marketplace"]))
        #expect(columns == [
            "id", "seller_id", "prompt_id", "title", "description", "price_cents", "currency", "license", "status", "created_at", "updated_at",
        ])
        #expect(promptRows == before.0)
        #expect(triggers == before.1)
        #expect(listingCount == 0)
        // The prompts index and its tailer carry on across the upgrade.
        let tailer = try Tailer(storePath: scratch.store, indexPath: scratch.index, configuration: promptVault, log: { _ in })
        try queue.write { db in try db.execute(sql: "UPDATE prompts SET title = 'after the upgrade' WHERE id = 3") }
        try tailer.catchUp()
        #expect(try documents(at: scratch.index)["3"]?.fields["title"] == .string("after the upgrade"))

        // The new table takes listings, and its change log installs beside the prompts'.
        let listings = try SourceConfiguration.listings()
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO listings(seller_id, prompt_id, title, price_cents, created_at, updated_at, status)
                VALUES (1, 3, 'Pro pack: after the upgrade', 499, 1, 1, 'active')
                """)
            try ChangeLog.install(listings, in: db)
            #expect(try ChangeLog.unrecordedWatch(of: promptVault, in: db) == nil && ChangeLog.unrecordedWatch(of: listings, in: db) == nil)
        }
        let listingsIndex = scratch.path + "/listings"
        #expect(try IndexRebuilder(configuration: listings).rebuild(storePath: scratch.store, into: listingsIndex, log: { _ in }).documents == 1)
        try PromptVaultSchema.migrate(queue)
        #expect(try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM listings") } == 1)
    }

    @Test func rebuildIndexesEveryListingAndShowsTheActiveOnes() throws {
        let f = try Fixture()
        let docs = try documents(at: f.scratch.index)
        let rows = try f.store.read { db in
            try Row.fetchAll(db, sql: """
                SELECT l.*, u.username, p.id AS shown_prompt, m.slug AS model, c.slug AS category FROM listings l JOIN users u ON u.id = l.seller_id
                LEFT JOIN prompts p ON p.id = l.prompt_id AND p.visibility = 'public' AND p.status = 'published'
                LEFT JOIN ai_models m ON m.id = p.model_id LEFT JOIN categories c ON c.id = p.category_id
                """)
        }
        #expect(rows.count >= 60 && docs.count == rows.count)
        for row in rows {
            let id = String(row["id"] as Int64)
            let document = try #require(docs[id])
            #expect(document.fields["title"] == .string(row["title"]))
            #expect(document.fields["price"] == .number(Double(row["price_cents"] as Int)))
            #expect(document.fields["seller"] == .string(row["username"]))
            #expect(document.fields["status"] == .string(row["status"]))
            #expect(document.fields["currency"] == .string(row["currency"]))
            #expect(document.fields["license"] == .string(row["license"]))
            #expect(document.fields["promptId"] == (row["shown_prompt"] as Int64?).map { .number(Double($0)) })
            #expect(document.fields["model"] == (row["model"] as String?).map { .string($0) })
            #expect(document.fields["category"] == (row["category"] as String?).map { .string($0) })
            #expect(document.fields["createdAt"] == .number(Double(row["created_at"] as Int64)))
        }
        let active = try f.ids("SELECT id FROM listings WHERE status = 'active' ORDER BY id")
        #expect(active.count * 10 > rows.count * 5 && active.count < rows.count, "test data: a mix of statuses")
        #expect(try f.search().hits.map(\.id) == active)
        let seller = try #require(try f.store.read { db in
            try String.fetchOne(db, sql: "SELECT u.username FROM listings l JOIN users u ON u.id = l.seller_id WHERE l.status != 'active' ORDER BY l.id LIMIT 1")
        })
        let own = try f.ids(
            "SELECT l.id FROM listings l JOIN users u ON u.id = l.seller_id WHERE l.status = 'active' OR u.username = ? ORDER BY l.id", [seller])
        #expect(try f.search(scope: .owner(seller)).hits.map(\.id) == own)
        #expect(own.count > active.count)
    }

    @Test func priceFilterAndSortEqualSQL() throws {
        let f = try Fixture()
        let cheap = try f.search("price < 2000", sort: [SortKey(field: "price", descending: false)], facets: ["currency", "price"])
        let expected = try f.ids("SELECT id FROM listings WHERE status = 'active' AND price_cents < 2000 ORDER BY price_cents, id")
        #expect(cheap.hits.map(\.id) == expected)
        #expect(expected.count >= 20)
        let (low, high, currencies) = try f.store.read { db in
            (try Double.fetchOne(db, sql: "SELECT min(price_cents) FROM listings WHERE status = 'active' AND price_cents < 2000"),
             try Double.fetchOne(db, sql: "SELECT max(price_cents) FROM listings WHERE status = 'active' AND price_cents < 2000"),
             try Row.fetchAll(db, sql: "SELECT currency, count(*) AS n FROM listings WHERE status = 'active' AND price_cents < 2000 GROUP BY currency ORDER BY n DESC, currency"))
        }
        #expect(cheap.facetStats["price"] == FacetStats(min: try #require(low), max: try #require(high)))
        #expect(cheap.facetDistribution["currency"]?.map { "\($0.value) \($0.count)" } == currencies.map { "\($0["currency"] as String) \($0["n"] as Int)" })

        let usd = try f.search("currency = USD AND price >= 999", sort: [SortKey(field: "price", descending: true)])
        #expect(usd.hits.map(\.id) == (try f.ids("SELECT id FROM listings WHERE status = 'active' AND currency = 'USD' AND price_cents >= 999 ORDER BY price_cents DESC, id")))
    }

    @Test func tailerCarriesListingChangesIntoTheIndex() throws {
        let f = try Fixture(seed: 62, prompts: 800)
        let log = LogLines()
        let tailer = try Tailer(storePath: f.scratch.store, indexPath: f.scratch.index, configuration: f.configuration, log: log.sink)
        let promptsIndex = f.scratch.path + "/prompts"
        let promptVault = try SourceConfiguration.promptVault()
        _ = try IndexRebuilder(configuration: promptVault).rebuild(storePath: f.scratch.store, into: promptsIndex, log: { _ in })
        let prompts = try Tailer(storePath: f.scratch.store, indexPath: promptsIndex, configuration: promptVault, log: log.sink)
        let active = try f.ids("SELECT id FROM listings WHERE status = 'active' ORDER BY id")
        let (edited, repriced, removed, deleted) = (active[0], active[1], active[2], active[3])
        let linked = try #require(try f.store.read { db in
            try Row.fetchOne(db, sql: "SELECT id, prompt_id FROM listings WHERE prompt_id IS NOT NULL AND id > ? ORDER BY id LIMIT 1", arguments: [deleted])
        })
        let orphaned = try #require(try f.store.read { db in
            try Row.fetchOne(db, sql: "SELECT id, prompt_id FROM listings WHERE prompt_id IS NOT NULL AND prompt_id != ? ORDER BY id DESC LIMIT 1", arguments: [linked["prompt_id"] as Int64])
        })
        try f.store.write { db in
            try db.execute(sql: "UPDATE listings SET title = 'Zebrafish habitat planner pack', updated_at = updated_at + 1 WHERE id = ?", arguments: [edited])
            try db.execute(sql: "UPDATE listings SET price_cents = 1 WHERE id = ?", arguments: [repriced])
            try db.execute(sql: "UPDATE listings SET status = 'removed' WHERE id = ?", arguments: [removed])
            try db.execute(sql: "DELETE FROM listings WHERE id = ?", arguments: [deleted])
            try db.execute(sql: "UPDATE listings SET status = 'active' WHERE id = (SELECT id FROM listings WHERE status = 'draft' LIMIT 1)")
            try db.execute(sql: "INSERT INTO listings(seller_id, title, price_cents, status, created_at, updated_at) VALUES (2, 'Brand new bundle', 0, 'active', 5, 5)")
            try db.execute(sql: "UPDATE users SET username = 'renamed_seller' WHERE id = (SELECT seller_id FROM listings WHERE id = ?)", arguments: [repriced])
            try db.execute(sql: "UPDATE prompts SET visibility = 'private' WHERE id = ?", arguments: [linked["prompt_id"] as Int64])
            try db.execute(sql: "DELETE FROM prompts WHERE id = ?", arguments: [orphaned["prompt_id"] as Int64])
        }
        #expect(try tailer.catchUp() > 0)
        try prompts.catchUp()
        #expect(log.all.isEmpty, "\(log.all)")

        let docs = try documents(at: f.scratch.index)
        #expect(docs[edited]?.fields["title"] == .string("Zebrafish habitat planner pack"))
        #expect(docs[repriced]?.fields["price"] == .number(1) && docs[repriced]?.fields["seller"] == .string("renamed_seller"))
        #expect(docs[removed]?.fields["status"] == .string("removed") && docs[deleted] == nil)
        let linkedID = String(linked["id"] as Int64), orphanedID = String(orphaned["id"] as Int64)
        #expect(docs[linkedID]?.fields["promptId"] == nil && docs[linkedID]?.fields["category"] == nil, "a private prompt's id and category leak through its listing")
        #expect(docs[orphanedID] != nil && docs[orphanedID]?.fields["promptId"] == nil)
        let searcher = try Searcher(index: try Index.open(at: f.scratch.index, readOnly: true))
        #expect(try searcher.search("zebrafish", scope: .publicOnly).hits.map(\.id) == [edited])
        #expect(try f.search().hits.map(\.id).sorted() == (try f.ids("SELECT id FROM listings WHERE status = 'active'")).sorted())
        // Ties on price fall to doc numbers, which changed for the updated listings: compare as price runs.
        let prices = try f.search("price < 2000", sort: [SortKey(field: "price", descending: false)]).hits.map { docs[$0.id]?.fields["price"] }
        let sqlPrices = try f.store.read { db in
            try Int.fetchAll(db, sql: "SELECT price_cents FROM listings WHERE status = 'active' AND price_cents < 2000 ORDER BY price_cents").map { FieldValue.number(Double($0)) }
        }
        #expect(prices == sqlPrices)

        let rebuilt = f.scratch.path + "/rebuilt"
        _ = try IndexRebuilder(configuration: f.configuration).rebuild(storePath: f.scratch.store, into: rebuilt, log: { _ in })
        #expect(docs == (try documents(at: rebuilt)))
    }

    @Test func sampleStoreHasAFewDozenListings() throws {
        let sample = try SampleStore(folder: SampleStore.bundledFolder, now: TestStore.now)
        #expect(sample.listings == (try SampleStore(folder: SampleStore.bundledFolder, now: TestStore.now)).listings)
        let scratch = try Scratch()
        let queue = try scratch.makePromptVaultStore(sample.contents(seed: 3))
        try queue.read { db in
            let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM listings") ?? 0
            #expect((25...60).contains(count), "\(count) listings")
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM listings WHERE price_cents NOT BETWEEN 0 AND 9900") == 0)
            #expect(try Int.fetchOne(db, sql: """
                SELECT count(*) FROM listings l JOIN prompts p ON p.id = l.prompt_id
                WHERE p.visibility != 'public' OR p.status != 'published' OR l.seller_id != p.author_id OR l.created_at < p.created_at
                """) == 0)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM listings WHERE prompt_id IS NULL") ?? 0 >= 3)
            #expect(try Int.fetchOne(db, sql: "SELECT count(DISTINCT status) FROM listings") ?? 0 >= 3)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM listings WHERE status = 'active' AND price_cents < 2000") ?? 0 >= 10)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM listings WHERE title LIKE 'Pro pack: %'") ?? 0 >= 10)
        }
        let generated = StoreGenerator(seed: 63, promptCount: 3_000, now: TestStore.now)
        let listings = Array(generated.listings)
        #expect(listings == Array(StoreGenerator(seed: 63, promptCount: 3_000, now: TestStore.now).listings))
        #expect(listings.map(\.id) == (1...Int64(listings.count)).map { $0 })
        #expect((200...360).contains(listings.count), "\(listings.count) listings for 3,000 prompts")
    }
}
