import Foundation
import VaultIndex

/// Search results as JSON, in the shape of a Meilisearch search response (`hits`, `_formatted`,
/// `_matchesPosition`, `_rankingScore`, `estimatedTotalHits` or `totalHits`/`totalPages`,
/// `facetDistribution`, `facetStats`, `didYouMean`), plus the analyzed `terms`.
enum SearchResultsJSON {
    static func object(
        _ results: SearchResults, query: String, options: SearchOptions, elapsedMs: Double, snapshot: IndexSnapshot, scope: SearchScope
    ) throws -> [String: Any] {
        var object: [String: Any] = [
            "query": query,
            "terms": results.terms,
            "processingTimeMs": rounded(elapsedMs, 3),
            "hits": try results.hits.map { hit -> [String: Any] in
                var entry: [String: Any] = [
                    "id": hit.id, "score": rounded(hit.score, 6), "_rankingScore": rounded(hit.rankingScore, 6),
                    "title": try snapshot.title(of: hit.documentNumber, scope: scope),
                ]
                if !hit.formatted.isEmpty {
                    entry["_formatted"] = hit.formatted.mapValues { value -> Any in
                        switch value {
                        case .text(let text): return text.text
                        case .list(let texts): return texts.map(\.text)
                        }
                    }
                }
                if let positions = hit.matchesPosition {
                    entry["_matchesPosition"] = positions.mapValues { $0.map { ["start": $0.start, "length": $0.length] } }
                }
                if let explanation = hit.explanation {
                    entry["_explanation"] = try JSONSerialization.jsonObject(with: JSONEncoder().encode(explanation))
                }
                return entry
            },
            "didYouMean": results.didYouMean as Any? ?? NSNull(),
            "droppedWords": results.droppedWords,
        ]
        if let totalHits = results.totalHits {
            object["totalHits"] = totalHits
            object["totalPages"] = results.totalPages ?? 0
            object["page"] = options.page ?? 1
            object["hitsPerPage"] = options.hitsPerPage ?? 20
        } else {
            object["estimatedTotalHits"] = results.estimatedTotalHits
            object["offset"] = options.offset
            object["limit"] = options.limit
        }
        if !options.facets.isEmpty {
            object["facetDistribution"] = results.facetDistribution.mapValues { values in
                Dictionary(values.map { ($0.value, $0.count) }, uniquingKeysWith: { a, _ in a })
            }
            object["facetStats"] = results.facetStats.mapValues { ["min": $0.min, "max": $0.max] }
        }
        return object
    }
}
