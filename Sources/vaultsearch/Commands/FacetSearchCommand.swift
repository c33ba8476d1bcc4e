import ArgumentParser
import Foundation
import VaultIndex

/// `vaultsearch facet-search`: the values of one facet that match a typed query (prefix and typo
/// tolerant), counted over the documents that match `--query` and `--filter` in the scope.
struct FacetSearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "facet-search", abstract: "Search the values of a facet (e.g. tags starting with 'pyt').")

    @OptionGroup var indexOptions: IndexOptions
    @OptionGroup var scopeOptions: QueryScopeOptions

    @Option(name: .long, help: "The facetable attribute whose values are searched.")
    var facet: String

    @Option(name: .long, help: "Count only documents matching this search query.")
    var query = ""

    @Option(name: .long, help: "The most values printed.")
    var limit = 100

    @Flag(name: .long, help: "Print JSON.")
    var json = false

    @Argument(help: "The typed facet query (empty: every value).")
    var facetQuery: String = ""

    func run() throws {
        let index = try Index.open(at: indexOptions.index, readOnly: true, verifyStructure: true)
        let searcher = try Searcher(index: index)
        let snapshot = try index.snapshot()
        var options = SearchOptions()
        options.filter = try scopeOptions.parsedFilter()
        let hits = try scopeOptions.reportingFilterFaults {
            try searcher.facetSearch(facet: facet, facetQuery: facetQuery, query: query, scope: scopeOptions.scope, options: options, limit: limit, in: snapshot)
        }
        if json {
            try printJSON(["facetQuery": facetQuery, "facetHits": hits.map { ["value": $0.value, "count": $0.count] }])
            return
        }
        for hit in hits { print("\(hit.count)\t\(hit.value)") }
        if hits.isEmpty { print("no value of \(facet) matches '\(facetQuery)'") }
    }
}
