/// One retrieved document of a run: its id and the score the system gave it.
public struct ScoredDocument: Sendable, Hashable {
    /// The document id, compared byte-wise (as C's `strcmp` does) when scores tie.
    public var docid: String
    /// The retrieval score; higher is better.
    public var score: Double

    /// Creates a scored document.
    public init(docid: String, score: Double) {
        self.docid = docid
        self.score = score
    }
}

/// A retrieval run: for each query, the documents a system returned with their scores.
///
/// Documents are kept as given (file order for a parsed run). The order that counts for every
/// measure is trec_eval's, computed by ``TrecOrdering``: by score descending, ties by document id
/// descending. The rank column of a run file plays no part, exactly as in trec_eval.
///
/// A document listed twice for the same query is kept once, at its first occurrence (see
/// ``TrecOrdering/ranked(_:)``).
public struct Run: Sendable, Equatable {
    /// The retrieved documents, keyed by query id, in the order they were added.
    public var rankings: [String: [ScoredDocument]]

    /// Creates a run from documents keyed by query id.
    public init(rankings: [String: [ScoredDocument]] = [:]) {
        self.rankings = rankings
    }

    /// Adds one retrieved document for `qid`. Amortized O(1).
    public mutating func append(qid: String, docid: String, score: Double) {
        rankings[qid, default: []].append(ScoredDocument(docid: docid, score: score))
    }

    /// The ids of the queries that retrieved at least one document.
    public var queryIDs: Dictionary<String, [ScoredDocument]>.Keys { rankings.keys }
}
