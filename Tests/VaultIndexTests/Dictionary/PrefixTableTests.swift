import Testing
import VaultCorpus
import VaultStorage
@testable import VaultIndex

/// The prefix table (`prefixes`) against brute force:
/// 1. `PrefixTermList.update` keeps its invariant under random df changes with small capacities:
///    the listed entries are the exact top of the prefix, at least the guaranteed count unless
///    complete (refilled from the truth when it says it needs it);
/// 2. in a real index, after random batches of adds, replacements and deletes (prefixes with far more
///    terms than the capacity, and rounds that delete most documents), every stored list is the exact
///    top by document frequency of the live words, the short-prefix completions equal brute force,
///    and `check()` finds nothing;
/// 3. `removeAll()` empties the table;
/// 4. an index of format 1 (no `prefixes` database) is refused with the format error, not "no index".
@Suite("prefix table equals brute force")
struct PrefixTableTests {
    static func truthRanking(_ dfs: [[UInt8]: UInt32]) -> [PrefixTermList.Entry] {
        dfs.filter { $0.value > 0 }.map { PrefixTermList.Entry(term: $0.key, documentFrequency: $0.value) }
            .sorted {
                $0.documentFrequency != $1.documentFrequency
                    ? $0.documentFrequency > $1.documentFrequency : $0.term.lexicographicallyPrecedes($1.term)
            }
    }

