import Foundation
import GRDB
import Testing
import VaultCorpus
import VaultIndex
@testable import VaultIngest
import VaultTrending

/// A store, its rebuilt index and a tailer, with helpers to write engagement and compare every
/// trending list with ``TrendingReferenceSQL`` at an instant.
final class TrendingHarness {
    let scratch: Scratch
    let store: DatabaseQueue
    let configuration: SourceConfiguration
    var tailer: Tailer
    let clock: ManualClock
    init(seed: UInt64, prompts: Int, users: Int) throws {
        scratch = try Scratch()
        store = try scratch.makePromptVaultStore(TestStore.contents(seed: seed, prompts: prompts, users: users))
        configuration = try SourceConfiguration.promptVault()
        _ = try IndexRebuilder(configuration: configuration).rebuild(storePath: scratch.store, into: scratch.index, log: { _ in })
        tailer = try Tailer(storePath: scratch.store, indexPath: scratch.index, configuration: configuration, log: { _ in })
        clock = ManualClock(TestStore.now + 86_400)
    }

    /// Drops the tailer and opens a new one on the same directories (a daemon restart).
    func restart() throws {
        tailer = try Tailer(storePath: scratch.store, indexPath: scratch.index, configuration: configuration, log: { _ in })
    }

    /// A reader over the tailer's current index.
    func reader(directScoringLimit: Int = 4_096) throws -> TrendingReader {
        var reader = TrendingReader(snapshot: try tailer.currentIndex.snapshot(), store: try #require(tailer.trending))
        reader.directScoringLimit = directScoringLimit
        return reader
    }

    static let selections: [(String, PromptSelection, Bool)] = [
        ("everything", PromptSelection(), false),
        ("category coding", PromptSelection(category: "coding"), false),
        ("category writing-a", PromptSelection(category: "writing-a"), false),
        ("tag 3", PromptSelection(tag: "Tag 3"), false),
        ("model claude", PromptSelection(model: "claude"), false),
        ("featured", PromptSelection(filter: try! FilterParser.parse("featured = true")), true),
    ]

    /// Compares every list with SQL at `now`; returns how many lists were compared.
    @discardableResult
    func compareAll(now: Int64, _ label: String) throws -> Int {
        try Self.compareAll(store: store, now: now, label) { try self.reader(directScoringLimit: $0) }
    }

    /// Compares every list of the readers `makeReader(directScoringLimit)` makes with SQL over
    /// `store` at `now`, walking the sorted lists and scoring selections member by member.
    @discardableResult
    static func compareAll(store: DatabaseQueue, now: Int64, _ label: String, makeReader: (Int) throws -> TrendingReader) throws -> Int {
        let oracle = TrendingReferenceSQL(settings: TrendingSettings())
        var compared = 0
        for limit in [0, 4_096] {
            let reader = try makeReader(limit)
            defer { reader.snapshot.close() }
            try store.read { db in
                for (name, selection, featured) in Self.selections {
                    let condition = TrendingReferenceSQL.condition(selection, featuredOnly: featured)
                    for formula in TrendingFormula.allCases {
                        let expected = try oracle.trending(formula, where: condition, now: now, db)
                        for (offset, size) in [(0, 25), (7, 15), (0, 1_000)] {
                            let ours = try reader.trending(formula, selection: selection, limit: size, offset: offset, now: now)
                            expectSameList(ours, expected, offset: offset, limit: size, "\(label) trending \(formula) \(name) \(offset)+\(size) direct≤\(limit)")
                            compared += 1
                        }
                    }
                    for order in PromptLeaderboard.allCases {
                        for period in LeaderboardPeriod.allCases {
                            let expected = try oracle.prompts(by: order, period: period, where: condition, now: now, db)
                            let ours = try reader.leaderboardPrompts(by: order, period: period, selection: selection, limit: 30, now: now)
                            expectSameList(ours, expected, limit: 30, "\(label) prompts by \(order) \(period) \(name) direct≤\(limit)")
                            compared += 1
                        }
                    }
                }
                for order in AuthorLeaderboard.allCases {
                    for period in LeaderboardPeriod.allCases {
                        let expected = try oracle.authors(by: order, period: period, now: now, db)
                        let ours = try reader.leaderboardAuthors(by: order, period: period, limit: 30, now: now)
                        expectSameList(ours, expected, limit: 30, "\(label) authors by \(order) \(period)")
                        compared += 1
                    }
                }
            }
        }
        return compared
    }
}
