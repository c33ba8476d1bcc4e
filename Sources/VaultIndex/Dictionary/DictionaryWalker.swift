import VaultStorage

/// A depth-first walk of a ``TypoAutomaton`` over the sorted keys of the `terms` database, with
/// cursor seeks: it visits only term prefixes the automaton keeps alive, never all terms.
///
/// The dictionary is an implicit trie: the children of a prefix `p` are the distinct scalars that
/// follow `p` in some key. They are found by seeking: `seek(p)` lands on the first key with prefix
/// `p`, whose next scalar `c` is the first child; after the subtree of `p+c` is done, `seek(p + c +
/// 0xFF)` (no UTF-8 sequence contains 0xFF, so this is past every key starting with `p+c`) lands on
/// the next sibling. When the automaton has no budget left for an edit, only a few query scalars
/// keep it alive (``TypoAutomaton/liveScalars(_:)``), and the walk seeks `p+c` for just those; in
/// whole-word mode it instead looks up the few terms that can still match outright
/// (``TypoAutomaton/exactCompletions(_:)``).
/// UTF-8 byte order equals scalar order, so siblings come in scalar order.
///
/// In prefix mode, once a prefix is accepted and no longer step can change a completion's distance
/// (``TypoAutomaton/needsMoreSteps(_:)``), its subtree is read with `next()` alone, up to
/// `scanCap` accepted terms for the whole walk.
struct DictionaryWalker {
    private let cursor: Cursor
    private let automaton: TypoAutomaton
    private let scanCap: Int
    /// What the walk did so far.
    private(set) var work = DictionaryWalkWork()
    /// The best variants so far.
    private(set) var selection: VariantSelection
    /// The bytes of the node being visited.
    private var prefix: [UInt8] = []
    private var stopped = false

    /// A walker reading `cursor` (over `terms`) that keeps the best `limit` variants and stops after
    /// `scanCap` accepted terms.
    init(cursor: Cursor, automaton: TypoAutomaton, limit: Int, scanCap: Int = .max) {
        self.cursor = cursor
        self.automaton = automaton
        self.scanCap = scanCap
        self.selection = VariantSelection(limit: limit)
        prefix.reserveCapacity(64)
    }

    /// Walks the whole dictionary.
    mutating func run() throws {
        work.seeks += 1
        guard let first = try cursor.first() else { return }
        try visit(automaton.start(), first: first)
    }

    private func hasPrefix(_ key: UnsafeRawBufferPointer, length: Int) -> Bool {
        guard key.count >= length else { return false }
        for k in 0..<length where key[k] != prefix[k] { return false }
        return true
    }

    private func documentFrequency(_ value: UnsafeRawBufferPointer) throws(IndexError) -> UInt32 {
        var reader = ByteReader(value)
        _ = reader.varint()
        let df = reader.varint()
        if reader.failed { throw .corrupt("term dictionary entry") }
        return df
    }

    private mutating func accept(_ entry: Cursor.Entry, distance: Int, isPrefix: Bool) throws {
        work.accepted += 1
        selection.add(TermVariant(
            term: String(decoding: entry.key, as: UTF8.self), distance: distance, isPrefix: isPrefix,
            documentFrequency: try documentFrequency(entry.value)))
    }

    /// Visits the node `prefix` in automaton state `state`; `entry` is the first key at least
    /// `prefix`, and it starts with `prefix`.
    private mutating func visit(_ state: TypoAutomaton.State, first entry: Cursor.Entry) throws {
        work.nodes += 1
        let depth = prefix.count
        var current: Cursor.Entry? = entry
        if entry.key.count == depth {  // the node is itself a term
            if automaton.matchesPrefixes {
                if let best = automaton.prefixDistance(state) {
                    try accept(entry, distance: best, isPrefix: (automaton.distance(state) ?? .max) > best)
                }
            } else if let distance = automaton.distance(state) {
                try accept(entry, distance: distance, isPrefix: false)
            }
            work.steps += 1
            current = try cursor.next()
        }
        if automaton.isAcceptedAsPrefix(state) && !automaton.needsMoreSteps(state) {
            try scanSubtree(from: current, depth: depth, distance: Int(state.bestPrefixDistance))
            return
        }
        if work.accepted >= scanCap { return stop() }
        if let suffixes = automaton.exactCompletions(state) {
            try lookUp(suffixes, depth: depth, distance: automaton.maxDistance)
            return
        }
        if let live = automaton.liveScalars(state) {
            for scalar in live {
                UTF8Scalar.encode(scalar, into: &prefix)
                work.seeks += 1
                if let found = try cursor.seek(atLeast: prefix), hasPrefix(found.key, length: prefix.count) {
                    try visit(automaton.step(state, scalar), first: found)
                }
                prefix.removeSubrange(depth...)
                if stopped { return }
            }
            return
        }
        while let child = current, hasPrefix(child.key, length: depth), child.key.count > depth {
            let (scalar, length) = UTF8Scalar.decode(child.key, at: depth)
            prefix.append(contentsOf: child.key[depth..<(depth + length)])
            let next = automaton.step(state, scalar)
            if !automaton.isDead(next) {
                try visit(next, first: child)
                if stopped { return }
            }
            prefix.append(0xFF)
            work.seeks += 1
            current = try cursor.seek(atLeast: prefix)
            prefix.removeSubrange(depth...)
        }
    }

    /// Accepts the terms `prefix + suffix` that exist, at `distance` (budget spent: see
    /// ``TypoAutomaton/exactCompletions(_:)``): one seek each instead of a step per scalar.
    private mutating func lookUp(_ suffixes: [[UInt32]], depth: Int, distance: Int) throws {
        for suffix in suffixes {
            for scalar in suffix { UTF8Scalar.encode(scalar, into: &prefix) }
            defer { prefix.removeSubrange(depth...) }
            guard prefix.count <= AnalyzedDocument.maximumTermBytes else { continue }  // no such term; LMDB keys are short
            work.seeks += 1
            if let found = try cursor.seek(atLeast: prefix), found.key.count == prefix.count, hasPrefix(found.key, length: prefix.count) {
                try accept(found, distance: distance, isPrefix: false)
            }
        }
    }

    /// Accepts every key from `entry` on that starts with the node's prefix, as a completion.
    private mutating func scanSubtree(from entry: Cursor.Entry?, depth: Int, distance: Int) throws {
        var current = entry
        while let item = current, hasPrefix(item.key, length: depth) {
            if work.accepted >= scanCap { return stop() }
            try accept(item, distance: distance, isPrefix: true)
            work.steps += 1
            current = try cursor.next()
        }
    }

    private mutating func stop() {
        stopped = true
        work.hitScanCap = true
    }
}
