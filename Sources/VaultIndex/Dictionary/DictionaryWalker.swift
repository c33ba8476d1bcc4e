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
    /// The `terms` database the cursor walks (for messages).
    private let database: Database
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
    init(cursor: Cursor, database: Database, automaton: TypoAutomaton, limit: Int, scanCap: Int = .max) {
        self.cursor = cursor
        self.database = database
        self.automaton = automaton
        self.scanCap = scanCap
        self.selection = VariantSelection(limit: limit)
        prefix.reserveCapacity(64)
    }

    /// Walks the whole dictionary.
    mutating func run() throws {
        work.seeks += 1
        guard let first = try cursor.first() else { return }
        _ = try visit(automaton.start(), first: first)
    }

    private func hasPrefix(_ key: UnsafeRawBufferPointer, length: Int) -> Bool {
        guard key.count >= length else { return false }
        for k in 0..<length where key[k] != prefix[k] { return false }
        return true
    }

    private mutating func accept(_ entry: Cursor.Entry, distance: Int, isPrefix: Bool) throws {
        work.accepted += 1
        let df: UInt32
        do { df = try TermInfo.documentFrequency(in: entry.value) } catch { throw error.at(database, key: Array(entry.key)) }
        selection.add(TermVariant(term: String(decoding: entry.key, as: UTF8.self), distance: distance, isPrefix: isPrefix, documentFrequency: df))
    }

    /// Visits the node `prefix` in automaton state `state`; `entry` is the cursor's position: the
    /// first key at least `prefix`, which starts with `prefix`. Returns the cursor's position
    /// afterwards: the first key at least the last target the visit moved to (nil past the last key).
    private mutating func visit(_ state: TypoAutomaton.State, first entry: Cursor.Entry) throws -> Cursor.Entry? {
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
            return try scanSubtree(from: current, depth: depth, distance: Int(state.bestPrefixDistance))
        }
        if work.accepted >= scanCap {
            stop()
            return current
        }
        if let suffixes = automaton.exactCompletions(state) {
            return try lookUp(suffixes, from: current, depth: depth, distance: automaton.maxDistance)
        }
        if let live = automaton.liveScalars(state) {
            for scalar in live {
                UTF8Scalar.encode(scalar, into: &prefix)
                defer { prefix.removeSubrange(depth...) }
                current = try advance(current, to: prefix)
                guard let found = current else { return nil }
                if hasPrefix(found.key, length: prefix.count) {
                    current = try visit(automaton.step(state, scalar), first: found)
                    if stopped { return current }
                }
            }
            return current
        }
        while let child = current, hasPrefix(child.key, length: depth), child.key.count > depth {
            let (scalar, length) = UTF8Scalar.decode(child.key, at: depth)
            prefix.append(contentsOf: child.key[depth..<(depth + length)])
            defer { prefix.removeSubrange(depth...) }
            if automaton.isAlive(after: state, scalar) {
                current = try visit(automaton.step(state, scalar), first: child)
                if stopped { return current }
            }
            prefix.append(0xFF)  // past every key starting with prefix + scalar: the next sibling
            current = try advance(current, to: prefix)
        }
        return current
    }

    /// The first key at least `target`, from the cursor's position `current` (the first key at
    /// least some earlier target, which must not be above `target`): a few `next()` steps when it is
    /// close, else a seek. Nil past the last key.
    private mutating func advance(_ current: Cursor.Entry?, to target: [UInt8]) throws -> Cursor.Entry? {
        guard var entry = current else { return nil }
        var steps = 0
        while Self.compare(entry.key, target) < 0 {
            if steps == Self.stepsBeforeSeek {
                work.seeks += 1
                return try cursor.seek(atLeast: target)
            }
            steps += 1
            work.steps += 1
            guard let next = try cursor.next() else { return nil }
            entry = next
        }
        return entry
    }

    /// How many keys `advance` reads one by one before it seeks instead.
    private static let stepsBeforeSeek = 2

    private static func compare(_ key: UnsafeRawBufferPointer, _ target: [UInt8]) -> Int {
        let common = min(key.count, target.count)
        for k in 0..<common where key[k] != target[k] { return key[k] < target[k] ? -1 : 1 }
        return key.count == target.count ? 0 : (key.count < target.count ? -1 : 1)
    }

    /// Accepts the terms `prefix + suffix` that exist, at `distance` (budget spent: see
    /// ``TypoAutomaton/exactCompletions(_:)``), visiting them in key order with ``advance(_:to:)``
    /// instead of stepping the automaton down scalar by scalar.
    private mutating func lookUp(
        _ suffixes: [[UInt32]], from entry: Cursor.Entry?, depth: Int, distance: Int
    ) throws -> Cursor.Entry? {
        var keys: [[UInt8]] = suffixes.compactMap { suffix in
            var key = prefix
            for scalar in suffix { UTF8Scalar.encode(scalar, into: &key) }
            return key.count <= AnalyzedDocument.maximumTermBytes ? key : nil  // no longer term exists
        }
        keys.sort { $0.lexicographicallyPrecedes($1) }
        var current = entry
        for key in keys {
            current = try advance(current, to: key)
            guard let found = current else { return nil }
            if Self.compare(found.key, key) == 0 { try accept(found, distance: distance, isPrefix: false) }
            if !hasPrefix(found.key, length: depth) { break }  // past the subtree: the rest are absent
        }
        return current
    }

    /// Accepts every key from `entry` on that starts with the node's prefix, as a completion.
    private mutating func scanSubtree(from entry: Cursor.Entry?, depth: Int, distance: Int) throws -> Cursor.Entry? {
        var current = entry
        while let item = current, hasPrefix(item.key, length: depth) {
            if work.accepted >= scanCap {
                stop()
                return current
            }
            try accept(item, distance: distance, isPrefix: true)
            work.steps += 1
            current = try cursor.next()
        }
        return current
    }

    private mutating func stop() {
        stopped = true
        work.hitScanCap = true
    }
}
