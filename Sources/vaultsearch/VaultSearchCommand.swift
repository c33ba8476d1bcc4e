import ArgumentParser

/// The `vaultsearch` command: the root of the subcommands.
@main
struct VaultSearchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vaultsearch",
        abstract: "A search and ranking engine for PromptVault: index, search, inspect, evaluate, benchmark.",
        version: "0.1.0",
        subcommands: [
            DemoCommand.self, ServeCommand.self, IndexCommand.self, SearchCommand.self, FacetSearchCommand.self, SimilarCommand.self, InspectCommand.self, EvalCommand.self,
            SettingsCommand.self, BenchCommand.self, BenchTyposCommand.self, GenerateCommand.self, InstallTriggersCommand.self,
            TailCommand.self, GenerateStoreCommand.self, BenchIngestCommand.self, BenchIngestWriterCommand.self, BenchQueryCommand.self,
            TrendingCommand.self, LeaderboardCommand.self, BenchTrendingCommand.self,
        ])
}
