import Foundation
@testable import VaultIndex

/// A small prompt index with attributes and visibility, written by hand for the column tests.
///
/// | id | title | tags | category.lvl0/1 | model | visibility / status | author | views | rating |
/// |----|-------|------|-----------------|-------|---------------------|--------|-------|--------|
/// | 1 | Python debugger partner | Python, Debugging | coding, coding/python | gpt-4o | public / published | ana | 120 | 4.5 |
/// | 2 | Python tutor for beginners | python, Education | coding, coding/python | claude | public / published | ben | 80 | 4.9 |
/// | 3 | Cold email writer | Email, Sales | writing, writing/email | gpt-4o | public / published | ana | 300 | 3.0 |
/// | 4 | Secret zyxwvut project notes | Internal | writing, writing/notes | gpt-4o | private / published | ana | 5 | — |
/// | 5 | Draft cold email follow up | Email | writing, writing/email | claude | public / draft | ben | 0 | — |
/// | 6 | Unlisted python snippets | Python | coding, coding/python | o3 | unlisted / published | cy | 10 | 2.0 |
struct ColumnFixture {
    static let settings = IndexSettings(
        searchableFields: [FieldSettings(name: "title", weight: 3), FieldSettings(name: "tags", weight: 2, b: 0.3)],
        analysis: IndexSettings.beir.analysis,
        attributes: [
            AttributeSettings(name: "tags", type: .strings, filterable: true, facetable: true),
            AttributeSettings(name: "category.lvl*", type: .string, filterable: true, facetable: true),
            AttributeSettings(name: "model", type: .string, filterable: true, facetable: true),
            AttributeSettings(name: "author", type: .string, filterable: true, facetable: true),
            AttributeSettings(name: "views", type: .number, filterable: true, facetable: true, sortable: true),
            AttributeSettings(name: "ratingAvg", type: .number, filterable: true, sortable: true),
            AttributeSettings(name: "featured", type: .bool, filterable: true, facetable: true, sortable: true),
        ],
        visibility: .promptVault)

    static func document(
        _ id: String, _ title: String, tags: [String], category: [String], model: String, visibility: String, status: String,
        author: String, views: Double, rating: Double? = nil, featured: Bool = false
    ) -> Document {
        var fields: [String: FieldValue] = [
            "title": .string(title), "tags": .strings(tags), "model": .string(model), "visibility": .string(visibility),
            "status": .string(status), "author": .string(author), "views": .number(views), "featured": .bool(featured),
        ]
        for (level, path) in category.enumerated() { fields["category.lvl\(level)"] = .string(path) }
        if let rating { fields["ratingAvg"] = .number(rating) }
        return Document(id: id, fields: fields)
    }

    static let documents: [Document] = [
        document("1", "Python debugger partner", tags: ["Python", "Debugging"], category: ["coding", "coding/python"], model: "gpt-4o",
                 visibility: "public", status: "published", author: "ana", views: 120, rating: 4.5, featured: true),
        document("2", "Python tutor for beginners", tags: ["python", "Education"], category: ["coding", "coding/python"], model: "claude",
                 visibility: "public", status: "published", author: "ben", views: 80, rating: 4.9),
        document("3", "Cold email writer", tags: ["Email", "Sales"], category: ["writing", "writing/email"], model: "gpt-4o",
                 visibility: "public", status: "published", author: "ana", views: 300, rating: 3.0),
        document("4", "Secret zyxwvut project notes", tags: ["Internal"], category: ["writing", "writing/notes"], model: "gpt-4o",
                 visibility: "private", status: "published", author: "ana", views: 5),
        document("5", "Draft cold email follow up", tags: ["Email"], category: ["writing", "writing/email"], model: "claude",
                 visibility: "public", status: "draft", author: "ben", views: 0),
        document("6", "Unlisted python snippets", tags: ["Python"], category: ["coding", "coding/python"], model: "o3",
                 visibility: "unlisted", status: "published", author: "cy", views: 10, rating: 2.0),
    ]

    let directory = TemporaryDirectory()
    let index: Index

    init() throws {
        index = try Index.create(at: directory.path, settings: Self.settings)
        try IndexWriter(index: index).apply(Self.documents.map { .upsert($0) })
    }

    func cleanUp() { directory.cleanUp() }

    /// Ids of a search, in order.
    func ids(_ query: String = "", filter: String? = nil, scope: SearchScope = .publicOnly, _ configure: (inout SearchOptions) -> Void = { _ in }) throws -> [String] {
        try results(query, filter: filter, scope: scope, configure).hits.map(\.id)
    }

    func results(_ query: String = "", filter: String? = nil, scope: SearchScope = .publicOnly, _ configure: (inout SearchOptions) -> Void = { _ in }) throws -> SearchResults {
        var options = SearchOptions(limit: 100)
        if let filter { options.filter = try FilterParser.parse(filter) }
        configure(&options)
        return try Searcher(index: index).search(query, scope: scope, options: options)
    }
}
