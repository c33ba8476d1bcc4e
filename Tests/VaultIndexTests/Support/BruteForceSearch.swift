import Foundation
import VaultAnalysis
@testable import VaultIndex

/// The oracle: scores every live document from its raw text, with BM25F written out independently
/// of the index (no postings, no bounds, no pruning), and applies the query semantics directly.
struct BruteForceSearch {
    struct Analyzed {
        var id: String
        /// Per searchable field: its terms in position order, with positions.
        var fields: [[(term: String, position: UInt32)]]
        /// Per field: term -> occurrences.
        var counts: [[String: Int]] = []
        var present: Set<String> = []
    }

    let settings: IndexSettings
    let documents: [Analyzed]

    init(documents: [Document], settings: IndexSettings) {
        self.settings = settings
        let analyzer = Analyzer(settings.analysis)
        self.documents = documents.map { document in
            Analyzed(id: document.id, fields: settings.searchableFields.map { field in
                var result: [(String, UInt32)] = []
                var base: UInt32 = 0
                for text in document.fields[field.name]?.texts ?? [] {
                    var last: UInt32 = 0
                    for token in analyzer.analyze(text) {
                        result.append((token.term, base + token.position))
                        last = base + token.position
                    }
                    base = last + 100
                }
                return result
            })
        }.map { analyzed in
            var analyzed = analyzed
            analyzed.counts = analyzed.fields.map { field in field.reduce(into: [:]) { $0[$1.term, default: 0] += 1 } }
            analyzed.present = Set(analyzed.fields.flatMap { $0.map(\.term) })
            return analyzed
        }
    }

    /// All matching documents with their scores, best first (ties in any order).
    func search(_ query: String, matching: MatchingMode) -> [(id: String, score: Double)] {
        rankedSearch(query, matching: matching).map { ($0.id, $0.score) }
    }

    /// All matching documents with the number of query words they match (a quoted phrase is one word)
    /// and their BM25F score, best BM25F first.
    func rankedSearch(_ query: String, matching: MatchingMode) -> [(id: String, words: Int, score: Double)] {
        let analyzer = Analyzer(settings.analysis)
        var queryTerms: [String] = []
        var required = Set<String>()
        var phrases: [[String]] = []
        var slots: [[String]] = []
        var excludedPhrases: [[String]] = []
        let stop = Set(settings.stopWords.map { analyzer.normalize(word: $0) })
        let clauses = QueryParser.parse(query)
        // Stop words leave plain words only when a positive clause keeps a non-stop word.
        let positiveContent = clauses.contains { clause in
            !clause.isExcluded && (clause.isPhrase || analyzer.terms(clause.text).contains { !stop.contains($0) })
        }
        for clause in clauses {
            var words = analyzer.terms(clause.text)
            if positiveContent && !clause.isPhrase && !clause.isExcluded { words = words.filter { !stop.contains($0) } }
            if words.isEmpty { continue }
            if clause.isExcluded { excludedPhrases.append(words); continue }
            queryTerms += words
            if clause.isPhrase { slots.append(words) } else { slots += words.map { [$0] } }
            if clause.isPhrase || matching == .all { required.formUnion(words) }
            if clause.isPhrase { phrases.append(words) }
        }
        let n = Double(documents.count)
        let fieldCount = settings.searchableFields.count
        var averages = [Double](repeating: 0, count: fieldCount)
        for doc in documents { for f in 0..<fieldCount { averages[f] += Double(doc.fields[f].count) } }
        averages = averages.map { n == 0 ? 1 : max($0 / n, 1e-9) }
        var df: [String: Int] = [:]
        for doc in documents {
            for term in Set(queryTerms) where doc.present.contains(term) { df[term, default: 0] += 1 }
        }
        var qtf: [String: Int] = [:]
        for term in queryTerms { qtf[term, default: 0] += 1 }
        var results: [(String, Int, Double)] = []
        for doc in documents {
            let present = doc.present
            if !required.isSubset(of: present) { continue }
            if phrases.contains(where: { !Self.contains(phrase: $0, in: doc) }) { continue }
            if excludedPhrases.contains(where: { Self.contains(phrase: $0, in: doc) }) { continue }
            var score = 0.0
            var matched = false
            for (term, count) in qtf where present.contains(term) {
                matched = true
                var pseudo = 0.0
                for (f, field) in settings.searchableFields.enumerated() {
                    let tf = Double(doc.counts[f][term] ?? 0)
                    let length = Double(doc.fields[f].count)
                    pseudo += field.weight * tf / (1 - field.b + field.b * length / averages[f])
                }
                let documentFrequency = Double(df[term]!)
                let idf = log(1 + (n - documentFrequency + 0.5) / (documentFrequency + 0.5))
                score += Double(count) * idf * (settings.k1 + 1) * pseudo / (settings.k1 + pseudo)
            }
            let words = slots.filter { $0.count == 1 ? present.contains($0[0]) : Self.contains(phrase: $0, in: doc) }.count
            if matched { results.append((doc.id, words, score)) }
        }
        return results.sorted { $0.2 > $1.2 }
    }

    private static func contains(phrase: [String], in doc: Analyzed) -> Bool {
        for field in doc.fields {
            var positions: [String: Set<UInt32>] = [:]
            for token in field { positions[token.term, default: []].insert(token.position) }
            for start in positions[phrase[0]] ?? [] {
                if phrase.indices.allSatisfy({ positions[phrase[$0]]?.contains(start + UInt32($0)) ?? false }) { return true }
            }
        }
        return false
    }
}

extension FieldValue {
    var texts: [String] {
        switch self {
        case .string(let s): return [s]
        case .strings(let list): return list
        default: return []
        }
    }
}
