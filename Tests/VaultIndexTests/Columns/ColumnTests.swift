import Foundation
import Testing
@testable import VaultIndex

/// Columns, filters, facets, sort and scope on a hand-written index (``ColumnFixture``), each
/// expected value worked out by hand from the fixture's table:
/// 1. filters over strings (case-insensitive), lists, paths, numbers, flags, NOT and STARTS WITH;
/// 2. facet counts (hierarchical levels included) and numeric facet stats over the matches only;
/// 3. sort with missing values last and relevance breaking ties;
/// 4. a change of counters or visibility is applied in place (same doc number, no postings
///    rewritten) and moves the document in and out of filters and scopes at once;
/// 5. a change of attributes rebuilds the columns from the stored documents;
/// 6. `check()` verifies the columns and reports a damaged one.
@Suite("columns, filters, facets and sort")
struct ColumnTests {
    @Test("filters select by hand-computed ids, inside the public scope")
    func filters() throws {
        let fixture = try ColumnFixture(); defer { fixture.cleanUp() }
        #expect(try fixture.ids(filter: "tags = PYTHON") == ["1", "2"], "case-insensitive; 6 is unlisted")
        #expect(try fixture.ids(filter: "tags = python", scope: .owner("cy")) == ["1", "2", "6"])
        #expect(try fixture.ids(filter: "category.lvl1 = writing/email") == ["3"], "5 is a draft")
        #expect(try fixture.ids(filter: "category.lvl0 STARTS WITH cod") == ["1", "2"])
        #expect(try fixture.ids(filter: "views > 100") == ["1", "3"])
        #expect(try fixture.ids(filter: "views 80 TO 120") == ["1", "2"])
        #expect(try fixture.ids(filter: "ratingAvg NOT EXISTS", scope: .unrestricted) == ["4", "5"])
        #expect(try fixture.ids(filter: "NOT model = gpt-4o") == ["2"])
        #expect(try fixture.ids(filter: "model != gpt-4o AND featured = false") == ["2"])
        #expect(try fixture.ids(filter: "featured = true OR views < 90") == ["1", "2"])
        #expect(try fixture.ids(filter: "model IN [claude, o3]", scope: .unrestricted) == ["2", "5", "6"])
        #expect(try fixture.ids(filter: "author = ana AND tags NOT IN [sales]", scope: .owner("ana")) == ["1", "4"])
        #expect(try fixture.ids("python", filter: "model = claude") == ["2"], "a text query under a filter")
    }

    @Test("facets count every match, levels count ancestors, stats cover numbers")
    func facets() throws {
        let fixture = try ColumnFixture(); defer { fixture.cleanUp() }
        let all = try fixture.results { $0.facets = ["tags", "category.lvl0", "category.lvl1", "views", "featured"] }
        func counts(_ facet: String) -> [String] { (all.facetDistribution[facet] ?? []).map { "\($0.value) \($0.count)" } }
        // Public + published: 1, 2, 3.
        #expect(counts("tags") == ["Python 2", "Debugging 1", "Education 1", "Email 1", "Sales 1"], "python and Python are one value, spelled as first indexed")
        #expect(counts("category.lvl0") == ["coding 2", "writing 1"])
        #expect(counts("category.lvl1") == ["coding/python 2", "writing/email 1"])
        #expect(counts("featured") == ["false 2", "true 1"])
        #expect(all.facetStats["views"] == FacetStats(min: 80, max: 300))
        #expect(all.estimatedTotalHits == 3 && all.totalHitsAreExact)
        let python = try fixture.results("python") { $0.facets = ["tags"]; $0.sortFacetValuesBy = ["tags": .alpha] }
        #expect(python.facetDistribution["tags"]?.map(\.value) == ["Debugging", "Education", "Python"])
        let owner = try fixture.results(scope: .owner("ana")) { $0.facets = ["tags"]; $0.maxValuesPerFacet = 2 }
        #expect(owner.facetDistribution["tags"]?.map { "\($0.value) \($0.count)" } == ["Python 2", "Debugging 1"])
    }

