import Foundation
import GRDB
import Testing
@testable import VaultServer

/// Several indexes in one daemon, each a uid, a mapping and a store. Properties checked:
/// 1. `GET /indexes` lists both in configuration order; `GET /indexes/{uid}` and an unknown uid (404
///    `index_not_found` in Meilisearch's error shape).
/// 2. The folder-layout index answers searches from its own schema: `folder.lvl0 = coding` returns
///    exactly the public prompts SQL finds under that folder.
/// 3. A multi-search across both indexes answers each query from its own index.
@Suite struct MultiIndexTests {
    /// The oracle: SQL over the folder-layout store.
    static func publicIDs(under folder: String, in store: String) throws -> Set<String> {
        try DatabaseQueue(path: store).read { db in
            Set(try String.fetchAll(db, sql: "SELECT id FROM prompts WHERE isPublic = 1 AND (folder = ? OR folder LIKE ? || '/%')", arguments: [folder, folder]))
        }
    }

    @Test func twoSchemasOneDaemon() async throws {
        let fixture = try await ServerFixture()
        let store = fixture.folderStore
        let expected = try Self.publicIDs(under: "coding", in: store)
        #expect(!expected.isEmpty)
        try await fixture.withClient { client in
            let list = try await client.call(.get, "/indexes")
            #expect(list["results"]?.elements.compactMap { $0["uid"]?.stringValue } == ["prompts", "folders"])
            #expect(list["total"]?.integerValue == 2)
            let missing = try await client.call(.get, "/indexes/nope/search?q=x")
            #expect(missing.status == .notFound && missing["code"]?.stringValue == "index_not_found" && missing["link"] != nil)

            let found = try await client.call(.post, "/indexes/folders/search", json: #"{"q":"","filter":"folder.lvl0 = coding","hitsPerPage":1000,"page":1}"#)
            #expect(found.status == .ok, Comment(rawValue: found.text))
            let hits = found["hits"]?.elements ?? []
            var ids = Set<String>()
            for hit in hits { if let id = hit["id"]?.stringValue { ids.insert(id) } }
            #expect(hits.count == expected.count)
            #expect(ids == expected, Comment(rawValue: String(found.text.prefix(600))))

            let multi = try await client.call(.post, "/multi-search", json: #"{"queries":[{"indexUid":"prompts","q":"python","limit":2},{"indexUid":"folders","q":"python","limit":2}]}"#)
            let results = multi["results"]?.elements ?? []
            #expect(results.compactMap { $0["indexUid"]?.stringValue } == ["prompts", "folders"])
            #expect(results.allSatisfy { !($0["hits"]?.elements.isEmpty ?? true) })
        }
    }
}
