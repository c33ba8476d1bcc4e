import Foundation
import Testing
@testable import VaultIndex

/// Private, unlisted and draft documents never leave their owner's scope, through any entry point
/// (``ColumnFixture``: 4 is ana's private prompt and the only one with the word "zyxwvut" and the
/// tag "Internal"; 5 is ben's draft; 6 is cy's unlisted prompt):
/// 1. hits and totals of text and placeholder searches;
/// 2. facet values and counts;
/// 3. facet search;
/// 4. did-you-mean (a word only a private prompt has is never suggested outside its owner's scope);
/// 5. similar documents;
/// 6. document fetch by id or number;
/// 7. a filter can only narrow the scope, never widen it.
@Suite("visibility scope")
struct ScopeTests {
    @Test("hits, totals and facets stay in the scope")
    func hitsAndFacets() throws {
        let fixture = try ColumnFixture(); defer { fixture.cleanUp() }
        let everyone = try fixture.results { $0.facets = ["tags", "author"]; $0.page = 1 }
        #expect(everyone.hits.map(\.id) == ["1", "2", "3"] && everyone.totalHits == 3)
        #expect(!(everyone.facetDistribution["tags"] ?? []).contains { $0.value == "Internal" })
        #expect(everyone.facetDistribution["author"]?.map { "\($0.value) \($0.count)" } == ["ana 2", "ben 1"])
        let ana = try fixture.results(scope: .owner("ana")) { $0.facets = ["tags"] }
        #expect(ana.hits.map(\.id) == ["1", "2", "3", "4"])
        #expect((ana.facetDistribution["tags"] ?? []).contains { $0.value == "Internal" && $0.count == 1 })
        // `*` lists only facets some visible document has: a field only ana's private prompt carries
        // shows in her scope, not in the public one.
        var settings = ColumnFixture.settings
        settings.attributes.append(AttributeSettings(name: "codename", type: .string, filterable: true, facetable: true))
        try fixture.index.updateSettings(settings)
        var secret = ColumnFixture.documents[3]
        secret.fields["codename"] = .string("bluebird")
        try IndexWriter(index: fixture.index).apply([.upsert(secret)])
        #expect(try fixture.results { $0.facets = ["*"] }.facetDistribution["codename"] == nil)
        #expect(try fixture.results(scope: .owner("ana")) { $0.facets = ["*"] }.facetDistribution["codename"] == [FacetValueCount(value: "bluebird", count: 1)])
        #expect(try fixture.results { $0.facets = ["codename"] }.facetDistribution["codename"] == [], "named explicitly: present, empty")
        #expect(try fixture.ids("secret notes") == [])
        #expect(try fixture.ids("secret notes", scope: .owner("ben")) == [])
        #expect(try fixture.ids("secret notes", scope: .owner("ana")) == ["4"])
        #expect(try fixture.ids(filter: "visibility = private OR status = draft") == [], "a filter cannot widen the scope")
        #expect(try fixture.ids(filter: "visibility = private", scope: .owner("ana")) == ["4"])
    }

    @Test("the estimated total counts only documents the scope sees")
    func estimatedTotals() throws {
        let fixture = try ColumnFixture(); defer { fixture.cleanUp() }
        // A document frequency counts the private prompt too; the estimate must not.
        for limit in [1, 100] {
            let publicly = try fixture.results("zyxwvut") { $0.limit = limit }
            #expect(publicly.hits.isEmpty && publicly.estimatedTotalHits == 0)
            let mixed = try fixture.results("secret zyxwvut notes python") { $0.limit = limit }
            let visible = try fixture.results("secret zyxwvut notes python") { $0.page = 1; $0.hitsPerPage = 100 }
            #expect(mixed.estimatedTotalHits == visible.totalHits, Comment(rawValue: "limit \(limit): estimate \(mixed.estimatedTotalHits), visible \(visible.totalHits ?? -1)"))
        }
        #expect(try fixture.results("zyxwvut", scope: .owner("ana")).estimatedTotalHits == 1)
    }

