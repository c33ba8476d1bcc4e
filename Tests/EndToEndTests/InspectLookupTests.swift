import Foundation
import Testing

/// `inspect term` and `inspect document` on something the index does not hold. Properties checked:
/// 1. An absent word exits non-zero naming the word and its analyzed form.
/// 2. An absent document id exits non-zero naming the id.
/// 3. Neither is reported as a usage error: no usage line, least of all the root command's
///    (`Usage: vaultsearch <subcommand>`), whose arguments were fine.
@Suite struct InspectLookupTests {
    @Test("regression E2E-7 (fixed): a lookup that finds nothing exits 64 and prints the root usage `Usage: vaultsearch <subcommand>`")
    func absentTermIsNamed() async throws {
        let workspace = try Workspace()
        try await workspace.buildIndex("idx", from: TestDocument.trio)

        let result = try await workspace.vaultsearch("inspect", "term", "--index", "idx", "Zebras")

        expectFailure(result, mentioning: "'Zebras' (analyzed: 'zebra') is not in the index")
        #expect(!result.stderr.contains("Usage:"), "\(result)")
    }

    @Test("regression E2E-7 (fixed): a lookup that finds nothing exits 64 and prints the root usage `Usage: vaultsearch <subcommand>`")
    func absentDocumentIsNamed() async throws {
        let workspace = try Workspace()
        try await workspace.buildIndex("idx", from: TestDocument.trio)

        let result = try await workspace.vaultsearch("inspect", "document", "--index", "idx", "d404")

        expectFailure(result, mentioning: "no document with id 'd404'")
        #expect(!result.stderr.contains("Usage:"), "\(result)")
    }
}
