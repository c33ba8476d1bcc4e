import Foundation
import Testing

/// A corpus that lists an id twice keeps the later document. Properties checked, both within one
/// write batch and across batches (`--batch-size 1`):
/// 1. Searching a word only the first version had finds nothing; a word only the second has finds it.
/// 2. `inspect stats` counts the id once; `inspect document` shows the second version.
/// 3. `inspect check` finds the index consistent (no postings left pointing at the first version).
@Suite struct DuplicateIDTests {
    @Test(arguments: [5_000, 1])
    func laterDocumentReplacesEarlier(batchSize: Int) async throws {
        let workspace = try Workspace()
        let documents = [
            TestDocument(id: "dup", title: "First version", text: "marmalade only here"),
            TestDocument(id: "other", title: "Filler", text: "nothing special"),
            TestDocument(id: "dup", title: "Second version", text: "quokka only here"),
        ]
        try workspace.write("corpus.jsonl", corpusText(documents.map(\.jsonLine)))

        let result = try await workspace.vaultsearch(
            "index", "--corpus", "corpus.jsonl", "--index", "idx", "--batch-size", String(batchSize))

        expectSuccess(result)
        #expect(try await workspace.hitIDs(index: "idx", "marmalade").isEmpty)
        #expect(try await workspace.hitIDs(index: "idx", "quokka") == ["dup"])
        #expect(try await workspace.documentCount(index: "idx") == 2)

        let shown = try await workspace.vaultsearch("inspect", "document", "--index", "idx", "dup")
        expectSuccess(shown)
        let object = try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any]
        #expect(object?["title"] as? String == "Second version")

        let check = try await workspace.vaultsearch("inspect", "check", "--index", "idx")
        expectSuccess(check)
        #expect(check.stdout.contains("ok: the index is consistent"))
    }
}
