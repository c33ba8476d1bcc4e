import Foundation
import Testing
import VaultCorpus
@testable import VaultIndex

/// Properties of the write path:
/// 1. adding a document with an existing id replaces it (old text no longer matches);
/// 2. deletes remove the document from hits, stored documents and statistics;
/// 3. one invalid document rejects the whole batch and writes nothing;
/// 4. a snapshot taken before a batch does not see it;
/// 5. deleted documents' postings are removed, so repeated replace cycles do not grow the data file
///    without bound, and the consistency check stays clean;
/// 6. several operations on one id in a batch collapse to the last.
@Suite("index writer")
struct WriterTests {
    private func makeIndex() throws -> (Index, IndexWriter, Searcher, TemporaryDirectory) {
        let dir = TemporaryDirectory()
        let index = try Index.create(at: dir.path, settings: .beir)
        return (index, try IndexWriter(index: index), try Searcher(index: index), dir)
    }

    private func doc(_ id: String, _ title: String, _ text: String = "") -> IndexOperation {
        .upsert(Document(id: id, fields: ["title": .string(title), "text": .string(text)]))
    }

    @Test("a duplicate id replaces the earlier document")
    func replace() throws {
        let (_, writer, searcher, dir) = try makeIndex(); defer { dir.cleanUp() }
        try writer.apply([doc("1", "golden hour portrait"), doc("2", "python code review")])
        let summary = try writer.apply([doc("1", "cover letter writer")])
        #expect(summary.replaced == 1 && summary.added == 0)
        #expect(try searcher.search("portrait", scope: .publicOnly).hits.isEmpty)
        #expect(try searcher.search("cover letter", scope: .publicOnly).hits.map(\.id) == ["1"])
        let snapshot = try searcher.index.snapshot()
        #expect(snapshot.statistics.documentCount == 2)
        #expect(try snapshot.check().isEmpty)
    }

    @Test("a deleted document is gone from hits, storage and statistics")
    func delete() throws {
        let (index, writer, searcher, dir) = try makeIndex(); defer { dir.cleanUp() }
        try writer.apply([doc("1", "midjourney portrait"), doc("2", "portrait lighting guide")])
        let summary = try writer.apply([.delete(id: "1"), .delete(id: "nope")])
        #expect(summary.deleted == 1 && summary.missing == 1)
        #expect(try searcher.search("portrait", scope: .publicOnly).hits.map(\.id) == ["2"])
        #expect(try searcher.search("midjourney", scope: .publicOnly).hits.isEmpty)
        let snapshot = try index.snapshot()
        #expect(try snapshot.document(id: "1", scope: .unrestricted) == nil)
        #expect(snapshot.statistics.documentCount == 1)
        #expect(try snapshot.termReport("midjourney") == nil, "a term with no postings leaves the dictionary")
        #expect(try snapshot.check().isEmpty)
    }

