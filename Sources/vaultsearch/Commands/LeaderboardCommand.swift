import ArgumentParser
import VaultTrending

/// `vaultsearch leaderboard`: the prompt or author leaderboards of an index built from a store.
struct LeaderboardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "leaderboard",
        abstract: "Print a prompt leaderboard (by rating, copies, views) or an author leaderboard (by reputation, engagement).",
        discussion: """
            Periods are sliding windows ending at --now: day, week, month (30 days), all. rating is the \
            Bayesian average v/(v+m)·R + m/(v+m)·C of the period's ratings (m = 10, C the mean over rated \
            public prompts). Authors count only their public, published prompts. \
            --category, --tag, --model and --filter apply to prompt leaderboards.
            """)

    @OptionGroup var indexOptions: IndexOptions
    @OptionGroup var options: TrendingOptions

    @Argument(help: "prompts or authors.")
    var list: String

    @Option(name: .long, help: "prompts: rating, copies or views; authors: reputation or engagement.")
    var by: String?

    @Option(name: .long, help: "day, week, month or all.")
    var period = "all"

    func run() throws {
        guard let period = LeaderboardPeriod(rawValue: period) else { throw ValidationError("--period must be day, week, month or all") }
        let selection = try options.selection()
        switch list {
        case "prompts":
            guard let order = PromptLeaderboard(rawValue: by ?? "rating") else { throw ValidationError("--by must be rating, copies or views") }
            try TrendingOptions.withReader(indexOptions.index) { reader in
                let entries = try reader.leaderboardPrompts(
                    by: order, period: period, selection: selection, limit: options.limit, offset: options.offset, now: options.instant)
                try options.print(entries, kind: "prompt", reader: reader, heading: "prompts by \(order.rawValue), \(period.rawValue)")
            }
        case "authors":
            guard let order = AuthorLeaderboard(rawValue: by ?? "reputation") else { throw ValidationError("--by must be reputation or engagement") }
            guard selection.isEverything else { throw ValidationError("--category, --tag, --model and --filter apply to prompt leaderboards only") }
            try TrendingOptions.withReader(indexOptions.index) { reader in
                let entries = try reader.leaderboardAuthors(by: order, period: period, limit: options.limit, offset: options.offset, now: options.instant)
                try options.print(entries, kind: "user", reader: reader, heading: "authors by \(order.rawValue), \(period.rawValue)")
            }
        default:
            throw ValidationError("the list must be prompts or authors")
        }
    }
}
