import VaultIndex

// ADAPTER — the one place that maps scenario files onto search API that is still being written.
// The lead is adding `SearchOptions.matchingStrategy` and `SearchResults.didYouMean: String?`;
// when they land, replace the two bodies below with the commented lines and delete the rest.

/// The search options for a case's `matchingStrategy` (`"last"`, `"all"`, `"frequency"`, or absent
/// for the engine's default).
///
/// Until `SearchOptions.matchingStrategy` exists: `"all"` maps to `MatchingMode.all`, and `"last"`
/// and `"frequency"` to `.any`, the closest current behaviour (every document with any word, ranked).
func scenarioSearchOptions(matchingStrategy: String?, limit: Int) throws -> SearchOptions {
    // var options = SearchOptions(limit: limit)
    // if let matchingStrategy { options.matchingStrategy = try decodeStrategy(matchingStrategy) }
    // return options
    switch matchingStrategy {
    case nil, "last", "frequency": return SearchOptions(limit: limit, matching: .any)
    case "all": return SearchOptions(limit: limit, matching: .all)
    case let other?: throw ScenarioError("unknown matchingStrategy '\(other)' (expected last, all or frequency)")
    }
}

/// The "did you mean" suggestion of a search, or nil when there is none.
///
/// Until `SearchResults.didYouMean` exists this is always nil, so cases with `expectDidYouMean` fail.
func scenarioDidYouMean(_ results: SearchResults) -> String? {
    // return results.didYouMean
    nil
}
