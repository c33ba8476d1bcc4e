import ArgumentParser

/// The `--index DIR` option shared by the commands that read an index.
struct IndexOptions: ParsableArguments {
    @Option(name: .long, help: "The index directory.")
    var index: String
}
