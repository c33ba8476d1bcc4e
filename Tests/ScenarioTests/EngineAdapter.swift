import VaultIndex

/// The search options for a case's `matchingStrategy` (`"last"`, `"all"`, `"frequency"`, `"any"`,
/// or absent for the engine's default).
func scenarioSearchOptions(matchingStrategy: String?, limit: Int) throws -> SearchOptions {
    var options = SearchOptions(limit: limit)
    if let matchingStrategy {
        guard let mode = MatchingMode(rawValue: matchingStrategy) else {
            throw ScenarioError("unknown matchingStrategy '\(matchingStrategy)' (expected any, all, last or frequency)")
        }
        options.matchingStrategy = mode
    }
    return options
}

/// The "did you mean" suggestion of a search, or nil when there is none.
func scenarioDidYouMean(_ results: SearchResults) -> String? {
    results.didYouMean
}
