import BenchmarkFixtures
import VaultAnalysis
import VaultIndex

/// How often a benchmarked term occurs.
enum FrequencyBand: String, CaseIterable {
    /// The term in the most documents (a function word: nearly every document).
    case frequent
    /// A term in about 1 % of the documents.
    case mid = "mid-frequency"
    /// A term in about 0.05 % of the documents (25 of 50,000).
    case rare

    /// The document count aimed at, for a corpus of `corpusSize` documents; nil for "as many as possible".
    func targetDocuments(corpusSize: Int) -> Int? {
        switch self {
        case .frequent: nil
        case .mid: corpusSize / 100
        case .rare: corpusSize / 2_000
        }
    }
}

/// One term picked for a band, with its exact counts in the index.
struct SelectedTerm {
    /// The term as stored (analyzed: folded, stemmed).
    var term: String
    /// Documents in its postings.
    var documents: Int
    /// Its total term frequency over all fields.
    var totalTermFrequency: UInt64
}

/// The benchmark index and the term chosen for each band.
///
/// Candidates come from analyzing a sample of the corpus (its first ``sampleSize`` documents) and
/// counting in how many sample documents each term occurs; the candidates of a band are then
/// walked in the full index with `walkPostings`, and the one whose document count is nearest the
/// band's target wins. Ties and candidate order go by term, so the same seed always picks the same
/// terms.
final class TermSelection {
    /// Documents in the benchmark index.
    static let corpusSize = 50_000
    /// Documents analyzed to find candidates.
    static let sampleSize = 2_000
    /// Candidates walked per band.
    static let candidatesPerBand = 40

    /// The index the terms were picked in.
    let index: TemporaryIndex
    private var selected: [FrequencyBand: SelectedTerm] = [:]

    /// Picks the three terms in `index` and reports them on standard error.
    /// - Throws: `IndexError` from the walks; `SelectionError` when a band has no candidate.
    init(index: TemporaryIndex) throws {
        self.index = index
        let sample = Self.sampleDocumentFrequencies(in: 0..<min(Self.sampleSize, index.documentCount))
        let snapshot = try index.index.snapshot()
        defer { snapshot.close() }
        for band in FrequencyBand.allCases {
            let corpusSize = index.documentCount
            let candidates: [String]
            if let target = band.targetDocuments(corpusSize: corpusSize) {
                let sampleTarget = Double(target) * Double(sample.documents) / Double(corpusSize)
                let distance = { (count: Int) in abs(Double(count) - sampleTarget) }
                candidates = sample.frequencies
                    .sorted { (distance($0.value), $0.key) < (distance($1.value), $1.key) }
                    .prefix(Self.candidatesPerBand).map(\.key)
            } else {
                candidates = sample.frequencies.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
                    .prefix(Self.candidatesPerBand).map(\.key)
            }
            var best: SelectedTerm?
            for term in candidates {
                guard let walk = try snapshot.walkPostings(of: term) else { continue }
                let found = SelectedTerm(term: term, documents: walk.documents, totalTermFrequency: walk.totalTermFrequency)
                if let current = best, !Self.isBetter(found, than: current, for: band, corpusSize: corpusSize) { continue }
                best = found
            }
            guard let best else { throw SelectionError.noCandidate(band) }
            selected[band] = best
            reportSetup(
                "\(band.rawValue) term '\(best.term)': \(best.documents) of \(corpusSize) documents, "
                    + "total tf \(best.totalTermFrequency)")
        }
    }

    /// The term picked for `band`.
    func term(for band: FrequencyBand) -> SelectedTerm { selected[band]! }

    private static func isBetter(_ a: SelectedTerm, than b: SelectedTerm, for band: FrequencyBand, corpusSize: Int) -> Bool {
        guard let target = band.targetDocuments(corpusSize: corpusSize) else {
            return (a.documents, b.term) > (b.documents, a.term)
        }
        return (abs(a.documents - target), a.term) < (abs(b.documents - target), b.term)
    }

    /// In how many of documents `range` each term occurs (title or text), analyzed as the index does.
    private static func sampleDocumentFrequencies(in range: Range<Int>) -> (documents: Int, frequencies: [String: Int]) {
        let analyzer = Analyzer(IndexSettings.beir.analysis)
        var frequencies: [String: Int] = [:]
        for document in BenchmarkCorpus.generated(range) {
            for term in Set(analyzer.terms(document.title) + analyzer.terms(document.text)) {
                frequencies[term, default: 0] += 1
            }
        }
        return (range.count, frequencies)
    }
}

/// Why no term could be picked.
enum SelectionError: Error {
    /// No candidate of the band is in the index.
    case noCandidate(FrequencyBand)
}
