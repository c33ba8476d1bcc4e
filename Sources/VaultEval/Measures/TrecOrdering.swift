/// trec_eval's ordering of a query's retrieved documents.
///
/// trec_eval (`form_res_rels.c`) ignores the rank column of a run: it sorts a query's documents by
/// score descending and breaks ties by document id in *descending* `strcmp` order (byte-wise, so
/// `"d9" > "d10"`). Every measure here sees documents in this order.
public enum TrecOrdering {
    /// The documents in trec_eval's order, each document id once.
    ///
    /// A duplicate document id keeps its first occurrence in `documents` and drops the later ones.
    /// trec_eval 9.x itself refuses such a run ("duplicate docs") and pytrec_eval keeps the last
    /// value of its dictionary; keeping the first is the choice of this module, and on any run
    /// without duplicates all three agree. O(n log n).
    public static func ranked(_ documents: [ScoredDocument]) -> [ScoredDocument] {
        var seen = Set<String>(minimumCapacity: documents.count)
        var unique: [ScoredDocument] = []
        unique.reserveCapacity(documents.count)
        for document in documents where seen.insert(document.docid).inserted {
            unique.append(document)
        }
        unique.sort(by: precedes)
        return unique
    }

    /// Whether `a` comes before `b` in trec_eval's order: higher score first, then the greater
    /// document id (byte-wise) first.
    public static func precedes(_ a: ScoredDocument, _ b: ScoredDocument) -> Bool {
        if a.score != b.score { return a.score > b.score }
        return byteOrderPrecedes(b.docid, a.docid)
    }

    /// `strcmp(a, b) < 0` for UTF-8 strings: byte-wise, not Unicode-canonical, comparison.
    static func byteOrderPrecedes(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }
}
