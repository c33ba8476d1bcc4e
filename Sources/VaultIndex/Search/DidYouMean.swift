import VaultAnalysis

/// Builds a corrected query from the term dictionary when a query matches nothing or very little:
/// each plain word that is absent or rare is replaced by the closest much more frequent dictionary
/// term (fewest edits first, then most documents), spelled as it appears in a document.
struct DidYouMean {
    /// Suggestions are made when a search returns fewer hits than this.
    static let fewHits = 3
    /// A replacement for a word the dictionary has must occur in this many times more documents.
    static let frequencyGain: UInt32 = 5

    let context: QueryContext
    let snapshot: IndexSnapshot
    /// The documents the request may see (nil: all). A word is suggested only when one of these has
    /// it, so a word that occurs only in someone's private prompts is never revealed.
    let visible: DocSet?

    /// The corrected query, or nil when no word needs (or has) a correction.
    func suggestion(for clauses: [QueryClause]) throws(IndexError) -> String? {
        var changed = false
        var parts: [String] = []
        for clause in clauses {
            guard !clause.isPhrase, !clause.isExcluded else {
                parts.append((clause.isExcluded ? "-" : "") + (clause.isPhrase ? "\"\(clause.text)\"" : clause.text))
                continue
            }
            if let replacement = try correction(of: clause.text) {
                parts.append(replacement)
                changed = true
            } else {
                parts.append(clause.text)
            }
        }
        return changed ? parts.joined(separator: " ") : nil
    }

    /// A correction of one typed word, if it needs one.
    private func correction(of word: String) throws(IndexError) -> String? {
        let tokens = context.analyzer.analyze(word)
        guard tokens.count == 1, let token = tokens.first, token.kind == .word else { return nil }
        let characters = token.characterRange.count
        let hasDigit = token.term.unicodeScalars.contains { $0.properties.numericType != nil }
        guard characters >= 3, !hasDigit else { return nil }
        // More generous than matching: a suggestion is shown, not silently applied.
        // Terms are stems ("guide" → "guid"), so a typed word is often two edits from the stem it means.
        let edits = characters >= 4 ? 2 : 1
        let variants = try snapshot.typoVariants(of: token.term, maxDistance: edits, limit: 50)
        let own = variants.first { $0.distance == 0 }?.documentFrequency ?? 0
        // An unknown word takes any known neighbour; a known but rare word only a much more frequent one.
        let needed = own == 0 ? 1 : own * Self.frequencyGain
        var better: [TermVariant] = []
        for variant in variants where variant.distance > 0 && variant.documentFrequency >= needed {
            if try firstVisibleDocument(with: variant.term) != nil { better.append(variant) }
        }
        // Fewest edits; then the most letters kept in order ("trvl" → "travel", not "tell"); then frequency.
        let typed = Array(token.term.unicodeScalars)
        func rank(_ v: TermVariant) -> (Int, Int, Int) {
            (v.distance, -Self.commonSubsequence(typed, Array(v.term.unicodeScalars)), -Int(v.documentFrequency))
        }
        guard let choice = better.min(by: { rank($0) < rank($1) }) else { return nil }
        return try surfaceForm(of: choice.term) ?? choice.term
    }

    /// The length of the longest common subsequence of two words.
    static func commonSubsequence(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        var previous = [Int](repeating: 0, count: b.count + 1)
        for x in a {
            var current = [0]
            for (j, y) in b.enumerated() { current.append(x == y ? previous[j] + 1 : max(previous[j + 1], current[j])) }
            previous = current
        }
        return previous[b.count]
    }

    /// The first document holding `term` that the request may see.
    private func firstVisibleDocument(with term: String) throws(IndexError) -> UInt32? {
        guard let skip = try snapshot.skipTable(term) else { return nil }
        let cursor = snapshot.cursor(for: skip)
        if let visible {
            while cursor.doc != PostingsCursor.exhausted, !visible.contains(cursor.doc) {
                cursor.advance(to: visible.next(atLeast: cursor.doc))
            }
        }
        if let problem = cursor.corruption { throw .corrupt(problem) }
        return cursor.doc == PostingsCursor.exhausted ? nil : cursor.doc
    }

    /// How `term` is written in the first visible document that has it (lowercased), so a stem such as
    /// `debugg` is suggested as `debugger`.
    private func surfaceForm(of term: String) throws(IndexError) -> String? {
        guard let doc = try firstVisibleDocument(with: term), let document = try snapshot.storedDocument(number: doc) else { return nil }
        for field in snapshot.settings.searchableFields {
            let texts: [String]
            switch document.fields[field.name] {
            case .string(let text): texts = [text]
            case .strings(let list): texts = list
            default: continue
            }
            for text in texts {
                let scalars = Array(text.unicodeScalars)
                for token in context.analyzer.analyze(text) where token.term == term {
                    var surface = String.UnicodeScalarView()
                    surface.append(contentsOf: scalars[token.characterRange])
                    return String(surface).lowercased()
                }
            }
        }
        return nil
    }
}
