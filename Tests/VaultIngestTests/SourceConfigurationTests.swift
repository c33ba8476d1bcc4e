import Foundation
import GRDB
import Testing
@testable import VaultIngest

@Suite struct SourceConfigurationTests {
    static func shippedText() throws -> String {
        try String(contentsOfFile: try #require(SourceConfiguration.shippedPath("promptvault")), encoding: .utf8)
    }

    static func message(_ text: String) -> String? {
        do {
            _ = try SourceConfiguration.decode(Data(text.utf8), file: "mapping.json")
            return nil
        } catch { return "\(error)" }
    }

    @Test func shippedMappingsLoadAndFitTheirSchemas() throws {
        let promptVault = try SourceConfiguration.promptVault()
        #expect(promptVault.indexSettings.searchableFields.map(\.name) == ["title", "description", "content", "instructions", "tags"])
        #expect(promptVault.facetableFields.contains("category.lvl*"))
        let queue = try DatabaseQueue()
        try PromptVaultSchema.migrate(queue)
        try queue.read { db in try promptVault.check(db) }
        let listings = try SourceConfiguration.listings()
        #expect(listings.indexSettings.searchableFields.map(\.name) == ["title", "description"])
        #expect(listings.sortableFields.contains("price") && listings.filterableFields.contains("price") && listings.facetableFields.contains("price"))
        #expect(listings.indexSettings.visibility?.publicValues == ["active"] && listings.indexSettings.visibility?.ownerField == "seller")
        try queue.read { db in try listings.check(db) }
        #expect(try SourceConfiguration.load(nameOrPath: "listings") == listings)
        #expect(throws: StoreError.self) { _ = try SourceConfiguration.load(nameOrPath: "no-such-mapping") }
        #expect(throws: StoreError.self) { _ = try SourceConfiguration.shipped("../promptvault") }
        let folder = try SourceConfiguration.folderLayout()
        let other = try DatabaseQueue()
        try FolderLayoutSchema.migrate(other)
        try other.read { db in try folder.check(db) }
    }

    @Test func aTypoedKeyIsAnErrorNamingItsPath() throws {
        let text = try Self.shippedText().replacingOccurrences(of: "\"searchable\": { \"weight\": 3 }", with: "\"serchable\": { \"weight\": 3 }")
        let message = try #require(Self.message(text))
        #expect(message.contains("mapping.json"))
        #expect(message.contains("fields[1].serchable"))
        #expect(message.contains("did you mean 'searchable'"))
    }

    @Test func badValuesNameTheKey() throws {
        let base = try Self.shippedText()
        let cases: [(String, String, String)] = [
            ("\"type\": \"number\", \"sortable\": true, \"filterable\": true },", "\"type\": \"numbr\", \"sortable\": true, \"filterable\": true },", "is not a field type"),
            ("\"weight\": 1.5", "\"weight\": -1", "searchable.weight: must be > 0"),
            ("\"weight\": 1.5", "\"weight\": \"high\"", "expected a number"),
            ("\"table\": \"prompts\", \"entity\": \"prompt\", \"id\": \"id\" }", "\"table\": \"prompts\", \"entity\": \"prompt\" }", "watch[0].id: missing"),
            ("WHERE p.id IN (SELECT value FROM json_each(:ids))\"", "\"", "documents: the SQL must use the parameter :ids"),
        ]
        for (from, to, expected) in cases {
            #expect(base.contains(from), "test setup: \(from)")
            let message = Self.message(base.replacingOccurrences(of: from, with: to))
            #expect(message?.contains(expected) == true, "\(expected) not in \(message ?? "no error")")
        }
        #expect(Self.message("{ not json")?.contains("not valid JSON") == true)
    }

    @Test func checkNamesAMissingTableOrColumn() throws {
        let configuration = try SourceConfiguration.promptVault()
        let empty = try DatabaseQueue()
        #expect(throws: StoreError.missingTable("prompts")) { try empty.read { db in try configuration.check(db) } }
        let queue = try DatabaseQueue()
        try PromptVaultSchema.migrate(queue)
        try queue.write { db in try db.execute(sql: "ALTER TABLE prompts DROP COLUMN instructions") }
        do {
            try queue.read { db in try configuration.check(db) }
            Issue.record("no error")
        } catch {
            #expect("\(error)".contains("documents"))
            #expect("\(error)".contains("instructions"))
        }
    }
}