    @Test("sort keys order hits, missing values go last, relevance breaks ties; pages count exactly")
    func sort() throws {
        let fixture = try ColumnFixture(); defer { fixture.cleanUp() }
        #expect(try fixture.ids { $0.sort = [SortKey(field: "views", descending: true)] } == ["3", "1", "2"])
        #expect(try fixture.ids(scope: .unrestricted) { $0.sort = [try! SortKey.parse("ratingAvg:asc")] } == ["6", "3", "1", "2", "4", "5"])
        #expect(try fixture.ids(scope: .unrestricted) { $0.sort = [try! SortKey.parse("ratingAvg:desc")] } == ["2", "1", "3", "6", "4", "5"])
        // In cy's scope "python" matches 1, 2 and 6; only 1 is featured, so 2 and 6 tie on the key
        // and keep their relevance order.
        let byRelevance = try fixture.ids("python", scope: .owner("cy"))
        let sorted = try fixture.ids("python", scope: .owner("cy")) { $0.sort = [SortKey(field: "featured", descending: true)] }
        #expect(sorted.first == "1", "the only featured python prompt first")
        #expect(Array(sorted.dropFirst()) == byRelevance.filter { $0 != "1" }, "ties in relevance order")
        let page = try fixture.results(scope: .unrestricted) { $0.page = 2; $0.hitsPerPage = 4 }
        #expect(page.hits.map(\.id) == ["5", "6"] && page.totalHits == 6 && page.totalPages == 2)
    }

    @Test("a counter or visibility change is applied in place and moves filters and scopes at once")
    func inPlace() throws {
        let fixture = try ColumnFixture(); defer { fixture.cleanUp() }
        let before = try fixture.index.snapshot()
        let number = try #require(try before.documentNumber(id: "3"))
        let pythonBlocks = try #require(try before.skipTable("python")).blockIDs
        before.close()
        var changed = ColumnFixture.documents[2]
        changed.fields["views"] = .number(5)
        changed.fields["visibility"] = .string("private")
        let summary = try IndexWriter(index: fixture.index).apply([.upsert(changed)])
        #expect(summary.replaced == 1 && summary.replacedInPlace == 1)
        let after = try fixture.index.snapshot()
        #expect(try after.documentNumber(id: "3") == number, "same doc number: no delete and re-add")
        #expect(try after.skipTable("python")?.blockIDs == pythonBlocks)
        #expect(try after.check().isEmpty)
        after.close()
        #expect(try fixture.ids(filter: "views < 10", scope: .owner("ana")) == ["3", "4"])
        #expect(try fixture.ids("cold email") == [], "private now: out of the public scope")
        #expect(try fixture.ids("cold email", scope: .owner("ana")) == ["3"])
        // A text change is a full replacement (new doc number).
        changed.fields["title"] = .string("Warm email writer")
        let text = try IndexWriter(index: fixture.index).apply([.upsert(changed)])
        #expect(text.replaced == 1 && text.replacedInPlace == 0)
        #expect(try fixture.index.snapshot().documentNumber(id: "3") != number)
        #expect(try fixture.index.snapshot().check().isEmpty)
    }

    @Test("changing attributes rebuilds the columns without a text rebuild")
    func settingsChange() throws {
        let fixture = try ColumnFixture(); defer { fixture.cleanUp() }
        #expect(throws: IndexError.self) { try fixture.ids { $0.facets = ["ratingAvg"] } }
        var settings = ColumnFixture.settings
        settings.attributes.removeAll { $0.name == "ratingAvg" || $0.name == "model" }
        settings.attributes.append(AttributeSettings(name: "ratingAvg", type: .number, filterable: true, facetable: true))
        #expect(try fixture.index.updateSettings(settings), "the columns were rebuilt")
        #expect(try fixture.results { $0.facets = ["ratingAvg"] }.facetStats["ratingAvg"] == FacetStats(min: 3, max: 4.9))
        #expect(try fixture.results { $0.facets = ["ratingAvg"] }.facetDistribution["ratingAvg"]?.map(\.value) == ["3", "4.5", "4.9"])
        #expect(throws: IndexError.self) { try fixture.ids(filter: "model = claude") }
        #expect(try fixture.index.snapshot().check().isEmpty)
        var ranking = settings
        ranking.k1 = 1.5
        #expect(try !fixture.index.updateSettings(ranking), "a ranking change leaves the columns")
    }

    @Test("check() reports a damaged facet set")
    func damagedColumn() throws {
        let fixture = try ColumnFixture(); defer { fixture.cleanUp() }
        #expect(try fixture.index.snapshot().check().isEmpty)
        let snapshot = try fixture.index.snapshot()
        let entry = try #require(try snapshot.facetEntry(field: "tags", kind: .value, value: "python"))
        snapshot.close()
        try fixture.index.environment.write { txn in
            try txn.put(fixture.index.databases.facetSets, key: ColumnKeys.setKey(set: entry.set, high: 0), value: DocSetContainer.encode([0]))
        }
        let problems = try fixture.index.snapshot().check()
        #expect(problems.contains { $0.contains("facet 'tags' value 'python'") }, "\(problems)")
    }
}
