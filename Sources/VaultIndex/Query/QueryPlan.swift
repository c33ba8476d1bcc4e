import VaultAnalysis

/// A query compiled against one snapshot: the distinct terms to score (with their weights and
/// cursors), which of them are required, phrase constraints, and exclusions.
struct QueryPlan {
    struct ScoringTerm {
        var term: String
        /// How often the term occurs in the query.
        var queryFrequency: Int
        var cursor: PostingsCursor?
        /// qtf · idf · (k1 + 1)
        var weight: Double = 0
        /// An upper bound of the term's score in any document.
        var bound: Double = 0
    }

    /// A set of terms that must appear in consecutive positions, as indices into `terms`.
    struct Phrase {
        var termIndices: [Int]
    }

    /// A phrase (or a single term) whose matching documents are excluded.
    struct Exclusion {
        var cursors: [PostingsCursor]
    }

    var terms: [ScoringTerm] = []
    var required: Set<Int> = []
    var phrases: [Phrase] = []
    var exclusions: [Exclusion] = []
    /// Set when a required term or phrase word is absent from the index: nothing can match.
    var cannotMatch = false

    /// Analyzes `clauses` and looks their terms up in `snapshot`; `stopWords` are analyzed forms.
    init(
        clauses: [QueryClause], matching: MatchingMode, analyzer: Analyzer, stopWords: Set<String>, snapshot: IndexSnapshot,
        scorer: BM25F
    ) throws(IndexError) {
        var indexByTerm: [String: Int] = [:]
        func termIndex(_ term: String) -> Int {
            if let index = indexByTerm[term] {
                terms[index].queryFrequency += 1
                return index
            }
            indexByTerm[term] = terms.count
            terms.append(ScoringTerm(term: term, queryFrequency: 1))
            return terms.count - 1
        }
        let analyzed = clauses.map { analyzer.terms($0.text).filter { $0.utf8.count <= AnalyzedDocument.maximumTermBytes } }
        // Stop words go from plain words only, and only if something else is left to search.
        let dropStopWords = !stopWords.isEmpty && zip(clauses, analyzed).contains { clause, words in
            !clause.isExcluded && (clause.isPhrase || words.contains { !stopWords.contains($0) })
        }
        for (clause, allWords) in zip(clauses, analyzed) {
            let words = dropStopWords && !clause.isPhrase && !clause.isExcluded ? allWords.filter { !stopWords.contains($0) } : allWords
            if words.isEmpty { continue }
            if clause.isExcluded {
                var cursors: [PostingsCursor] = []
                for word in words {
                    guard let skip = try snapshot.skipTable(word) else { cursors = []; break }
                    cursors.append(snapshot.cursor(for: skip))
                }
                if !cursors.isEmpty { exclusions.append(Exclusion(cursors: cursors)) }
                continue
            }
            let indices = words.map(termIndex)
            if clause.isPhrase || matching == .all { required.formUnion(indices) }
            if clause.isPhrase && indices.count > 1 { phrases.append(Phrase(termIndices: indices)) }
        }
        if indexByTerm.count > SearchOptions.maximumQueryTerms {
            throw .invalidQuery("the query has \(indexByTerm.count) distinct terms; at most \(SearchOptions.maximumQueryTerms) are allowed")
        }
        for i in terms.indices {
            let queryFrequency = Double(terms[i].queryFrequency)
            guard let skip = try snapshot.skipTable(terms[i].term, scorer: scorer, weight: { df in
                queryFrequency * scorer.idf(documentFrequency: df) * (scorer.k1 + 1)
            }) else {
                if required.contains(i) { cannotMatch = true }
                continue
            }
            terms[i].cursor = snapshot.cursor(for: skip)
            terms[i].weight = skip.termWeight
            terms[i].bound = skip.maximumBound
        }
    }
}
