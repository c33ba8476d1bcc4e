import Foundation
import VaultAnalysis
import VaultStorage

/// Turns parsed clauses into query slots and their match sources: the exact term of every word, then
/// its typo variants, the completions of a still-typed last word, a split into two dictionary words,
/// a join with the next word, and synonyms. Every expansion is a dictionary lookup or a bounded walk
/// of the term dictionary (never a scan).
struct QueryPlanBuilder {
    /// One plain (unquoted, not excluded) query word.
    private struct Word {
        var slot: Int
        /// The analyzed term (folded, stemmed).
        var term: String
        /// Folded but not stemmed: what prefixes, joins and splits work on.
        var surface: String
        var characters: Int
        var hasDigit: Bool
        /// Words of one run are adjacent in the query (no phrase or exclusion between them).
        var run: Int
    }

    /// Typo, join and split expansions are for the first this-many words (interactive queries are short;
    /// a pasted paragraph is searched by its exact words).
    static let expandedWordLimit = 12
    /// Queries of up to this many words get every expansion; longer ones only typo variants of words
    /// the dictionary lacks (each expansion costs a dictionary walk and more postings to merge).
    static let fullExpansionWordLimit = 6
    /// Factors on a word's BM25F weight by how it matched (ranking inside a rule bucket).
    static let typoFactor = [1.0, 0.6, 0.4]
    /// For a word the dictionary lacks (surely a typo); measured on SciFact `--typos 13`: 0.641 with
    /// `typoFactor`, 0.657 with these.
    static let unknownWordTypoFactor = [1.0, 0.9, 0.7]
    static let prefixFactor = 0.8
    /// Completions searched for a prefix of one or two characters.
    static let shortPrefixCompletions = 4
    static let splitFactor = 0.8
    static let joinFactor = 0.5
    static let synonymFactor = 0.9

    let context: QueryContext
    let snapshot: IndexSnapshot
    /// How documents must match the words.
    let matching: MatchingMode
    /// Plain words (by ordinal) left optional although `matching` requires words (the `last` and
    /// `frequency` strategies drop words this way).
    let droppedWords: Set<Int>
    private(set) var slots: [QuerySlot] = []
    private(set) var sources: [MatchSource] = []
    private(set) var termTexts: [String] = []
    private(set) var exclusions: [[PostingsCursor]] = []
    private var termIndexByText: [String: Int] = [:]
    private var words: [Word] = []

    var termCount: Int { termTexts.count }

    init(context: QueryContext, snapshot: IndexSnapshot, matching: MatchingMode, droppedWords: Set<Int>) {
        self.context = context
        self.snapshot = snapshot
        self.matching = matching
        self.droppedWords = droppedWords
    }

    private mutating func term(_ text: String) -> Int {
        if let index = termIndexByText[text] { return index }
        termIndexByText[text] = termTexts.count
        termTexts.append(text)
        return termTexts.count - 1
    }

    private mutating func addSource(
        slot: Int, terms: [String], origin: MatchSource.Origin, typos: Int = 0, isPrefix: Bool = false, factor: Double
    ) {
        let indices = terms.map { term($0) }
        if sources.contains(where: { $0.slot == slot && $0.terms == indices }) { return }
        sources.append(MatchSource(slot: slot, terms: indices, origin: origin, typos: typos, isPrefix: isPrefix, factor: factor))
    }

