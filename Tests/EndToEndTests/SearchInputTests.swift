import Foundation
import Testing

/// `vaultsearch search` refuses queries and options it cannot serve, with a message, not a crash.
/// Properties checked:
/// 1. An empty query and a whitespace-only query are placeholder searches: every document, exit 0.
/// 2. A query of 10,000 distinct words exits non-zero naming the limit of distinct terms; 10,000
///    copies of one word is one term and is answered.
/// 3. A negative `--limit` or `--offset` is refused as negative, whether written `--limit=-1` or
///    `--limit -1`.
/// 4. `--limit 100000` is refused naming the largest window (10000); `--limit 0` answers with no hits.
/// 5. `--offset` pages: limit 1 at offset 1 is the second hit of limit 2.
@Suite struct SearchInputTests {
    /// A workspace holding a three-document index `idx`.
    static func indexed() async throws -> Workspace {
        let workspace = try Workspace()
        try await workspace.buildIndex("idx", from: TestDocument.trio)
        return workspace
    }

    @Test(arguments: ["", " ", "\t \n "])
    func emptyQueryListsEveryDocument(query: String) async throws {
        let workspace = try await Self.indexed()
        let result = try await workspace.vaultsearch("search", "--index", "idx", query)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("3 hits for [] ") && result.stdout.contains("(3 matching)"), "\(result.stdout)")
    }

    @Test func tenThousandDistinctWordsAreRefused() async throws {
        let workspace = try await Self.indexed()
        // Distinct letter-only words "waaa", "waab", …; stemming merges a few (to about 9,700 terms).
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        let words = (0..<10_000).map { n in "w" + String([letters[n / 676 % 26], letters[n / 26 % 26], letters[n % 26]]) }
        #expect(Set(words).count == 10_000)

        let result = try await workspace.vaultsearch("search", "--index", "idx", words.joined(separator: " "))

        expectFailure(result, mentioning: "invalid query", "distinct terms", "at most 1000 are allowed")
    }

    @Test func tenThousandCopiesOfOneWordAreAnswered() async throws {
        let workspace = try await Self.indexed()
        let query = Array(repeating: "aardvark", count: 10_000).joined(separator: " ")
        let result = try await workspace.vaultsearch("search", "--index", "idx", "--json", query)
        expectSuccess(result)
        let output = try JSONDecoder().decode(SearchOutput.self, from: Data(result.stdout.utf8))
        #expect(output.hits.map(\.id) == ["d1"])
    }

    @Test(arguments: [["--limit=-1"], ["--offset=-1"]])
    func negativeOptionsAreRefused(options: [String]) async throws {
        let workspace = try await Self.indexed()
        let result = try await workspace.vaultsearch(["search", "--index", "idx"] + options + ["aardvark"])
        expectFailure(result, mentioning: "must not be negative")
    }

    @Test("regression E2E-1 (fixed): `--limit -1` is read as a missing value, not as a negative limit", arguments: ["--limit", "--offset"])
    func negativeOptionWithSpaceIsRefusedAsNegative(option: String) async throws {
        let workspace = try await Self.indexed()
        let result = try await workspace.vaultsearch("search", "--index", "idx", option, "-1", "aardvark")
        expectFailure(result, mentioning: option)
        #expect(result.stderr.contains("must not be negative"), "\(result)")
    }

    @Test func hugeLimitIsRefused() async throws {
        let workspace = try await Self.indexed()
        let result = try await workspace.vaultsearch("search", "--index", "idx", "--limit", "100000", "aardvark")
        expectFailure(result, mentioning: "at most 10000")
    }

    @Test func zeroLimitGivesNoHits() async throws {
        let workspace = try await Self.indexed()
        let result = try await workspace.vaultsearch("search", "--index", "idx", "--limit", "0", "--json", "aardvark")
        expectSuccess(result)
        #expect(try JSONDecoder().decode(SearchOutput.self, from: Data(result.stdout.utf8)).hits.isEmpty)
    }

    @Test func offsetPages() async throws {
        let workspace = try await Self.indexed()
        func ids(_ options: String...) async throws -> [String] {
            let result = try await workspace.vaultsearch(["search", "--index", "idx", "--json"] + options + ["aardvark bumblebee chinchilla"])
            try #require(result.succeeded, "\(result)")
            return try JSONDecoder().decode(SearchOutput.self, from: Data(result.stdout.utf8)).hits.map(\.id)
        }
        let firstTwo = try await ids("--limit", "2")
        #expect(firstTwo.count == 2)
        #expect(try await ids("--limit", "1", "--offset", "1") == [firstTwo[1]])
    }
}
