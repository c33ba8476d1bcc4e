/// The test oracle for typo distances: a plain full-matrix dynamic program, written from the rule
/// as stated (restricted Damerau–Levenshtein over Unicode scalars; an edit that touches the first
/// scalar of either string costs 2), with no saturation, pruning or row stepping.
enum ReferenceDistance {
    /// The full matrix: `d[i][j]` is the distance between `query[0..<i]` and `term[0..<j]`.
    static func matrix(_ query: [UInt32], _ term: [UInt32]) -> [[Int]] {
        let n = query.count, m = term.count
        var d = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
        // An edit at 0-based position 0 of either string (the first scalar) costs 2.
        func cost(_ position: Int) -> Int { position == 0 ? 2 : 1 }
        func cost(_ queryPosition: Int, _ termPosition: Int) -> Int { queryPosition == 0 || termPosition == 0 ? 2 : 1 }
        for i in 0...n {
            for j in 0...m {
                if i == 0 && j == 0 { continue }
                var best = Int.max
                if i > 0 { best = min(best, d[i - 1][j] + cost(i - 1)) }  // delete query[i-1]
                if j > 0 { best = min(best, d[i][j - 1] + cost(j - 1)) }  // insert term[j-1]
                if i > 0 && j > 0 {  // keep or substitute
                    best = min(best, d[i - 1][j - 1] + (query[i - 1] == term[j - 1] ? 0 : cost(i - 1, j - 1)))
                }
                if i > 1 && j > 1 && query[i - 1] == term[j - 2] && query[i - 2] == term[j - 1] && query[i - 1] != query[i - 2] {
                    best = min(best, d[i - 2][j - 2] + cost(i - 2, j - 2))  // swap two adjacent scalars
                }
                d[i][j] = best
            }
        }
        return d
    }

    /// The distance between a query word and a term.
    static func distance(_ query: String, _ term: String) -> Int {
        let q = query.unicodeScalars.map(\.value), t = term.unicodeScalars.map(\.value)
        return matrix(q, t)[q.count][t.count]
    }

    /// The best distance between the query and a non-empty prefix of the term (nil for an empty term).
    static func prefixDistance(_ query: String, _ term: String) -> Int? {
        let q = query.unicodeScalars.map(\.value), t = term.unicodeScalars.map(\.value)
        guard !t.isEmpty else { return nil }
        return matrix(q, t)[q.count][1...].min()
    }
}
