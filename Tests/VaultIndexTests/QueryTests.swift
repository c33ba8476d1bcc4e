import Foundation
import Testing
@testable import VaultIndex

/// Query syntax and limits, on a tiny index whose answers are known by reading it:
/// 1. quoted phrases need adjacent words in order; 2. `-word` excludes; 3. all-words mode;
/// 4. an empty or punctuation-only query has no hits; 5. a 10,000-word query is refused clearly;
/// 6. limits and offsets page through the same order.
@Suite("queries")
struct QueryTests {
    static let documents: [(String, String, String)] = [
        ("1", "Cover letter writer", "Write a cover letter for a software engineer job"),
        ("2", "Letter to a friend", "A warm letter that covers the summer"),
        ("3", "Python code reviewer", "Review python code for bugs and style"),
        ("4", "Code of conduct writer", "Write a code of conduct for an open source project"),
    ]

    private func withIndex(_ body: (Searcher) throws -> Void) throws {
        let dir = TemporaryDirectory(); defer { dir.cleanUp() }
        let index = try Index.create(at: dir.path, settings: .beir)
        try IndexWriter(index: index).apply(Self.documents.map { .upsert(Document(id: $0.0, fields: ["title": .string($0.1), "text": .string($0.2)])) })
        try body(try Searcher(index: index))
    }

    private func ids(_ searcher: Searcher, _ query: String, _ mode: MatchingMode = .any) throws -> Set<String> {
        Set(try searcher.search(query, scope: .publicOnly, options: SearchOptions(limit: 100, matching: mode)).hits.map(\.id))
    }

    @Test("parser splits words, phrases and exclusions")
    func parser() {
        #expect(QueryParser.parse(#"cover "letter writer" -friend -"code review" gpt-4o -"#) == [
            QueryClause(text: "cover"), QueryClause(text: "letter writer", isPhrase: true),
            QueryClause(text: "friend", isExcluded: true), QueryClause(text: "code review", isPhrase: true, isExcluded: true),
            QueryClause(text: "gpt-4o"), QueryClause(text: "-"),
        ])
        #expect(QueryParser.parse(#""unclosed phrase"#) == [QueryClause(text: "unclosed phrase", isPhrase: true)])
    }

    @Test("phrases, exclusions and all-words mode")
    func semantics() throws {
        try withIndex { (searcher) throws in
            #expect(try ids(searcher, "\"cover letter\"") == ["1"])
            #expect(try ids(searcher, "letter") == ["1", "2"])
            #expect(try ids(searcher, "letter -friend") == ["1"])
            #expect(try ids(searcher, "code -\"code review\"") == ["4"], "doc 3's title \"code reviewer\" stems to the phrase")
            #expect(try ids(searcher, "code -\"bugs review\"") == ["3", "4"], "no document has that phrase")
            #expect(try ids(searcher, "\"review python\"") == ["3"])
            #expect(try ids(searcher, "write code", .all) == ["4"])
            #expect(try ids(searcher, "write code", .any) == ["1", "3", "4"])
            #expect(try ids(searcher, "letter zzzunknown", .all).isEmpty)
            #expect(try ids(searcher, "\"letter zzzunknown\"").isEmpty)
        }
    }

    @Test("an empty query is a placeholder search (every document, by doc number); punctuation-only queries have no hits")
    func emptyQueries() throws {
        try withIndex { (searcher) throws in
            let snapshot = try searcher.index.snapshot()
            let all = try searcher.search("", scope: .publicOnly, options: SearchOptions(limit: 100))
            #expect(all.hits.count == Int(snapshot.statistics.documentCount))
            #expect(all.hits.map(\.documentNumber) == all.hits.map(\.documentNumber).sorted())
            #expect(all.estimatedTotalHits == Int(snapshot.statistics.documentCount) && all.totalHitsAreExact)
            #expect(try searcher.search("   ", scope: .publicOnly, options: SearchOptions(limit: 100)).hits.map(\.id) == all.hits.map(\.id))
            #expect(try searcher.search("  !!! ... ", scope: .publicOnly).hits.isEmpty)
        }
    }

    @Test("a 10,000-word query is refused with a clear error")
    func hugeQuery() throws {
        try withIndex { (searcher) throws in
            let query = (0..<10_000).map { "w\($0)" }.joined(separator: " ")
            #expect(throws: IndexError.invalidQuery("the query has 10000 distinct terms; at most 1000 are allowed")) {
                _ = try searcher.search(query, scope: .publicOnly)
            }
            #expect(throws: IndexError.invalidSearch(parameter: "limit", message: "limit + offset must be at most 10000")) {
                _ = try searcher.search("code", scope: .publicOnly, options: SearchOptions(limit: 10_001))
            }
        }
    }

    @Test("paging returns consecutive slices of one order")
    func paging() throws {
        try withIndex { (searcher) throws in
            let all = try searcher.search("code letter write", scope: .publicOnly, options: SearchOptions(limit: 4)).hits.map(\.id)
            let first = try searcher.search("code letter write", scope: .publicOnly, options: SearchOptions(limit: 2)).hits.map(\.id)
            let second = try searcher.search("code letter write", scope: .publicOnly, options: SearchOptions(limit: 2, offset: 2)).hits.map(\.id)
            #expect(all.count == 4)
            #expect(first + second == all)
        }
    }
}

