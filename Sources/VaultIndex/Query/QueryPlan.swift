import VaultAnalysis

/// A query compiled against one snapshot: its words (slots), the ways each word can match
/// (``MatchSource``: the exact term, typo variants, prefix completions, synonyms, joins and splits),
/// the distinct dictionary terms behind them with their cursors, and exclusions.
///
/// Scoring (see ``CandidateScorer``): a document's score is the sum over matched words of the best
/// matching source's `bonus + weight · saturate(tf~)`; a term's score bound is the sum over every
/// source it feeds, which is what MaxScore needs.
struct QueryPlan {
    /// One distinct dictionary term and where its score goes.
    struct ScoringTerm {
        var term: String
        var cursor: PostingsCursor?
        /// Sources made of this term alone.
        var singleSources: [Int] = []
        /// Phrase sources this term is part of.
        var phraseSources: [Int] = []
        /// Bound of the term's total contribution per unit of saturated frequency (Σ source weights).
        var scale = 0.0
        /// The largest ranking bonus the term can bring (Σ source bonuses).
        var bonus = 0.0
        /// An upper bound of the term's contribution in any document.
        var bound = 0.0
    }

    /// A phrase (or a single term) whose matching documents are excluded.
    struct Exclusion {
        var cursors: [PostingsCursor]
    }

    var slots: [QuerySlot] = []
    var sources: [MatchSource] = []
    /// Indices into `sources`, per slot.
    var sourcesBySlot: [[Int]] = []
    var terms: [ScoringTerm] = []
    var exclusions: [Exclusion] = []
    /// The ranking rules in force for this query (see ``IndexSettings/rankingRulesMaxWords``).
    var rules: [RankingRule] = [.bm25]
    var ruleWeights = RuleWeights(rules: [], wordCount: 0, bm25Maximum: 0)
    /// An upper bound of any document's BM25F part.
    var maximumBM25 = 0.0
    /// The best scan score any document could reach (every word matched by its best source, saturated).
    var maximumScore: Double {
        slots.indices.reduce(0.0) { total, slot in
            total + (sourcesBySlot[slot].map { sources[$0].bonus + sources[$0].weight }.max() ?? 0)
        }
    }
    /// Set when a required word is absent from the index: nothing can match.
    var cannotMatch = false

    /// Whether every required slot has exactly one source of exact terms, so the required terms can
    /// drive a leapfrog intersection.
    var requiredTerms: [Int]? {
        var result: [Int] = []
        for (index, slot) in slots.enumerated() where slot.isRequired {
            guard sourcesBySlot[index].count == 1 else { return nil }
            result.append(contentsOf: sources[sourcesBySlot[index][0]].terms)
        }
        return result
    }

    var phraseSourceIndices: [Int] { sources.indices.filter { sources[$0].isPhrase } }

    init(
        query: String, clauses: [QueryClause], context: QueryContext, matching: MatchingMode, droppedWords: Set<Int> = [],
        snapshot: IndexSnapshot, scorer: BM25F
    ) throws(IndexError) {
        let settings = snapshot.settings
        var builder = QueryPlanBuilder(context: context, snapshot: snapshot, matching: matching, droppedWords: droppedWords)
        try builder.addClauses(clauses, endsMidWord: settings.prefixSearch && Self.endsMidWord(query))
        if builder.termCount > SearchOptions.maximumQueryTerms {
            throw .invalidQuery("the query has \(builder.termCount) distinct terms; at most \(SearchOptions.maximumQueryTerms) are allowed")
        }
        slots = builder.slots
        sources = builder.sources
        exclusions = builder.exclusions.map { Exclusion(cursors: $0) }
        terms = builder.termTexts.map { ScoringTerm(term: $0) }
        // Open cursors; block bounds are computed for weight 1 (saturated frequency) and scaled per source.
        var frequency = [UInt32](repeating: 0, count: terms.count)
        for i in terms.indices {
            guard let skip = try snapshot.skipTable(terms[i].term, scorer: scorer, weight: { _ in 1 }) else { continue }
            terms[i].cursor = snapshot.cursor(for: skip)
            frequency[i] = skip.documentFrequency
        }
        // Drop sources with an absent term; a required slot without sources cannot match.
        sources.removeAll { source in source.terms.contains { terms[$0].cursor == nil } }
        sourcesBySlot = Array(repeating: [], count: slots.count)
        for (i, source) in sources.enumerated() { sourcesBySlot[source.slot].append(i) }
        for (index, slot) in slots.enumerated() where slot.isRequired && sourcesBySlot[index].isEmpty {
            cannotMatch = true
        }
        // A word's idf is that of its most frequent single-term source (Lucene's blended fuzzy scoring), so
        // a rare misspelling in a document never outscores the common word it stands for.
        for index in slots.indices {
            let own = sourcesBySlot[index].map { sources[$0] }
            let df = own.filter { !$0.isPhrase }.map { frequency[$0.terms[0]] }.max()
                ?? own.flatMap(\.terms).map { frequency[$0] }.min() ?? 0
            slots[index].weight = scorer.idf(documentFrequency: df) * (scorer.k1 + 1)
        }
        for i in sources.indices {
            if sources[i].isPhrase {
                sources[i].memberWeights = sources[i].terms.map {
                    scorer.idf(documentFrequency: frequency[$0]) * (scorer.k1 + 1) * sources[i].factor
                }
                sources[i].weight = sources[i].memberWeights.reduce(0, +)
            } else {
                sources[i].weight = slots[sources[i].slot].weight * sources[i].factor
            }
        }
        maximumBM25 = sourcesBySlot.reduce(0.0) { total, own in total + (own.map { sources[$0].weight }.max() ?? 0) }
        rules = settings.effectiveRankingRules(words: slots.count)
        ruleWeights = RuleWeights(rules: rules, wordCount: slots.count, bm25Maximum: maximumBM25)
        for i in sources.indices {
            sources[i].bonus = ruleWeights.bonus(typos: sources[i].typos, isPrefix: sources[i].isPrefix)
            for (member, term) in sources[i].terms.enumerated() {
                if sources[i].isPhrase {
                    terms[term].phraseSources.append(i)
                    terms[term].scale += sources[i].memberWeights[member]
                } else {
                    terms[term].singleSources.append(i)
                    terms[term].scale += sources[i].weight
                }
                terms[term].bonus += sources[i].bonus
            }
        }
        for i in terms.indices {
            guard let cursor = terms[i].cursor else { continue }
            terms[i].bound = cursor.skip.maximumBound * terms[i].scale + terms[i].bonus
        }
    }

    /// Whether the query ends inside a word (its last character is a letter or digit), so the last word
    /// is still being typed.
    static func endsMidWord(_ query: String) -> Bool {
        guard let last = query.unicodeScalars.last else { return false }
        return last.properties.isAlphabetic || last.properties.numericType != nil
    }
}
