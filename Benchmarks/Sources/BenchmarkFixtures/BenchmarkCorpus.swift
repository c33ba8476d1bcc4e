import VaultAnalysis
import VaultCorpus
import VaultIndex

/// The data every suite measures, generated from fixed seeds so that every run, on every machine,
/// sees the same documents and queries.
///
/// ```swift
/// let documents = BenchmarkCorpus.documents(0..<1_000)    // [Document], ready for IndexWriter
/// let queries = BenchmarkCorpus.queries(count: 200)      // ["python code reviewer", …]
/// ```
public enum BenchmarkCorpus {
    /// The corpus seed (the `vaultsearch generate` default).
    public static let seed: UInt64 = 42
    /// The query seed.
    public static let querySeed: UInt64 = 42

    /// The generator of the benchmark corpus.
    public static var generator: CorpusGenerator { CorpusGenerator(seed: seed) }

    /// Generated documents `range`, unconverted. O(total length).
    public static func generated(_ range: Range<Int>) -> [GeneratedDocument] {
        Array(generator.documents(in: range))
    }

    /// Generated documents `range` as index documents with a `title` and a `text` field (the fields
    /// of ``IndexSettings/beir``). O(total length).
    public static func documents(_ range: Range<Int>) -> [Document] {
        generator.documents(in: range).map(document)
    }

    /// One generated document as an index document with `title` and `text` fields.
    public static func document(_ generated: GeneratedDocument) -> Document {
        Document(id: generated.id, fields: ["title": .string(generated.title), "text": .string(generated.text)])
    }

    /// The texts of the first `count` generated queries (2–6 lowercase words each).
    public static func queries(count: Int) -> [String] {
        generator.queries(count: count, seed: querySeed).map(\.text)
    }

    /// `count` quoted two-word phrases, each two adjacent tokens of a generated title as the index
    /// analyzes it (so `C++ Projects` gives `"c++ projects"` and every phrase occurs in the corpus).
    ///
    /// Phrase `i` comes from the title of document `i × corpusSize / count` (or the next title with
    /// two tokens), at token `i mod (tokens − 1)`: spread over the corpus and over title positions,
    /// without a random choice. Each word is the token's original text, lowercased, so the searcher
    /// analyzes it back to the same term. O(count).
    public static func titleBigramPhrases(count: Int, corpusSize: Int) -> [String] {
        precondition(count > 0 && corpusSize >= count, "need at least one document per phrase")
        let analyzer = Analyzer(IndexSettings.beir.analysis)
        let stride = corpusSize / count
        return (0..<count).map { i in
            var documentIndex = i * stride
            while true {
                let title = generator.document(at: documentIndex).title
                let tokens = analyzer.analyze(title)
                if tokens.count >= 2 {
                    let utf8 = Array(title.utf8)
                    let start = i % (tokens.count - 1)
                    let words = tokens[start...start + 1].map { String(decoding: utf8[$0.byteRange], as: UTF8.self) }
                    return "\"" + words.joined(separator: " ").lowercased() + "\""
                }
                documentIndex = (documentIndex + 1) % corpusSize
            }
        }
    }
}
