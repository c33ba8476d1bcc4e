import ArgumentParser
import VaultIndex

/// `--filter` and `--owner`, shared by `search`, `facet-search` and `similar`: the filter in
/// Meilisearch's syntax and the visibility scope (public prompts, plus one owner's own).
struct QueryScopeOptions: ParsableArguments {
    @Option(name: .long, help: "A filter in Meilisearch's syntax, e.g. \"tags = python AND model IN [gpt-4o, claude-3-5-sonnet]\".")
    var filter: String?

    @Option(name: .long, help: "Also see this owner's private, unlisted and draft documents (default: public, published only).")
    var owner: String?

    /// The scope the options name.
    var scope: SearchScope { owner.map { .owner($0) } ?? .publicOnly }

    /// The parsed filter; a syntax error is printed with a caret under the fault.
    func parsedFilter() throws -> FilterExpression? {
        guard let filter else { return nil }
        do { return try FilterParser.parse(filter) } catch { throw CommandError("invalid filter:\n\(error.rendered)") }
    }

    /// Runs `body`, printing a filter that cannot run here (a field that is not filterable, `>` on
    /// text) with a caret under the fault.
    func reportingFilterFaults<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch IndexError.invalidFilter(let fault) {
            let rendered = FilterSyntaxError(
                message: fault.message, position: fault.range.lowerBound, length: max(1, fault.range.count), source: filter ?? "").rendered
            throw CommandError("invalid filter:\n\(rendered)")
        }
    }
}

/// Splits a comma-separated option value into trimmed, non-empty names.
func commaList(_ text: String?) -> [String] {
    (text ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
}
