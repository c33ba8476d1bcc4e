import Testing
import VaultTrending
@testable import VaultServer

/// One entry of a list as the API answered it.
struct AnsweredEntry: Sendable, CustomStringConvertible {
    var id: Int64
    var score: Double
    var description: String { "\(id):\(score)" }
}

extension APIClient.Answer {
    /// The `hits` as (id, score) pairs, in order.
    var entries: [AnsweredEntry] {
        (self["hits"]?.arrayValue ?? []).compactMap { hit in
            guard let id = hit["id"]?.integerValue else { return nil }
            let score: Double
            switch hit["score"] {
            case .integer(let value)?: score = Double(value)
            case .number(let value)?: score = value
            default: return nil
            }
            return AnsweredEntry(id: id, score: score)
        }
    }
}

/// The API's page must be the reference's page: the same length, the same score at each position
/// (1e-9 relative), and each id carrying that score in the reference (ids may differ only among
/// scores equal to within rounding). Returns whether they agree.
@discardableResult
func expectSameRanking(_ ours: [AnsweredEntry], _ reference: [RankedEntry], offset: Int = 0, limit: Int, _ what: String) -> Bool {
    let expected = Array(reference.dropFirst(offset).prefix(limit))
    let byID = Dictionary(reference.map { ($0.id, $0.score) }, uniquingKeysWith: { a, _ in a })
    func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-9 * max(1, abs(b)) }
    guard ours.count == expected.count else {
        Issue.record(Comment(rawValue: "\(what): \(ours.count) entries, SQL has \(expected.count)\nours \(ours.prefix(8))\nsql  \(expected.prefix(8))"))
        return false
    }
    for (i, (mine, theirs)) in zip(ours, expected).enumerated() {
        let tied = byID[mine.id].map { close($0, theirs.score) } ?? false
        if !close(mine.score, theirs.score) || !(mine.id == theirs.id || tied) {
            Issue.record(Comment(rawValue: "\(what): position \(offset + i): ours \(mine), SQL \(theirs) (SQL has \(mine.id) at \(byID[mine.id].map { String($0) } ?? "nothing"))"))
            return false
        }
    }
    if Set(ours.map(\.id)).count != ours.count {
        Issue.record(Comment(rawValue: "\(what): an id appears twice"))
        return false
    }
    return true
}
