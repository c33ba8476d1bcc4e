import VaultStorage

extension IndexSnapshot {
    /// Accepted terms a prefix walk reads before it stops (the answer is then approximate: the best
    /// of the first `prefixScanCap` completions in dictionary order, not of all of them).
    public static let prefixScanCap = 2_048

    /// Terms within `maxDistance` of `word` (the exact term itself too, distance 0), best first:
    /// distance ascending, then document frequency descending, then term; at most `limit`.
    ///
    /// `word` is an analyzed term (folded, stemmed), as stored. Distance is restricted
    /// Damerau–Levenshtein over Unicode scalars where an edit on the first scalar counts 2 (see
    /// ``TypoAutomaton``). Found by walking the automaton over the dictionary, never by a scan.
    /// An empty word has no variants.
    /// - Throws: ``IndexError/invalidQuery(_:)`` when `maxDistance` is outside 0...4 or `limit` is
    ///   negative; ``IndexError/corrupt(_:)`` for a damaged dictionary entry.
    public func typoVariants(of word: String, maxDistance: Int, limit: Int) throws(IndexError) -> [TermVariant] {
        var work = DictionaryWalkWork()
        return try typoVariants(of: word, maxDistance: maxDistance, limit: limit, work: &work)
    }

    /// ``typoVariants(of:maxDistance:limit:)``, adding what the walk did to `work`.
    public func typoVariants(
        of word: String, maxDistance: Int, limit: Int, work: inout DictionaryWalkWork
    ) throws(IndexError) -> [TermVariant] {
        guard try Self.canMatch(word, maxDistance: maxDistance, limit: limit) else { return [] }
        let automaton = TypoAutomaton(word: word, maxDistance: maxDistance, matchesPrefixes: false)
        return try walk(automaton, limit: limit, scanCap: .max, work: &work)
    }

    /// Terms that start with `prefix` (maxDistance 0) or with a string within `maxDistance` of it;
    /// best first: distance ascending (of the term's best-matching prefix), then document frequency
    /// descending, then term; at most `limit`. A term that matches as a whole word at that same
    /// distance (the exact term `prefix` itself, for one) has `isPrefix == false`.
    ///
    /// Short prefixes (1–3 scalars, `maxDistance` 0) are answered from the prefix table, which
    /// holds each such prefix's exact top 32 terms (more when stored) by document frequency; larger
    /// limits and other prefixes walk the dictionary. A walk stops after ``prefixScanCap`` accepted
    /// terms, so for a prefix with more completions than that the answer is approximate
    /// (`work.hitScanCap` says so).
    /// - Throws: as ``typoVariants(of:maxDistance:limit:)``.
    public func prefixCompletions(of prefix: String, maxDistance: Int, limit: Int) throws(IndexError) -> [TermVariant] {
        var work = DictionaryWalkWork()
        return try prefixCompletions(of: prefix, maxDistance: maxDistance, limit: limit, work: &work)
    }

    /// ``prefixCompletions(of:maxDistance:limit:)``, adding what the walk did to `work`;
    /// `usePrefixTable: false` always walks (the baseline of the prefix table benchmark).
    public func prefixCompletions(
        of prefix: String, maxDistance: Int, limit: Int, work: inout DictionaryWalkWork, usePrefixTable: Bool = true
    ) throws(IndexError) -> [TermVariant] {
        guard try Self.canMatch(prefix, maxDistance: maxDistance, limit: limit) else { return [] }
        if usePrefixTable && maxDistance == 0 && prefix.unicodeScalars.count <= PrefixTermList.maximumPrefixScalars,
            let listed = try prefixTableCompletions(of: prefix, limit: limit)
        {
            work.usedPrefixTable = true
            return listed
        }
        let automaton = TypoAutomaton(word: prefix, maxDistance: maxDistance, matchesPrefixes: true)
        return try walk(automaton, limit: limit, scanCap: Self.prefixScanCap, work: &work)
    }

