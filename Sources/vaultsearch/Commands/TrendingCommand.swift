import ArgumentParser
import VaultTrending

/// `vaultsearch trending`: the trending prompts of an index built from a store.
struct TrendingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trending",
        abstract: "Print the trending prompts (public, published) under the seed or decay formula.",
        discussion: """
            seed: (views + 3·copies + 5·ratings + 2·bookmarks) / (hours since created + 2)^1.5 from the \
            prompts' counters. decay: the same weights over engagement events, each halved every 24 hours, \
            views once per visitor and hour. Scores are computed at --now (default: the system clock).
            """)

    @OptionGroup var indexOptions: IndexOptions
    @OptionGroup var options: TrendingOptions

    @Option(name: .long, help: "seed or decay.")
    var formula = "decay"

    func run() throws {
        guard let formula = TrendingFormula(rawValue: formula) else { throw ValidationError("--formula must be seed or decay") }
        let selection = try options.selection()
        try TrendingOptions.withReader(indexOptions.index) { reader in
            let entries = try reader.trending(formula, selection: selection, limit: options.limit, offset: options.offset, now: options.instant)
            try options.print(entries, kind: "prompt", reader: reader, heading: "trending (\(formula.rawValue))")
        }
    }
}
