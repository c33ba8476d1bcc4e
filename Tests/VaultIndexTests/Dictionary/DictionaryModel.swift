import VaultAnalysis
import VaultCorpus
@testable import VaultIndex

/// A test index whose terms are known without reading the index: documents of words that the
/// analyzer keeps as they are (lowercase letters, no stemming, no diacritic folding), and the
/// model's own count of the documents holding each word. The oracle for the dictionary tests.
final class DictionaryModel {
    static let settings = IndexSettings(
        searchableFields: [FieldSettings(name: "text")],
        analysis: AnalyzerConfiguration(stemming: nil, foldDiacritics: false))

    let directory = TemporaryDirectory()
    let index: Index
    let writer: IndexWriter
    /// Live documents: id → distinct words.
    private(set) var documents: [String: Set<String>] = [:]

    init() throws {
        index = try Index.create(at: directory.path, settings: Self.settings)
        writer = try IndexWriter(index: index)
    }

    deinit { directory.cleanUp() }

    /// Applies one batch of upserts (id, words) and deletes (id, nil), to the index and the model.
    func apply(_ changes: [(id: String, words: [String]?)]) throws {
        var operations: [IndexOperation] = []
        for (id, words) in changes {
            if let words {
                operations.append(.upsert(Document(id: id, fields: ["text": .string(words.joined(separator: " "))])))
                documents[id] = Set(words)
            } else {
                operations.append(.delete(id: id))
                documents[id] = nil
            }
        }
        try writer.apply(operations)
        documentFrequencies = [:]
        for words in documents.values { for word in words { documentFrequencies[word, default: 0] += 1 } }
    }

    /// Document frequency of every live word (recounted after each batch).
    private(set) var documentFrequencies: [String: UInt32] = [:]

    /// The terms the index's dictionary holds, with their document frequencies (read from `terms`).
    func storedTerms() throws -> [String: UInt32] {
        let snapshot = try index.snapshot()
        defer { snapshot.close() }
        var found: [String: UInt32] = [:]
        let cursor = try snapshot.transaction.cursor(index.databases.terms)
        var entry = try cursor.first()
        while let (key, value) = entry {
            found[String(decoding: key, as: UTF8.self)] = try TermInfo.decode(value).documentFrequency
            entry = try cursor.next()
        }
        return found
    }

    /// Best first, as the API promises: distance, then df descending, then term bytewise.
    static func ranked(_ variants: [TermVariant], limit: Int) -> [TermVariant] {
        Array(variants.sorted {
            ($0.distance, UInt32.max - $0.documentFrequency) != ($1.distance, UInt32.max - $1.documentFrequency)
                ? ($0.distance, UInt32.max - $0.documentFrequency) < ($1.distance, UInt32.max - $1.documentFrequency)
                : Array($0.term.utf8).lexicographicallyPrecedes(Array($1.term.utf8))
        }.prefix(limit))
    }

    /// Brute force: every live word within `maxDistance` of `word`, ranked, at most `limit`.
    func bruteForceTypoVariants(of word: String, maxDistance: Int, limit: Int) -> [TermVariant] {
        let all = documentFrequencies.compactMap { (term, df) -> TermVariant? in
            let distance = ReferenceDistance.distance(word, term)
            return distance <= maxDistance ? TermVariant(term: term, distance: distance, isPrefix: false, documentFrequency: df) : nil
        }
        return Self.ranked(all, limit: limit)
    }

    /// Brute force: every live word with a non-empty prefix within `maxDistance` of `prefix`.
    func bruteForceCompletions(of prefix: String, maxDistance: Int, limit: Int) -> [TermVariant] {
        let all = documentFrequencies.compactMap { (term, df) -> TermVariant? in
            let q = prefix.unicodeScalars.map(\.value), t = term.unicodeScalars.map(\.value)
            let lastRow = ReferenceDistance.matrix(q, t)[q.count]
            guard let best = lastRow[1...].min(), best <= maxDistance else { return nil }
            let whole = lastRow[t.count]
            return TermVariant(term: term, distance: best, isPrefix: whole > best, documentFrequency: df)
        }
        return Self.ranked(all, limit: limit)
    }
}