/// Stop words: 1. dropped from plain query words; 2. kept inside quoted phrases; 3. kept when the
/// query is nothing but stop words.
@Suite("stop words")
struct StopWordTests {
    @Test("stop words are dropped from words, kept in phrases and in all-stop-word queries")
    func stopWords() throws {
        let dir = TemporaryDirectory(); defer { dir.cleanUp() }
        let index = try Index.create(at: dir.path, settings: .beir)
        try IndexWriter(index: index).apply([
            .upsert(Document(id: "1", fields: ["title": .string("The Who"), "text": .string("a band")])),
            .upsert(Document(id: "2", fields: ["title": .string("Who is it"), "text": .string("the band plays")])),
            .upsert(Document(id: "3", fields: ["title": .string("Band of the year"), "text": .string("music")])),
        ])
        let searcher = try Searcher(index: index)
        let withStop = try searcher.search("the band", scope: .publicOnly, options: SearchOptions(limit: 10))
        #expect(withStop.terms == ["band"], "'the' is dropped")
        #expect(try searcher.search("\"the who\"", scope: .publicOnly).hits.map(\.id) == ["1"], "a phrase keeps its stop words")
        #expect(Set(try searcher.search("the who", scope: .publicOnly).hits.map(\.id)) == ["1", "2", "3"], "all stop words: searched as typed")
        var settings = IndexSettings.beir
        settings.stopWords = []
        try index.updateSettings(settings)
        #expect(try Searcher(index: index).search("the band", scope: .publicOnly).terms == ["the", "band"])
    }
}

/// The parser treats any Unicode whitespace as a separator and keeps non-ASCII words whole.
@Suite("query parser, Unicode")
struct QueryParserUnicodeTests {
    @Test("non-ASCII spaces separate; accents, CJK and emoji stay inside words")
    func unicode() {
        #expect(QueryParser.parse("résumé\u{00A0}tips\u{3000}東京 -🙂x \"naïve  café\"") == [
            QueryClause(text: "résumé"), QueryClause(text: "tips"), QueryClause(text: "東京"),
            QueryClause(text: "🙂x", isExcluded: true), QueryClause(text: "naïve  café", isPhrase: true),
        ])
        #expect(QueryParser.parse("\t\n ").isEmpty)
        #expect(QueryParser.parse("-\"\"") == [QueryClause(text: "", isPhrase: true, isExcluded: true)])
    }
}
