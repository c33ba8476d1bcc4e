/// A seeded generator of a synthetic PromptVault corpus: AI-prompt documents in any number, and
/// search queries to run against them.
///
/// Document `i` depends only on the seed and `i` (each document has its own random stream), so
/// documents can be generated in any order, alone or in parallel, in constant memory, and the same
/// seed gives the same corpus on every platform.
///
/// ```swift
/// let generator = CorpusGenerator(seed: 42)
/// try BEIRWriter.write(documents: generator.documents(count: 200_000), to: corpusURL)
/// try BEIRWriter.write(queries: generator.queries(count: 1_000, seed: 7), to: queriesURL)
/// ```
public struct CorpusGenerator: Sendable {
    /// The seed every document is derived from.
    public let seed: UInt64
    private let vocabulary: Vocabulary

    /// Creates a generator for the corpus named by `seed`.
    public init(seed: UInt64) {
        self.seed = seed
        vocabulary = .shared
    }

    /// Document `index` (0-based) of the corpus. O(length of the document); independent of `index`.
    /// - Precondition: `index >= 0`.
    public func document(at index: Int) -> GeneratedDocument {
        precondition(index >= 0, "document indexes start at 0")
        var composer = DocumentComposer(
            random: SeededRandom(seed: seed, index: UInt64(index)), vocabulary: vocabulary)
        let title = composer.title()
        return GeneratedDocument(id: "p\(index)", title: title, text: composer.body())
    }

    /// Documents `0..<count`, generated lazily as they are read: nothing is stored.
    public func documents(count: Int) -> GeneratedDocuments {
        documents(in: 0..<max(count, 0))
    }

    /// Documents `range`, generated lazily as they are read (to split a corpus into shards).
    public func documents(in range: Range<Int>) -> GeneratedDocuments {
        GeneratedDocuments(generator: self, indices: range)
    }
}

/// A lazy, random-access collection of generated documents: reading element `i` generates
/// document `i`. Reading the same element twice generates it twice.
public struct GeneratedDocuments: RandomAccessCollection, Sendable {
    /// The generator the documents come from.
    public let generator: CorpusGenerator
    /// The document indexes of the collection.
    public let indices: Range<Int>

    /// The index of the first document.
    public var startIndex: Int { indices.lowerBound }
    /// One past the index of the last document.
    public var endIndex: Int { indices.upperBound }

    /// Generates document `index`.
    public subscript(index: Int) -> GeneratedDocument {
        precondition(indices.contains(index), "document \(index) is outside \(indices)")
        return generator.document(at: index)
    }
}