    @Test("an invalid document rejects the whole batch")
    func invalidBatch() throws {
        let (index, writer, _, dir) = try makeIndex(); defer { dir.cleanUp() }
        #expect(throws: IndexError.invalidDocument("the document has an empty id")) {
            try writer.apply([doc("1", "fine"), doc("", "no id")])
        }
        let snapshot = try index.snapshot()
        #expect(snapshot.statistics.documentCount == 0)
        #expect(try snapshot.document(id: "1", scope: .unrestricted) == nil)
    }

    @Test("a snapshot does not see later batches")
    func snapshotIsolation() throws {
        let (index, writer, searcher, dir) = try makeIndex(); defer { dir.cleanUp() }
        try writer.apply([doc("1", "seo blog post")])
        let before = try index.snapshot()
        try writer.apply([doc("2", "seo keyword research"), .delete(id: "1")])
        #expect(try searcher.search("seo", scope: .publicOnly, options: SearchOptions(), in: before).hits.map(\.id) == ["1"])
        #expect(try searcher.search("seo", scope: .publicOnly).hits.map(\.id) == ["2"])
    }

    @Test("operations on one id in a batch collapse to the last")
    func collapse() throws {
        let (_, writer, searcher, dir) = try makeIndex(); defer { dir.cleanUp() }
        let summary = try writer.apply([doc("1", "first version"), doc("1", "second version"), .delete(id: "1"), doc("1", "third version")])
        #expect(summary.superseded == 3 && summary.added == 1)
        #expect(try searcher.search("first second", scope: .publicOnly).hits.isEmpty)
        #expect(try searcher.search("third", scope: .publicOnly).hits.map(\.id) == ["1"])
    }

    @Test("replacing documents over and over reuses space and keeps the index consistent")
    func spaceReuse() throws {
        let (index, writer, _, dir) = try makeIndex(); defer { dir.cleanUp() }
        var rng = SeededRandom(seed: 7)
        func batch() -> [IndexOperation] {
            (0..<300).map { i in
                doc("\(i)", SearchPropertyTests.randomText(&rng, words: 2...6), SearchPropertyTests.randomText(&rng, words: 50...200))
            }
        }
        try writer.apply(batch())
        var sizes: [Int] = []
        for _ in 0..<12 {
            try writer.apply(batch())
            sizes.append(try index.snapshot().report().usedBytes)
        }
        // Live data stays the same size, so the file must plateau: the last rounds grow by far less
        // than the first full copy took.
        #expect(sizes.last! < sizes.first! * 3, "data file grew from \(sizes.first!) to \(sizes.last!) bytes")
        #expect(try index.snapshot().check().isEmpty)
        #expect(try index.snapshot().statistics.documentCount == 300)
    }

    @Test("more than a block of postings per term survives appends and deletes across blocks")
    func multiBlockTerms() throws {
        let (index, writer, searcher, dir) = try makeIndex(); defer { dir.cleanUp() }
        try writer.apply((0..<500).map { doc("\($0)", "common word", "filler \($0)") })
        try writer.apply((0..<500).filter { $0 % 3 == 0 }.map { .delete(id: "\($0)") })
        try writer.apply((500..<700).map { doc("\($0)", "common", "more") })
        let hits = try searcher.search("common", scope: .publicOnly, options: SearchOptions(limit: 1000)).hits
        #expect(hits.count == 500 - 167 + 200)
        #expect(Set(hits.map(\.id)).isDisjoint(with: (0..<500).filter { $0 % 3 == 0 }.map { "\($0)" }))
        let report = try #require(try index.snapshot().termReport("common", limit: 0))
        #expect(report.documentFrequency == 533)
        #expect(report.blockCount >= 5)
        #expect(try index.snapshot().check().isEmpty)
    }
}

/// A token longer than an LMDB key allows neither fails the batch nor the query.
@Suite("oversized terms")
struct OversizedTermTests {
    @Test("a 600-letter word is skipped in documents and queries")
    func oversized() throws {
        let dir = TemporaryDirectory(); defer { dir.cleanUp() }
        let index = try Index.create(at: dir.path, settings: .beir)
        let long = String(repeating: "x", count: 600)
        try IndexWriter(index: index).apply([.upsert(Document(id: "1", fields: ["title": .string("blob \(long) prompt")]))])
        let searcher = try Searcher(index: index)
        #expect(try searcher.search("prompt", scope: .publicOnly).hits.map(\.id) == ["1"])
        #expect(try searcher.search(long, scope: .publicOnly).hits.isEmpty)
        #expect(try index.snapshot().check().isEmpty)
    }
}

/// `removeAll` empties every database but keeps the settings, and the index stays usable.
@Suite("remove all")
struct RemoveAllTests {
    @Test("after removeAll nothing matches, the check is clean, and new documents index normally")
    func removeAll() throws {
        let dir = TemporaryDirectory(); defer { dir.cleanUp() }
        var settings = IndexSettings.beir
        settings.k1 = 0.8
        let index = try Index.create(at: dir.path, settings: settings)
        let writer = try IndexWriter(index: index)
        try writer.apply((0..<300).map { .upsert(Document(id: "\($0)", fields: ["title": .string("prompt number \($0)")])) })
        try writer.removeAll()
        let snapshot = try index.snapshot()
        #expect(snapshot.statistics.documentCount == 0)
        #expect(snapshot.settings == settings)
        #expect(try snapshot.report().termCount == 0)
        #expect(try snapshot.check().isEmpty)
        #expect(try Searcher(index: index).search("prompt", scope: .publicOnly).hits.isEmpty)
        try writer.apply([.upsert(Document(id: "a", fields: ["title": .string("fresh prompt")]))])
        #expect(try Searcher(index: index).search("prompt", scope: .publicOnly).hits.map(\.id) == ["a"])
    }
}
