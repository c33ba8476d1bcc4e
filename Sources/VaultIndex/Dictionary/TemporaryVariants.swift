import VaultStorage

// TEMPORARY brute-force stand-in for the dictionary walker being written on branch `dict`;
// deleted when that branch is merged. Same signatures.

/// A dictionary term matching a query word.
struct TermVariant: Equatable, Sendable {
    var term: String
    var distance: Int
    var isPrefix: Bool
    var documentFrequency: UInt32
}

extension IndexSnapshot {
    private func allTerms() throws(IndexError) -> [(String, UInt32)] {
        try IndexError.wrap {
            var result: [(String, UInt32)] = []
            let cursor = try transaction.cursor(index.databases.terms)
            var entry = try cursor.first()
            while let (key, value) = entry {
                var reader = ByteReader(value)
                _ = reader.varint()
                result.append((String(decoding: key, as: UTF8.self), reader.varint()))
                entry = try cursor.next()
            }
            return result
        }
    }

    private static func osa(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count * 2 }
        if b.isEmpty { return a.count * 2 }
        var d = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i == 0 ? 0 : d[i - 1][0] + (i == 1 ? 2 : 1) }
        for j in 0...b.count { d[0][j] = j == 0 ? 0 : d[0][j - 1] + (j == 1 ? 2 : 1) }
        for i in 1...a.count {
            for j in 1...b.count {
                let first = i == 1 || j == 1
                let cost = a[i - 1] == b[j - 1] ? 0 : (first ? 2 : 1)
                var v = min(d[i - 1][j] + (i == 1 ? 2 : 1), d[i][j - 1] + (j == 1 ? 2 : 1), d[i - 1][j - 1] + cost)
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] { v = min(v, d[i - 2][j - 2] + (i == 2 ? 2 : 1)) }
                d[i][j] = v
            }
        }
        return d[a.count][b.count]
    }

    func typoVariants(of word: String, maxDistance: Int, limit: Int) throws(IndexError) -> [TermVariant] {
        let w = Array(word.unicodeScalars)
        var out: [TermVariant] = []
        for (term, df) in try allTerms() {
            let t = Array(term.unicodeScalars)
            if abs(t.count - w.count) > maxDistance || (maxDistance < 2 && t.first != w.first) { continue }
            let d = Self.osa(w, t)
            if d <= maxDistance { out.append(TermVariant(term: term, distance: d, isPrefix: false, documentFrequency: df)) }
        }
        out.sort { ($0.distance, -Int($0.documentFrequency), $0.term) < ($1.distance, -Int($1.documentFrequency), $1.term) }
        return Array(out.prefix(limit))
    }

    func prefixCompletions(of prefix: String, maxDistance: Int, limit: Int) throws(IndexError) -> [TermVariant] {
        let p = Array(prefix.unicodeScalars)
        var out: [TermVariant] = []
        for (term, df) in try allTerms() {
            let t = Array(term.unicodeScalars)
            if t.count + maxDistance < p.count || (maxDistance < 2 && t.first != p.first) { continue }
            var best = Int.max
            for n in 0...t.count { best = min(best, Self.osa(p, Array(t[0..<n]))) }
            if best <= maxDistance { out.append(TermVariant(term: term, distance: best, isPrefix: term != prefix, documentFrequency: df)) }
        }
        out.sort { ($0.distance, -Int($0.documentFrequency), $0.term) < ($1.distance, -Int($1.documentFrequency), $1.term) }
        return Array(out.prefix(limit))
    }
}
