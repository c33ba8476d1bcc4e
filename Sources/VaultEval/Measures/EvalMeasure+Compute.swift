import Foundation

extension EvalMeasure {
    /// The value of this measure for one query, as trec_eval computes it. O(k + judged documents).
    func value(for ranking: JudgedRanking) -> Double {
        let k = cutoff
        precondition(k > 0, "the cutoff of \(self) must be positive")
        let top = ranking.grades.prefix(k)
        switch self {
        case .ndcg:
            return Self.normalizedDCG(top: top, ideal: ranking.idealGains.prefix(k))
        case .reciprocalRank:
            guard let index = top.firstIndex(where: JudgedRanking.isRelevant) else { return 0 }
            return 1 / Double(index + 1)
        case .map:
            guard ranking.relevantCount > 0 else { return 0 }
            var relevantSoFar = 0
            var sum = 0.0
            for (index, grade) in top.enumerated() where JudgedRanking.isRelevant(grade) {
                relevantSoFar += 1
                sum += Double(relevantSoFar) / Double(index + 1)
            }
            return sum / Double(ranking.relevantCount)
        case .recall:
            guard ranking.relevantCount > 0 else { return 0 }
            return Double(Self.relevantCount(top)) / Double(ranking.relevantCount)
        case .precision:
            return Double(Self.relevantCount(top)) / Double(k)
        }
    }

    /// trec_eval's `ndcg_cut`: DCG = Σ gain / log2(rank + 1) for positive gains, divided by the
    /// ideal DCG of the same depth; 0 when the query has no positive grade.
    private static func normalizedDCG(top: ArraySlice<Int>, ideal: ArraySlice<Int>) -> Double {
        let dcg = discountedGain(top)
        let idealDCG = discountedGain(ideal)
        return idealDCG > 0 ? dcg / idealDCG : 0
    }

    /// Σ gain / log2(rank + 1) over positive gains, rank 1 first (so the first gain is undiscounted).
    private static func discountedGain(_ gains: ArraySlice<Int>) -> Double {
        var sum = 0.0
        for (offset, gain) in gains.enumerated() where gain > 0 {
            sum += Double(gain) / log2(Double(offset + 2))
        }
        return sum
    }

    private static func relevantCount(_ grades: ArraySlice<Int>) -> Int {
        grades.reduce(0) { $0 + (JudgedRanking.isRelevant($1) ? 1 : 0) }
    }
}