    mutating func addClauses(_ clauses: [QueryClause], endsMidWord: Bool) throws(IndexError) {
        let maximumBytes = AnalyzedDocument.maximumTermBytes
        let analyzed = clauses.map { clause in context.analyzer.analyze(clause.text).filter { $0.term.utf8.count <= maximumBytes } }
        let stopWords = context.stopWords
        // Stop words go from plain words only, and only if something else is left to search.
        let dropStopWords = !stopWords.isEmpty && zip(clauses, analyzed).contains { clause, tokens in
            !clause.isExcluded && (clause.isPhrase || tokens.contains { !stopWords.contains($0.term) })
        }
        var run = 0
        for (clause, allTokens) in zip(clauses, analyzed) {
            if clause.isExcluded {
                run += 1
                var cursors: [PostingsCursor] = []
                for token in allTokens {
                    guard let skip = try snapshot.skipTable(token.term) else { cursors = []; break }
                    cursors.append(snapshot.cursor(for: skip))
                }
                if !cursors.isEmpty { exclusions.append(cursors) }
                continue
            }
            if clause.isPhrase {
                run += 1
                guard !allTokens.isEmpty else { continue }
                slots.append(QuerySlot(text: allTokens.map(\.term).joined(separator: " "), isRequired: true))
                addSource(slot: slots.count - 1, terms: allTokens.map(\.term), origin: .exact, factor: 1)
                continue
            }
            let scalars = Array(clause.text.unicodeScalars)
            for token in allTokens where !(dropStopWords && stopWords.contains(token.term)) {
                var surfaceText = String.UnicodeScalarView()
                surfaceText.append(contentsOf: scalars[token.characterRange])
                let surface = context.surfaceAnalyzer.normalize(word: String(surfaceText))
                let required = matching != .any && !droppedWords.contains(words.count)
                slots.append(QuerySlot(text: token.term, isRequired: required, wordOrdinal: words.count, typedCharacters: token.characterRange.count))
                words.append(
                    Word(
                        slot: slots.count - 1, term: token.term, surface: surface.isEmpty ? token.term : surface,
                        characters: token.characterRange.count,
                        hasDigit: token.kind == .number || token.term.unicodeScalars.contains { $0.properties.numericType != nil },
                        run: run))
                addSource(slot: slots.count - 1, terms: [token.term], origin: .exact, factor: 1)
            }
        }
        let lastIsTyped = endsMidWord && clauses.last.map { !$0.isPhrase && !$0.isExcluded } == true
        for (index, word) in words.enumerated() {
            let isLast = index == words.count - 1
            if isLast && lastIsTyped { try addCompletions(of: word) }
            guard index < Self.expandedWordLimit, context.settings.typoTolerance.enabled else { continue }
            if words.count > Self.fullExpansionWordLimit {
                // A long query (a question, a pasted sentence): only words the dictionary lacks are
                // surely typos; everything else is searched as written.
                try addTypoVariants(of: word, unknownOnly: true)
                continue
            }
            try addTypoVariants(of: word)
            try addSplit(of: word)
            if index + 1 < words.count && words[index + 1].run == word.run {
                try addJoin(word, words[index + 1])
            }
        }
        addSynonyms()
    }

    private func documentFrequency(_ term: String) throws(IndexError) -> UInt32? {
        try snapshot.documentFrequency(of: term)
    }

    private mutating func addTypoVariants(of word: Word, unknownOnly: Bool = false) throws(IndexError) {
        let typo = context.settings.typoTolerance
        let edits = typo.allowedEdits(characters: word.characters, containsDigit: word.hasDigit)
        guard edits > 0, typo.maxVariants > 0 else { return }
        // No variant can be `variantFrequencyRatio` times more frequent than a word already in that
        // many documents: skip the walk.
        let known = Double(try documentFrequency(word.term) ?? 0)
        if unknownOnly && known > 0 { return }
        if known > 0 && known * typo.variantFrequencyRatio >= Double(snapshot.statistics.documentCount) { return }
        if known >= Double(typo.spelledAsMeantFrequency) { return }
        let variants = try snapshot.typoVariants(of: word.term, maxDistance: edits, limit: typo.maxVariants + 1)
        // A word the dictionary knows is most likely spelled as meant (see `variantFrequencyRatio`).
        let needed = known * typo.variantFrequencyRatio
        for variant in variants where variant.distance > 0 && Double(variant.documentFrequency) > needed {
            // An unknown word is surely a typo: its variants stand in for it almost fully.
            let factors = known == 0 ? Self.unknownWordTypoFactor : Self.typoFactor
            addSource(
                slot: word.slot, terms: [variant.term], origin: .typo, typos: variant.distance,
                factor: factors[min(variant.distance, 2)])
        }
    }

