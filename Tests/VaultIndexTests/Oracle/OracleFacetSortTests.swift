import Testing
import VaultIndex
import VaultTestSupport

@Suite("Oracle facets and sort: hand-computed examples")
struct OracleFacetSortTests {
    let documents = OracleExamples.documents

    func pairs(_ list: [(value: String, count: Int)]) -> [String] { list.map { "\($0.value):\($0.count)" } }

    @Test func distributions() {
        #expect(pairs(BruteForceFacets.distribution(of: "tags", over: documents)) == ["Python:2", "debug:1", "it's:1", "SQL & databases:1"])
        #expect(pairs(BruteForceFacets.distribution(of: "tags", over: documents, sortBy: .alpha)) == ["debug:1", "it's:1", "Python:2", "SQL & databases:1"])
        #expect(pairs(BruteForceFacets.distribution(of: "tags", over: documents, maxValues: 1)) == ["Python:2"])
        #expect(pairs(BruteForceFacets.distribution(of: "provider", over: documents)) == ["OpenAI:2", "Anthropic:1"])
        #expect(pairs(BruteForceFacets.distribution(of: "author", over: documents)) == ["ann:2", "Ünal:2", "Bob:1"])
        #expect(pairs(BruteForceFacets.distribution(of: "featured", over: documents)) == ["false:2", "true:2"])
        #expect(pairs(BruteForceFacets.distribution(of: "views", over: documents)) == ["10:2", "-5:1", "0:1", "250:1"])
        #expect(pairs(BruteForceFacets.distribution(of: "model", over: Array(documents.reversed()))) == ["GPT-4o:2", "claude:1"])
        #expect(BruteForceFacets.distribution(of: "nothing", over: documents).isEmpty)
        // A list counts each distinct element once per document.
        let lists = [Document(id: "a", fields: ["tags": .strings(["a", "A", "b"])]), Document(id: "b", fields: ["tags": .strings(["B"])])]
        #expect(pairs(BruteForceFacets.distribution(of: "tags", over: lists)) == ["b:2", "a:1"])
    }

    @Test func stats() {
        #expect(BruteForceFacets.stats(of: "views", over: documents).map { [$0.min, $0.max] } == [-5, 250])
        #expect(BruteForceFacets.stats(of: "forkedFrom", over: documents).map { [$0.min, $0.max] } == [1, 1])
        #expect(BruteForceFacets.stats(of: "model", over: documents) == nil)
    }

    func order(_ spec: [String]) throws -> [String] {
        try #require(BruteForceSort(spec)).sorted(documents).map(\.id)
    }

    @Test func sorts() throws {
        #expect(try order(["publishedAt:desc", "views:asc"]) == ["3", "5", "1", "2", "4"])
        #expect(try order(["publishedAt:asc"]) == ["1", "5", "3", "2", "4"])
        #expect(try order(["forkedFrom:asc"]) == ["3", "1", "2", "4", "5"])
        #expect(try order(["views:desc"]) == ["3", "1", "4", "2", "5"])
        #expect(try order(["views:asc", "createdAt:desc"]) == ["5", "2", "4", "1", "3"])
        #expect(try order(["author:asc"]) == ["1", "3", "2", "4", "5"])
        #expect(try order([]) == ["1", "2", "3", "4", "5"])
        let reversed = try #require(BruteForceSort(["views:desc"])).sorted(documents) { $0.id > $1.id }.map(\.id)
        #expect(reversed == ["3", "4", "1", "2", "5"])
        #expect(BruteForceSort(["views"]) == nil)
        #expect(BruteForceSort(["views:ASC"]) == nil)
        #expect(BruteForceSort([":asc"]) == nil)
    }
}
