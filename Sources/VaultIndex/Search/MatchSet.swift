/// The exact set of documents a query matches — every one, not the top k — for totals, facet
/// counts, sort and distinct.
///
/// When the plan's matching needs no positions (no phrase sources, no phrase exclusions), a document
/// matches exactly when it holds a term of every required word, or of any word when none is required
/// (``CandidateScorer/finish(cursors:)``'s rule), so the set is unions and intersections of
/// postings doc numbers: no frequencies read, nothing scored. Otherwise the executor's unpruned
/// collecting pass computes it (``QueryExecutor``).
enum MatchSet {
    /// The match set by set algebra, or nil when the plan needs the scoring pass.
    static func bySetAlgebra(_ plan: QueryPlan, snapshot: IndexSnapshot) throws(IndexError) -> DocSet? {
        let capacity = snapshot.docCapacity
        if plan.cannotMatch { return DocSet(capacity: capacity) }
        guard plan.phraseSourceIndices.isEmpty, plan.exclusions.allSatisfy({ $0.cursors.count == 1 }) else { return nil }
        var termDocs: [Int: DocSet] = [:]
        func docs(ofTerm term: Int) throws(IndexError) -> DocSet {
            if let cached = termDocs[term] { return cached }
            var set = DocSet(capacity: capacity)
            if let cursor = plan.terms[term].cursor { try collect(snapshot.cursor(for: cursor.skip), into: &set) }
            termDocs[term] = set
            return set
        }
        var required: DocSet?
        var any = DocSet(capacity: capacity)
        for (slot, info) in plan.slots.enumerated() {
            var slotSet = DocSet(capacity: capacity)
            for source in plan.sourcesBySlot[slot] {
                for term in plan.sources[source].terms { slotSet.formUnion(try docs(ofTerm: term)) }
            }
            if info.isRequired {
                if required == nil { required = slotSet } else { required!.formIntersection(slotSet) }
            } else {
                any.formUnion(slotSet)
            }
        }
        var result = required ?? any
        for exclusion in plan.exclusions {
            var excluded = DocSet(capacity: capacity)
            try collect(snapshot.cursor(for: exclusion.cursors[0].skip), into: &excluded)
            result.subtract(excluded)
        }
        return result
    }

    private static func collect(_ cursor: PostingsCursor, into set: inout DocSet) throws(IndexError) {
        while cursor.doc != PostingsCursor.exhausted {
            set.insert(cursor.doc)
            cursor.next()
        }
        if let problem = cursor.corruption { throw .corrupt(problem) }
    }
}

extension QueryPlan {
    /// The same plan with new cursors at the start of their lists (a plan's cursors are used up by
    /// one execution), so one compiled query can be executed again, e.g. over another allowed set.
    func restarted(in snapshot: IndexSnapshot) -> QueryPlan {
        var copy = self
        for i in copy.terms.indices {
            if let cursor = copy.terms[i].cursor { copy.terms[i].cursor = snapshot.cursor(for: cursor.skip) }
        }
        copy.exclusions = exclusions.map { Exclusion(cursors: $0.cursors.map { snapshot.cursor(for: $0.skip) }) }
        return copy
    }
}