    private mutating func addCompletions(of word: Word) throws(IndexError) {
        let typo = context.settings.typoTolerance
        guard typo.maxPrefixCompletions > 0 else { return }
        let edits = typo.allowedEdits(characters: word.surface.unicodeScalars.count, containsDigit: word.hasDigit)
        // One or two typed letters stand for thousands of words: only the most frequent few are searched.
        let short = word.surface.unicodeScalars.count <= 2
        let limit = short ? min(Self.shortPrefixCompletions, typo.maxPrefixCompletions) : typo.maxPrefixCompletions
        let completions = try snapshot.prefixCompletions(of: word.surface, maxDistance: edits, limit: limit)
        for completion in completions where completion.term != word.term {
            addSource(
                slot: word.slot, terms: [completion.term], origin: completion.isPrefix ? .prefix : .typo,
                typos: completion.distance, isPrefix: completion.isPrefix,
                factor: (completion.isPrefix ? Self.prefixFactor : 1) * Self.typoFactor[min(completion.distance, 2)])
        }
    }

    /// "chatgpt" → the phrase "chat gpt" when both halves are dictionary words (the most frequent split).
    private mutating func addSplit(of word: Word) throws(IndexError) {
        let scalars = Array(word.surface.unicodeScalars)
        guard scalars.count >= 5, !word.hasDigit else { return }
        var best: (terms: [String], frequency: UInt32)?
        for cut in 2...(scalars.count - 2) {
            var left = String.UnicodeScalarView(), right = String.UnicodeScalarView()
            left.append(contentsOf: scalars[..<cut])
            right.append(contentsOf: scalars[cut...])
            let a = context.analyzer.normalize(word: String(left)), b = context.analyzer.normalize(word: String(right))
            guard !a.isEmpty, !b.isEmpty, let fa = try documentFrequency(a), let fb = try documentFrequency(b) else { continue }
            if min(fa, fb) > best?.frequency ?? 0 { best = ([a, b], min(fa, fb)) }
        }
        // Only when the word is no more frequent than either half: "portrait" is not "port rait".
        guard let best, try (documentFrequency(word.term) ?? 0) <= best.frequency else { return }
        addSource(slot: word.slot, terms: best.terms, origin: .split, typos: 1, factor: Self.splitFactor)
    }

    /// "cover letter" → "coverletter" when that is a dictionary word; it counts for both words.
    private mutating func addJoin(_ first: Word, _ second: Word) throws(IndexError) {
        guard !first.hasDigit, !second.hasDigit else { return }
        let joined = context.analyzer.normalize(word: first.surface + second.surface)
        guard !joined.isEmpty, try documentFrequency(joined) != nil else { return }
        for word in [first, second] {
            addSource(slot: word.slot, terms: [joined], origin: .join, typos: 1, factor: Self.joinFactor)
        }
    }

    /// Synonyms of single words and of runs of adjacent words; a multi-word key's synonym counts for
    /// each word of the key, with its weight shared between them.
    private mutating func addSynonyms() {
        guard context.longestSynonymKey > 0 else { return }
        for start in words.indices {
            for length in 1...context.longestSynonymKey where start + length <= words.count {
                let span = words[start..<(start + length)]
                guard span.allSatisfy({ $0.run == span.first!.run }) else { break }
                guard let values = context.synonyms[span.map(\.term)] else { continue }
                for value in values {
                    for word in span {
                        addSource(slot: word.slot, terms: value, origin: .synonym, factor: Self.synonymFactor / Double(length))
                    }
                }
            }
        }
    }
}