    @Test("the list invariant holds under random updates with small capacities")
    func listInvariant() throws {
        let seed = propertySeed()
        print("PrefixTableTests.listInvariant seed: \(seed) (replay with VAULT_TEST_SEED=\(seed))")
        var rng = SeededRandom(seed: seed)
        var refills = 0
        for trial in 0..<200 {
            let guaranteed = 1 + rng.below(4)
            let capacity = guaranteed + rng.below(5)
            var list = PrefixTermList(guaranteedCount: guaranteed, capacity: capacity)
            var truth: [[UInt8]: UInt32] = [:]
            let universe = (0..<(2 + rng.below(20))).map { [UInt8(0x61), UInt8(0x61 + $0)] }
            for step in 0..<40 {
                var changed: [[UInt8]: UInt32] = [:]
                for _ in 0..<(1 + rng.below(6)) {
                    let term = rng.pick(universe)
                    let old = changed[term] ?? truth[term] ?? 0
                    changed[term] = rng.chance(30) ? 0 : UInt32(max(0, Int(old) + rng.below(7) - 3))
                }
                for (term, df) in changed { truth[term] = df }
                for term in changed.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
                    list.update(term: term, documentFrequency: changed[term]!)
                }
                if list.needsRefill {
                    refills += 1
                    list.rebuild(from: truth.map { PrefixTermList.Entry(term: $0.key, documentFrequency: $0.value) })
                }
                let ranking = Self.truthRanking(truth)
                let context = "seed \(seed) trial \(trial) step \(step) N \(guaranteed) K \(capacity)"
                #expect(list.entries.count <= capacity, "\(context)")
                #expect(Array(ranking.prefix(list.entries.count)) == list.entries, "\(context): not the exact top")
                if list.isComplete { #expect(list.entries == ranking, "\(context): complete but not all") }
                else { #expect(list.entries.count >= guaranteed, "\(context): short") }
                let decoded = try list.encoded().withUnsafeBytes { (raw) throws in try PrefixTermList.decode(raw) }
                #expect(decoded.entries == list.entries && decoded.isComplete == list.isComplete, "\(context): round trip")
            }
        }
        #expect(refills > 0, "the trials should exercise refills")
    }

    /// Words over {a, b} of 1–8 letters: prefixes like "a" and "ab" have hundreds of terms.
    static func randomWord(_ rng: inout SeededRandom) -> String {
        String((0..<(1 + rng.below(8))).map { _ in rng.chance(60) ? Character("a") : Character("b") })
    }

    @Test("stored lists are the exact top terms after random batches, and check() agrees")
    func tableEqualsBruteForce() throws {
        let seed = propertySeed()
        print("PrefixTableTests.tableEqualsBruteForce seed: \(seed) (replay with VAULT_TEST_SEED=\(seed))")
        var rng = SeededRandom(seed: seed)
        let model = try DictionaryModel()
        var sawIncomplete = false
        for round in 0..<10 {
            var changes: [(id: String, words: [String]?)] = []
            let deleteShare = round % 4 == 3 ? 85 : 15  // every fourth round deletes most documents
            for _ in 0..<(30 + rng.below(120)) {
                let id = "d\(rng.below(300))"
                changes.append((id, rng.chance(deleteShare) ? nil : (0..<(1 + rng.below(25))).map { _ in Self.randomWord(&rng) }))
            }
            try model.apply(changes)
            let dfs = model.documentFrequencies
            let snapshot = try model.index.snapshot()
            defer { snapshot.close() }
            var prefixes: [[UInt8]: [[UInt8]: UInt32]] = [:]
            for (word, df) in dfs {
                for length in 1...3 where length <= word.count {
                    prefixes[Array(word.utf8.prefix(length)), default: [:]][Array(word.utf8)] = df
                }
            }
            #expect(try snapshot.transaction.count(model.index.databases.prefixes) == prefixes.count, "seed \(seed) round \(round)")
            for (prefix, terms) in prefixes {
                let context = "seed \(seed) round \(round) prefix '\(String(decoding: prefix, as: UTF8.self))'"
                guard let raw = try snapshot.transaction.get(model.index.databases.prefixes, key: prefix) else {
                    Issue.record("\(context): no list")
                    continue
                }
                let list = try PrefixTermList.decode(raw)
                let ranking = Self.truthRanking(terms)
                if list.isComplete { #expect(list.entries == ranking, "\(context)") } else {
                    sawIncomplete = true
                    #expect(list.entries.count >= PrefixTermList.guaranteedCount, "\(context)")
                    #expect(Array(ranking.prefix(list.entries.count)) == list.entries, "\(context)")
                }
                var work = DictionaryWalkWork()
                let text = String(decoding: prefix, as: UTF8.self)
                let top = try snapshot.prefixCompletions(of: text, maxDistance: 0, limit: PrefixTermList.guaranteedCount, work: &work)
                #expect(work.usedPrefixTable, "\(context)")
                #expect(top == model.bruteForceCompletions(of: text, maxDistance: 0, limit: PrefixTermList.guaranteedCount), "\(context)")
            }
            #expect(try snapshot.check() == [], "seed \(seed) round \(round)")
        }
        #expect(sawIncomplete, "some prefix should have more terms than the capacity")
    }

    @Test("removeAll empties the prefix table")
    func removeAllClears() throws {
        let model = try DictionaryModel()
        try model.apply([("1", ["alpha", "beta"]), ("2", ["alpine"])])
        try model.writer.removeAll()
        let snapshot = try model.index.snapshot()
        defer { snapshot.close() }
        #expect(try snapshot.transaction.count(model.index.databases.prefixes) == 0)
        #expect(try snapshot.prefixCompletions(of: "al", maxDistance: 0, limit: 5).isEmpty)
        #expect(try snapshot.check() == [])
    }

    @Test("check() reports a stale prefix list")
    func checkFindsStaleList() throws {
        let model = try DictionaryModel()
        try model.apply([("1", ["alpha", "beta"]), ("2", ["alpine", "alpha"])])
        try model.index.environment.write { txn in
            var list = PrefixTermList()
            list.update(term: Array("alpine".utf8), documentFrequency: 7)
            try txn.put(model.index.databases.prefixes, key: Array("alp".utf8), value: list.encoded())
            try txn.delete(model.index.databases.prefixes, key: Array("b".utf8))
        }
        let snapshot = try model.index.snapshot()
        defer { snapshot.close() }
        let problems = try snapshot.check()
        #expect(problems.contains { $0.contains("prefix 'alp'") }, "\(problems)")
        #expect(problems.contains { $0.contains("prefix 'b' has no list") }, "\(problems)")
    }

    @Test("an index of format 1, without the prefix table, is refused with the format error")
    func formatOneIsRefused() throws {
        let dir = TemporaryDirectory(); defer { dir.cleanUp() }
        let environment = try Environment(directory: dir.path)
        for name in ["ids", "docs", "docterms", "terms", "termids", "postings", "positions"] {
            _ = try environment.database(name)
        }
        let meta = try environment.database("meta")
        try environment.write { txn in try txn.put(meta, key: Array("format".utf8), value: KeyCodec.encode(UInt32(1))) }
        #expect(throws: IndexError.formatVersionMismatch(path: dir.path, found: 1, expected: FormatVersion.current)) {
            _ = try Index.open(at: dir.path, readOnly: true)
        }
    }
}
