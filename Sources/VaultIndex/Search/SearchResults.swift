/// One result of a search.
public struct SearchHit: Sendable, Equatable {
    /// The document's external id.
    public var id: String
    /// The internal document number (changes when the document is replaced).
    public var documentNumber: UInt32
    /// The BM25F relevance score.
    public var score: Double
}

/// The results of a search, best first.
public struct SearchResults: Sendable, Equatable {
    /// The hits in the requested window.
    public var hits: [SearchHit]
    /// The analyzed terms that were searched (after folding and stemming), in query order.
    public var terms: [String]
    /// How much work the search did: machine-independent, for comparing query plans.
    public var work: SearchWork
}

/// Work counters of one search.
public struct SearchWork: Sendable, Equatable {
    /// Postings blocks read (doc numbers decoded).
    public var blocksDecoded = 0
    /// Postings whose frequencies were read and scored.
    public var postingsScored = 0
    /// Documents offered to the top-k heap.
    public var candidates = 0
    /// No work yet.
    public init() {}
}