    @Test("facet search shows only values with a visible document")
    func facetSearch() throws {
        let fixture = try ColumnFixture(); defer { fixture.cleanUp() }
        let searcher = try Searcher(index: fixture.index)
        let snapshot = try fixture.index.snapshot()
        #expect(try searcher.facetSearch(facet: "tags", facetQuery: "inter", scope: .publicOnly, in: snapshot).isEmpty)
        #expect(try searcher.facetSearch(facet: "tags", facetQuery: "inter", scope: .owner("ana"), in: snapshot) == [FacetValueCount(value: "Internal", count: 1)])
        #expect(try searcher.facetSearch(facet: "tags", facetQuery: "pyth", scope: .publicOnly, in: snapshot) == [FacetValueCount(value: "Python", count: 2)])
        #expect(try searcher.facetSearch(facet: "tags", facetQuery: "emial", scope: .owner("ben"), in: snapshot) == [FacetValueCount(value: "Email", count: 2)], "typo tolerant")
        #expect(try searcher.facetSearch(facet: "tags", facetQuery: "", query: "cold", scope: .publicOnly, in: snapshot).map(\.value) == ["Email", "Sales"], "counted over q's matches")
    }

    @Test("did-you-mean never suggests a word only a private prompt has")
    func suggestions() throws {
        let fixture = try ColumnFixture(); defer { fixture.cleanUp() }
        let publicly = try fixture.results("zyxwvat")
        #expect(publicly.hits.isEmpty && publicly.didYouMean == nil)
        let owned = try fixture.results("zyxwvat", scope: .owner("ana"))
        #expect(owned.didYouMean == "zyxwvut")
    }

    @Test("similar documents and document fetch stay in the scope")
    func similarAndFetch() throws {
        let fixture = try ColumnFixture(); defer { fixture.cleanUp() }
        let searcher = try Searcher(index: fixture.index)
        let snapshot = try fixture.index.snapshot()
        // 3's characteristic words shared with others ("cold", "email") occur only in 5, a draft.
        let like = try #require(try searcher.similar(to: "3", scope: .publicOnly, in: snapshot))
        #expect(like.hits.isEmpty, "\(like.hits.map(\.id))")
        #expect(try searcher.similar(to: "1", scope: .publicOnly, in: snapshot)?.hits.map(\.id) == ["2"], "shares 'python'; 6 is unlisted")
        #expect(try searcher.similar(to: "1", scope: .owner("cy"), in: snapshot)?.hits.map(\.id).sorted() == ["2", "6"])
        let likeOwned = try #require(try searcher.similar(to: "3", scope: .owner("ben"), in: snapshot))
        #expect(likeOwned.hits.first?.id == "5", "ben sees his draft 'cold email' prompt")
        #expect(try searcher.similar(to: "4", scope: .publicOnly, in: snapshot) == nil)
        #expect(try snapshot.document(id: "4", scope: .publicOnly) == nil)
        #expect(try snapshot.document(id: "4", scope: .owner("ben")) == nil)
        #expect(try snapshot.document(id: "4", scope: .owner("ana"))?.id == "4")
        let number = try #require(try snapshot.documentNumber(id: "5"))
        #expect(try snapshot.document(number: number, scope: .publicOnly) == nil)
    }

    @Test("a single document's visibility equals membership in the scope's set, for every document and scope")
    func singleDocumentVisibility() throws {
        let fixture = try ColumnFixture(); defer { fixture.cleanUp() }
        let snapshot = try fixture.index.snapshot()
        for scope: SearchScope in [.publicOnly, .owner("ana"), .owner("ben"), .owner("cy"), .owner("nobody"), .unrestricted] {
            let set = try snapshot.scopeSet(scope)
            for doc in 0..<snapshot.docCapacity {
                #expect(try snapshot.isVisible(doc, in: scope) == (set?.contains(doc) ?? true), "doc \(doc) in \(scope)")
            }
        }
        #expect(try snapshot.scopeSet(.publicOnly)?.members.count == 3)
    }

    @Test("highlighting marks the query's matches in the hit's own text")
    func highlighting() throws {
        let fixture = try ColumnFixture(); defer { fixture.cleanUp() }
        let results = try fixture.results("cold emial wri") { $0.formatting.highlight = ["title"]; $0.formatting.showMatchesPosition = true }
        let hit = try #require(results.hits.first)
        #expect(hit.id == "3")
        #expect(hit.formatted["title"] == .text(FormattedText(
            text: "<em>Cold</em> <em>email</em> <em>wri</em>ter",
            matches: [MatchPosition(start: 0, length: 4), MatchPosition(start: 5, length: 5), MatchPosition(start: 11, length: 3)])))
        #expect(hit.matchesPosition?["title"]?.count == 3)
    }
}
