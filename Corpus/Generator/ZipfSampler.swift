/// Draws ranks `0..<count` with probability proportional to 1/(rank + offset) — Zipf's law with
/// exponent 1 (offset 1), or its Zipf–Mandelbrot form with a flatter head (offset > 1) — in O(1)
/// per draw (Vose's alias method). Building it is O(count).
///
/// The weights are exact reciprocals and the table is built with plain IEEE arithmetic, so the
/// same random bits give the same rank on every platform.
struct ZipfSampler: Sendable {
    private let probability: [Double]
    private let alias: [Int]

    /// Creates a sampler over `count` ranks (`count` ≥ 1); rank r has weight 1/(r + `offset`).
    init(count: Int, offset: Double = 1) {
        precondition(count > 0 && offset > 0, "a Zipf sampler needs at least one rank and a positive offset")
        var weights = (0..<count).map { 1.0 / (Double($0) + offset) }
        let total = weights.reduce(0, +)
        for index in weights.indices { weights[index] *= Double(count) / total }

        var probability = [Double](repeating: 1, count: count)
        var alias = Array(0..<count)
        var small = weights.indices.filter { weights[$0] < 1 }
        var large = weights.indices.filter { weights[$0] >= 1 }
        while let less = small.popLast(), let more = large.popLast() {
            probability[less] = weights[less]
            alias[less] = more
            weights[more] = (weights[more] + weights[less]) - 1
            if weights[more] < 1 { small.append(more) } else { large.append(more) }
        }
        self.probability = probability
        self.alias = alias
    }

    /// The number of ranks.
    var count: Int { probability.count }

    /// A rank in `0..<count`, rank 0 the most likely.
    @inline(__always)
    func sample(_ random: inout SeededRandom) -> Int {
        let column = random.below(probability.count)
        return random.unit() < probability[column] ? column : alias[column]
    }
}
