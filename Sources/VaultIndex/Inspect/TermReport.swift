/// What `inspect term` shows of one term: its dictionary entry and its postings.
public struct TermReport: Sendable, Equatable {
    /// One posting: a document and the term's frequency in each searchable field that has it.
    public struct Posting: Sendable, Equatable {
        /// The document's external id.
        public var id: String
        /// The internal doc number.
        public var documentNumber: UInt32
        /// Field name -> (term frequency, field length).
        public var fields: [String: (tf: UInt32, length: UInt32)]

        public static func == (a: Posting, b: Posting) -> Bool {
            a.id == b.id && a.documentNumber == b.documentNumber
                && a.fields.mapValues { [$0.tf, $0.length] } == b.fields.mapValues { [$0.tf, $0.length] }
        }
    }

    /// The term as stored (folded, stemmed).
    public var term: String
    /// The internal term id.
    public var termID: UInt32
    /// How many documents contain the term.
    public var documentFrequency: UInt32
    /// The number of postings blocks.
    public var blockCount: Int
    /// The first postings (as many as asked for).
    public var postings: [Posting]
}

/// Size facts of an index, for `inspect stats`.
public struct IndexReport: Sendable, Equatable {
    /// Live documents.
    public var documentCount: Int
    /// Distinct terms.
    public var termCount: Int
    /// Postings blocks.
    public var blockCount: Int
    /// Average length of each searchable field, by name.
    public var averageFieldLengths: [String: Double]
    /// Bytes of the data file in use.
    public var usedBytes: Int
    /// The on-disk format version.
    public var formatVersion: UInt32
}
