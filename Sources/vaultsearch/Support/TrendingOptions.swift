import ArgumentParser
import VaultIndex
import VaultTrending

/// Options shared by `trending` and `leaderboard`: the selection (category, tag, model, filter),
/// the page, the instant and the output form; and the printing of a ranked list.
struct TrendingOptions: ParsableArguments {
    @Option(name: .long, help: "Only this category (slug) and its descendants.")
    var category: String?

    @Option(name: .long, help: "Only prompts with this tag (as the tags field spells it, any case).")
    var tag: String?

    @Option(name: .long, help: "Only prompts for this model (slug).")
    var model: String?

    @Option(name: .long, help: "A filter in Meilisearch's syntax, e.g. \"featured = true\".")
    var filter: String?

    @Option(name: .long, parsing: .unconditional, help: "How many entries to print.")
    var limit = 20

    @Option(name: .long, parsing: .unconditional, help: "How many entries to skip first.")
    var offset = 0

    @Option(name: .long, help: "The instant to compute at, Unix seconds (default: now).")
    var now: Int64?

    @Flag(name: .long, help: "Print JSON.")
    var json = false

    /// The selection the options name; a filter syntax error is printed with a caret.
    func selection() throws -> PromptSelection {
        var parsed: FilterExpression?
        if let filter {
            do { parsed = try FilterParser.parse(filter) } catch { throw CommandError("invalid filter:\n\(error.rendered)") }
        }
        return PromptSelection(category: category, tag: tag, model: model, filter: parsed)
    }

    /// The instant: `--now` or the system clock.
    var instant: Int64 { now ?? SystemClock().now() }

    /// Opens the index read-only with its trending state, runs `body` on a reader.
    static func withReader<T>(_ path: String, _ body: (TrendingReader) throws -> T) throws -> T {
        let index = try Index.open(at: path, readOnly: true)
        let store = try TrendingStore.open(index)
        let snapshot = try index.snapshot()
        defer { snapshot.close() }
        return try body(TrendingReader(snapshot: snapshot, store: store))
    }

    /// Prints prompt entries with their titles (or users with their usernames), as text or JSON.
    func print(_ entries: [RankedEntry], kind: String, reader: TrendingReader, heading: String) throws {
        var rows: [[String: Any]] = []
        for (i, entry) in entries.enumerated() {
            var row: [String: Any] = ["rank": offset + i + 1, "id": entry.id, "score": entry.score]
            if kind == "prompt", let document = try reader.snapshot.document(id: String(entry.id), scope: .publicOnly),
               case .string(let title)? = document.fields["title"] {
                row["title"] = title
            }
            rows.append(row)
        }
        if json {
            try printJSON(["list": heading, "now": instant, "entries": rows])
            return
        }
        Swift.print(heading)
        for row in rows {
            let title = (row["title"] as? String).map { "  " + $0 } ?? ""
            Swift.print("\(row["rank"]!). \(kind) \(row["id"]!)  \(rounded(row["score"] as! Double, 6))\(title)")
        }
        if rows.isEmpty { Swift.print("(nothing)") }
    }
}
