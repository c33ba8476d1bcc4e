import Foundation
import VaultAnalysis

/// "More like this": documents similar to one document, from its own most characteristic terms.
extension Searcher {
    /// How many of a document's terms make up its similarity query.
    public static let similarTermCount = 25

    /// Documents like the one with external id `id`, under `options` (filter, limit, sort…) and
    /// `scope`, never the document itself. The query is the document's top terms by tf-idf, with tf
    /// weighted by each field's BM25F weight (a title word counts more than a body word). Returns nil
    /// when `scope` cannot see the document (or there is none).
    public func similar(to id: String, scope: SearchScope, options: SearchOptions = SearchOptions(), in snapshot: IndexSnapshot) throws(IndexError) -> SearchResults? {
        try options.validate(settings: snapshot.settings)
        guard let doc = try snapshot.documentNumber(id: id), try snapshot.isVisible(doc, in: scope),
            let document = try snapshot.storedDocument(number: doc)
        else { return nil }
        let terms = try Self.characteristicTerms(of: document, snapshot: snapshot, analyzer: queryAnalyzer)
        let visible = try snapshot.scopeSet(scope)
        var allowed: DocSet
        if let restricted = try snapshot.allowedDocuments(visible: visible, filter: options.filter) { allowed = restricted } else { allowed = try snapshot.allDocuments() }
        allowed.remove(doc)
        guard !terms.isEmpty else { return SearchResults(hits: [], terms: [], work: SearchWork()) }
        var plain = options
        plain.matching = .any
        // A trailing space: the last term is not a prefix being typed.
        return try run(terms.joined(separator: " ") + " ", visible: visible, options: plain, allowed: allowed, in: snapshot)
    }

    /// The document's terms with the highest Σ_field weight·tf × idf, best first.
    static func characteristicTerms(of document: Document, snapshot: IndexSnapshot, analyzer: Analyzer) throws(IndexError) -> [String] {
        let settings = snapshot.settings
        let analyzed = AnalyzedDocument(document: document, settings: settings, analyzer: analyzer)
        let n = Double(snapshot.statistics.documentCount)
        var scored: [(term: String, score: Double)] = []
        for (term, fields) in analyzed.terms where term.unicodeScalars.count > 1 {
            let weightedTF = fields.reduce(0.0) { $0 + settings.searchableFields[$1.field].weight * Double($1.positions.count) }
            let df = Double(try snapshot.documentFrequency(of: term) ?? 1)
            guard df > 1 else { continue }  // a term only this document has finds nothing else
            scored.append((term, weightedTF * log(1 + (n - df + 0.5) / (df + 0.5))))
        }
        scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.term < $1.term }
        let stopWords = Set(settings.stopWords)
        return scored.lazy.filter { !stopWords.contains($0.term) }.prefix(similarTermCount).map(\.term)
    }
}