    /// The O(terms) reference for ``typoVariants(of:maxDistance:limit:)``: every term of the
    /// dictionary run through the automaton. The baseline of the dictionary benchmark; not for
    /// queries.
    public func scanTypoVariants(of word: String, maxDistance: Int, limit: Int) throws(IndexError) -> [TermVariant] {
        guard try Self.canMatch(word, maxDistance: maxDistance, limit: limit) else { return [] }
        let automaton = TypoAutomaton(word: word, maxDistance: maxDistance, matchesPrefixes: false)
        let start = automaton.start()
        var selection = VariantSelection(limit: limit)
        try IndexError.wrap {
            let cursor = try transaction.cursor(index.databases.terms)
            var entry = try cursor.first()
            while let (key, value) = entry {
                var state = start
                var offset = 0
                while offset < key.count && !automaton.isDead(state) {
                    let (scalar, length) = UTF8Scalar.decode(key, at: offset)
                    state = automaton.step(state, scalar)
                    offset += length
                }
                if offset == key.count, let distance = automaton.distance(state) {
                    let df: UInt32
                    do { df = try TermInfo.documentFrequency(in: value) } catch { throw error.at(index.databases.terms, key: Array(key)) }
                    selection.add(TermVariant(term: String(decoding: key, as: UTF8.self), distance: distance, isPrefix: false, documentFrequency: df))
                }
                entry = try cursor.next()
            }
        }
        return selection.result()
    }

    /// Validates the arguments; false when nothing can match (empty word, zero limit, a word too
    /// long for any term to be within reach).
    private static func canMatch(_ word: String, maxDistance: Int, limit: Int) throws(IndexError) -> Bool {
        guard (0...TypoAutomaton.maximumDistance).contains(maxDistance) else {
            throw .invalidQuery("maxDistance must be in 0...\(TypoAutomaton.maximumDistance), not \(maxDistance)")
        }
        guard limit >= 0 else { throw .invalidQuery("limit must not be negative, not \(limit)") }
        // A term has at most maximumTermBytes bytes, so at most as many scalars; every extra query
        // scalar costs at least one deletion.
        return limit > 0 && !word.isEmpty
            && word.unicodeScalars.count <= AnalyzedDocument.maximumTermBytes + maxDistance
    }

    private func walk(
        _ automaton: TypoAutomaton, limit: Int, scanCap: Int, work: inout DictionaryWalkWork
    ) throws(IndexError) -> [TermVariant] {
        try IndexError.wrap {
            var walker = DictionaryWalker(
                cursor: try transaction.cursor(index.databases.terms), database: index.databases.terms, automaton: automaton, limit: limit,
                scanCap: scanCap)
            defer {
                work.seeks += walker.work.seeks
                work.steps += walker.work.steps
                work.nodes += walker.work.nodes
                work.accepted += walker.work.accepted
                work.hitScanCap = work.hitScanCap || walker.work.hitScanCap
            }
            try walker.run()
            var selection = walker.selection
            return selection.result()
        }
    }

    /// The answer from the prefix table, or nil when the table cannot give it exactly (the list
    /// is shorter than `limit` and not complete).
    private func prefixTableCompletions(of prefix: String, limit: Int) throws(IndexError) -> [TermVariant]? {
        let key = Array(prefix.utf8)
        return try IndexError.wrap {
            guard let raw = try transaction.get(index.databases.prefixes, key: key) else { return [] }
            let list: PrefixTermList
            do { list = try PrefixTermList.decode(raw) } catch { throw error.at(index.databases.prefixes, key: key) }
            guard list.isComplete || list.entries.count >= limit else { return nil }
            return list.entries.prefix(limit).map { entry in
                TermVariant(
                    term: String(decoding: entry.term, as: UTF8.self), distance: 0, isPrefix: entry.term != key,
                    documentFrequency: entry.documentFrequency)
            }
        }
    }
}
