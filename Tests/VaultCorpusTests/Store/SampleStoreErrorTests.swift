import Foundation
import Testing
import VaultCorpus

/// A broken sample folder is refused with an error naming the file, the entry and the problem.
/// Each test copies the real sample to a temporary folder, breaks one thing, and loads it.
@Suite struct SampleStoreErrorTests {
    /// A scratch copy of the sample; `edit` gets the folder to break.
    static func load(_ edit: (URL) throws -> Void) throws -> SampleStoreError? {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sample-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: SampleStore.bundledFolder, to: folder)
        try edit(folder)
        do {
            _ = try SampleStore(folder: folder, now: 1_767_225_600)
            return nil
        } catch {
            return error
        }
    }

    /// Rewrites `file` of `folder` with `transform` applied to its JSON array.
    static func editJSON(_ folder: URL, _ file: String, _ transform: (inout [[String: Any]]) -> Void) throws {
        let url = folder.appendingPathComponent(file)
        var entries = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [[String: Any]]
        transform(&entries)
        try JSONSerialization.data(withJSONObject: entries).write(to: url)
    }

    @Test func danglingCategorySlug() throws {
        let error = try Self.load { try Self.editJSON($0, "prompts/coding.json") { $0[2]["category"] = "no-such-category" } }
        #expect(error?.description.contains("prompts/coding.json") == true)
        #expect(error?.description.contains("no-such-category") == true)
        guard case .danglingReference(_, let entry, "category", _) = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(entry.contains("[2]"))
    }

    @Test func duplicatePromptSlugAcrossFiles() throws {
        let error = try Self.load { folder in
            try Self.editJSON(folder, "prompts/writing.json") { $0[0]["slug"] = "python-debugger-partner" }
        }
        #expect(error == .duplicate(file: "prompts/writing.json", entry: "entry [0] \"python-debugger-partner\"", field: "slug", value: "python-debugger-partner"))
    }

    @Test func missingRequiredField() throws {
        let error = try Self.load { try Self.editJSON($0, "prompts/career.json") { $0[1].removeValue(forKey: "content") } }
        guard case .missingField("prompts/career.json", let entry, "content") = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(entry.contains("[1]"))
    }

    @Test func unknownTagAuthorAndModel() throws {
        let tag = try Self.load { try Self.editJSON($0, "prompts/marketing.json") { $0[0]["tags"] = ["seo", "nope"] } }
        #expect(tag.map { if case .danglingReference(_, _, "tags", "nope") = $0 { true } else { false } } == true)
        let author = try Self.load { try Self.editJSON($0, "prompts/marketing.json") { $0[0]["author"] = "ghost" } }
        #expect(author.map { if case .danglingReference(_, _, "author", "ghost") = $0 { true } else { false } } == true)
        let model = try Self.load { try Self.editJSON($0, "prompts/marketing.json") { $0[0]["model"] = "gpt-9" } }
        #expect(model.map { if case .danglingReference(_, _, "model", "gpt-9") = $0 { true } else { false } } == true)
    }

    @Test func badValues() throws {
        let visibility = try Self.load { try Self.editJSON($0, "prompts/coding.json") { $0[0]["visibility"] = "secret" } }
        #expect(visibility.map { if case .invalidValue(_, _, "visibility", _) = $0 { true } else { false } } == true)
        let popularity = try Self.load { try Self.editJSON($0, "prompts/coding.json") { $0[0]["popularity"] = "viral" } }
        #expect(popularity.map { if case .invalidValue(_, _, "popularity", _) = $0 { true } else { false } } == true)
        let variables = try Self.load { try Self.editJSON($0, "prompts/coding.json") { $0[0]["variables"] = ["not_in_text"] } }
        #expect(variables.map { if case .invalidValue(_, _, "variables", _) = $0 { true } else { false } } == true)
        let emptyTitle = try Self.load { try Self.editJSON($0, "prompts/coding.json") { $0[0]["title"] = "  " } }
        #expect(emptyTitle.map { if case .invalidValue(_, _, "title", _) = $0 { true } else { false } } == true)
    }

    @Test func forkOfALaterPrompt() throws {
        // coding.json sorts before writing.json, so a coding prompt cannot fork a writing prompt.
        let error = try Self.load { try Self.editJSON($0, "prompts/coding.json") { $0[0]["forkedFrom"] = "cover-letter-tailored" } }
        #expect(error.map { if case .invalidValue("prompts/coding.json", _, "forkedFrom", _) = $0 { true } else { false } } == true)
    }

    @Test func forkOfAPrivatePrompt() throws {
        // "swift-concurrency-review" is a private draft in coding.json; "leetcode-hint-coach" follows it.
        let error = try Self.load { try Self.editJSON($0, "prompts/coding.json") { entries in
            let index = entries.firstIndex { $0["slug"] as? String == "leetcode-hint-coach" }!
            entries[index]["forkedFrom"] = "swift-concurrency-review"
        } }
        #expect(error.map { if case .invalidValue("prompts/coding.json", _, "forkedFrom", let reason) = $0 { reason.contains("private") } else { false } } == true)
    }

    @Test func malformedAndMissingFiles() throws {
        let malformed = try Self.load { try Data("[{\"slug\": ".utf8).write(to: $0.appendingPathComponent("tags.json")) }
        #expect(malformed.map { if case .malformed("tags.json", _) = $0 { true } else { false } } == true)
        let wrongType = try Self.load { try Self.editJSON($0, "users.json") { $0[3]["reputation"] = "lots" } }
        #expect(wrongType.map { if case .malformed("users.json", let reason) = $0 { reason.contains("[3]") } else { false } } == true)
        let missing = try Self.load { try FileManager.default.removeItem(at: $0.appendingPathComponent("models.json")) }
        #expect(missing.map { if case .unreadable("models.json", _) = $0 { true } else { false } } == true)
        let duplicateCategory = try Self.load { try Self.editJSON($0, "categories.json") { $0[1]["slug"] = "coding" } }
        #expect(duplicateCategory.map { if case .duplicate("categories.json", _, "slug", "coding") = $0 { true } else { false } } == true)
    }
}
