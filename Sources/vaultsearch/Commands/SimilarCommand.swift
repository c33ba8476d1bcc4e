import ArgumentParser
import Foundation
import VaultIndex

/// `vaultsearch similar`: documents like one document (more like this), under a filter and scope.
struct SimilarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "similar", abstract: "Documents similar to one document, from its most characteristic terms.")

    @OptionGroup var indexOptions: IndexOptions
    @OptionGroup var scopeOptions: QueryScopeOptions

    @Option(name: .long, help: "How many documents to print.")
    var limit = 10

    @Flag(name: .long, help: "Print JSON.")
    var json = false

    @Argument(help: "The document's id.")
    var id: String

    func run() throws {
        let index = try Index.open(at: indexOptions.index, readOnly: true, verifyStructure: true)
        let searcher = try Searcher(index: index)
        let snapshot = try index.snapshot()
        var options = SearchOptions(limit: limit)
        options.filter = try scopeOptions.parsedFilter()
        let scope = scopeOptions.scope
        guard let results = try scopeOptions.reportingFilterFaults({ try searcher.similar(to: id, scope: scope, options: options, in: snapshot) }) else {
            throw CommandError("no document with id '\(id)' in this scope")
        }
        if json {
            try printJSON([
                "id": id,
                "hits": try results.hits.map { ["id": $0.id, "title": try snapshot.title(of: $0.documentNumber, scope: scope), "_rankingScore": rounded($0.rankingScore, 6)] },
            ])
            return
        }
        for (rank, hit) in results.hits.enumerated() {
            print(String(format: "%3d. %-12@ %6.4f  %@", rank + 1, hit.id, hit.rankingScore, String(try snapshot.title(of: hit.documentNumber, scope: scope).prefix(90))))
        }
    }
}
