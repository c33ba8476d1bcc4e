/// One query of a scenario and what its ranking must look like (an element of `cases.json`).
struct ScenarioCase: Decodable, Sendable {
    /// What the case checks, in a few words.
    var name: String
    /// The query as a user types it.
    var query: String
    /// `"last"`, `"all"` or `"frequency"`; absent for the engine's default.
    var matchingStrategy: String?
    /// Ids that must all be found, in this relative order (other hits may come between them).
    var expectOrder: [String]?
    /// Ids that must all be found, in any order.
    var expectFound: [String]?
    /// The id that must be the first hit.
    var expectTop: String?
    /// Ids that must not be found at all.
    var expectAbsent: [String]?
    /// The corrected query the engine must suggest.
    var expectDidYouMean: String?

    /// What is wrong with `ranking` (ids best first) and `didYouMean`; empty when the case passes.
    func problems(ranking: [String], didYouMean: String?) -> [String] {
        var problems: [String] = []
        if let expectOrder {
            let positions = expectOrder.map { ranking.firstIndex(of: $0) }
            let missing = zip(expectOrder, positions).filter { $0.1 == nil }.map(\.0)
            if !missing.isEmpty {
                problems.append("expected \(expectOrder) in this order, but \(missing) not found")
            } else if positions.map({ $0! }) != positions.map({ $0! }).sorted() {
                problems.append("expected \(expectOrder) in this order")
            }
        }
        if let expectFound {
            let missing = expectFound.filter { !ranking.contains($0) }
            if !missing.isEmpty { problems.append("expected \(missing) to be found") }
        }
        if let expectTop, ranking.first != expectTop {
            problems.append("expected \(expectTop) first")
        }
        if let expectAbsent {
            let found = expectAbsent.filter(ranking.contains)
            if !found.isEmpty { problems.append("expected \(found) not to be found") }
        }
        if let expectDidYouMean, didYouMean != expectDidYouMean {
            problems.append("expected did-you-mean '\(expectDidYouMean)', got \(didYouMean.map { "'\($0)'" } ?? "none")")
        }
        return problems
    }

    /// Whether the case asks for anything at all (a case that checks nothing is a mistake).
    var checksSomething: Bool {
        expectOrder != nil || expectFound != nil || expectTop != nil || expectAbsent != nil || expectDidYouMean != nil
    }
}
