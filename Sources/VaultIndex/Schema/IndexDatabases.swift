import VaultStorage

/// The one typed list of LMDB databases inside an index environment, with each key and value layout.
///
/// ```
/// meta       "format" | "settings" | "stats"      -> UInt32 BE | settings JSON | IndexStatistics bytes
/// ids        external id (UTF-8)                    -> doc number (UInt32 BE)
/// docs       doc number (UInt32 BE)                 -> StoredDocument bytes (id, fields)
/// docterms   doc number (UInt32 BE)                 -> field lengths + sorted term ids (forward index, for deletes)
/// terms      term (UTF-8)                           -> TermInfo bytes (term id, df, block skip table)
/// termids    term id (UInt32 BE)                    -> term (UTF-8)
/// postings   term id (UInt32 BE) + block id (UInt32 BE) -> PostingsBlock bytes (docs, field tf and lengths)
/// positions  term id (UInt32 BE) + block id (UInt32 BE) -> positions of the block's docs, per field
/// prefixes   first 1–3 scalars of a term (UTF-8)    -> PrefixTermList bytes (its most frequent terms)
/// fieldids, facetvalues, facetsets, numbers: the columns (filters, facets, sort), laid out in ``ColumnKeys``
/// ```
struct IndexDatabases: Sendable {
    let meta: Database
    let ids: Database
    let docs: Database
    let docTerms: Database
    let terms: Database
    let termIDs: Database
    let postings: Database
    let positions: Database
    let prefixes: Database
    /// Column field name -> field id.
    let fieldIDs: Database
    /// The facet value dictionary: (field, kind, normalized value) -> set id, count, spelling.
    let facetValues: Database
    /// Facet postings: (set id, container) -> a Roaring-style container of doc numbers.
    let facetSets: Database
    /// Numeric columns: (field, block of 256 docs) -> values with presence and min/max.
    let numbers: Database

    init(environment: Environment, create: Bool) throws {
        // Databases read rarely and whole check every value's checksum on read; the hot ones
        // (dictionary, postings, columns) are checked by `inspect check` and bounds-checked on decode.
        meta = try environment.database("meta", create: create, verifiesReads: true)
        ids = try environment.database("ids", create: create, verifiesReads: true)
        docs = try environment.database("docs", create: create, verifiesReads: true)
        docTerms = try environment.database("docterms", create: create, verifiesReads: true)
        terms = try environment.database("terms", create: create)
        termIDs = try environment.database("termids", create: create, verifiesReads: true)
        postings = try environment.database("postings", create: create)
        positions = try environment.database("positions", create: create)
        prefixes = try environment.database("prefixes", create: create)
        fieldIDs = try environment.database("fieldids", create: create, verifiesReads: true)
        facetValues = try environment.database("facetvalues", create: create)
        facetSets = try environment.database("facetsets", create: create)
        numbers = try environment.database("numbers", create: create)
    }

    /// Every database, for the checksum walk of `inspect check`.
    var all: [Database] {
        [meta, ids, docs, docTerms, terms, termIDs, postings, positions, prefixes, fieldIDs, facetValues, facetSets, numbers]
    }

    /// The column databases (cleared and rebuilt together when the attributes change).
    var columnDatabases: [Database] { [fieldIDs, facetValues, facetSets, numbers] }

    /// The format version in `meta`, read without opening the other databases (an index of an older
    /// format may lack some of them); nil when there is no `meta` or no version in it.
    static func storedFormatVersion(environment: Environment) throws -> UInt32? {
        guard let meta = try? environment.database("meta", create: false) else { return nil }
        return try environment.read { txn in try formatVersion(in: txn, meta: meta) }
    }

    /// The format version stored in `meta`: 4 bytes before version 4 (no checksum), 4 bytes and
    /// a checksum since; nil when there is none.
    static func formatVersion(in txn: Transaction, meta: Database) throws -> UInt32? {
        guard let raw = try txn.rawValue(meta, key: MetaKey.format) else { return nil }
        if raw.count == 4 { return KeyCodec.decodeUInt32(raw) }
        guard let value = try txn.get(meta, key: MetaKey.format), value.count == 4 else {
            throw IndexError.damaged(meta, key: MetaKey.format, "a format version of \(raw.count) bytes")
        }
        return KeyCodec.decodeUInt32(value)
    }

    /// The key of a postings or positions block.
    static func blockKey(term: UInt32, block: UInt32) -> [UInt8] {
        var key: [UInt8] = []
        key.reserveCapacity(8)
        KeyCodec.append(term, to: &key)
        KeyCodec.append(block, to: &key)
        return key
    }
}
