/// The exact set of documents a query matches — every one, not the top k — for totals, facet
/// counts, sort and distinct.
///
/// A document matches exactly when it matches a source of every required word, or of any word when
/// none is required, and no exclusion (``CandidateScorer/finish(cursors:)``'s rule), so the set is
/// unions and intersections of postings doc numbers: no frequencies read, nothing scored; phrases
/// read positions for the documents that hold all their terms. The top k comes from the pruned
/// executor separately; neither pass waits for the other's work.
enum MatchSet {
    /// The exact match set, by set algebra.
    ///
    /// Single-term sources contribute their postings' doc numbers; a phrase source (a split word,
    /// a multi-word synonym, a quoted phrase) the intersection of its members' doc numbers,
    /// checked for adjacency with positions — only the intersection is read, usually a small set.
    static func bySetAlgebra(_ plan: QueryPlan, snapshot: IndexSnapshot) throws(IndexError) -> DocSet {
        let capacity = snapshot.docCapacity
        if plan.cannotMatch { return DocSet(capacity: capacity) }
        let fieldCount = snapshot.settings.searchableFields.count
        var termDocs: [Int: DocSet] = [:]
        func docs(ofTerm term: Int) throws(IndexError) -> DocSet {
            if let cached = termDocs[term] { return cached }
            var set = DocSet(capacity: capacity)
            if let cursor = plan.terms[term].cursor { try collect(snapshot.cursor(for: cursor.skip), into: &set) }
            termDocs[term] = set
            return set
        }
        func phrase(_ cursors: [PostingsCursor]) throws(IndexError) -> DocSet {
            var both: DocSet?
            for cursor in cursors {
                var set = DocSet(capacity: capacity)
                try collect(snapshot.cursor(for: cursor.skip), into: &set)
                if both == nil { both = set } else { both!.formIntersection(set) }
            }
            guard let both else { return DocSet(capacity: capacity) }
            let fresh = cursors.map { snapshot.cursor(for: $0.skip) }
            var verified = DocSet(capacity: capacity)
            both.forEach { doc in
                for cursor in fresh { cursor.advance(to: doc) }
                if PhraseMatcher.matches(fresh, fieldCount: fieldCount) { verified.insert(doc) }
            }
            for cursor in fresh { if let problem = cursor.corruption { throw .corrupt(problem) } }
            return verified
        }
        var required: DocSet?
        var any = DocSet(capacity: capacity)
        for (slot, info) in plan.slots.enumerated() {
            var slotSet = DocSet(capacity: capacity)
            for source in plan.sourcesBySlot[slot] {
                let terms = plan.sources[source].terms
                if terms.count == 1 {
                    slotSet.formUnion(try docs(ofTerm: terms[0]))
                } else {
                    slotSet.formUnion(try phrase(terms.compactMap { plan.terms[$0].cursor }))
                }
            }
            if info.isRequired {
                if required == nil { required = slotSet } else { required!.formIntersection(slotSet) }
            } else {
                any.formUnion(slotSet)
            }
        }
        var result = required ?? any
        for exclusion in plan.exclusions {
            if exclusion.cursors.count == 1 {
                var excluded = DocSet(capacity: capacity)
                try collect(snapshot.cursor(for: exclusion.cursors[0].skip), into: &excluded)
                result.subtract(excluded)
            } else {
                result.subtract(try phrase(exclusion.cursors))
            }
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
