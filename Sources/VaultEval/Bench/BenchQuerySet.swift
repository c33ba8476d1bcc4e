import Foundation
import GRDB
import VaultCorpus

/// The questions of `vaultsearch bench-query`, drawn from a PromptVault store's own words, tags,
/// models and categories with a seed, so both engines answer the same questions and a seed names
/// the same questions on the same store.
///
/// A sample of up to ``sampleSize`` public, published prompts (seeded random ids) gives:
/// - ``texts``: two words of one sampled prompt's title (letters only, 4+ characters, no stop
///   word), with one of that prompt's tags and its model plus another model as the filter — so the
///   filtered query has at least that prompt as an answer;
/// - ``broad``: one word found in at least ``broadFraction`` of the sampled prompts (the most
///   frequent words when none is that common) plus one or two of the 30 most frequent words;
/// - ``rootCategories``: a top-level category slug per query.
public struct BenchQuerySet: Sendable {
    /// A text query and the filter values drawn with it.
    public struct TextQuery: Sendable, Hashable {
        /// The words.
        public var text: String
        /// A tag of the prompt the words came from.
        public var tag: String
        /// That prompt's model and another one.
        public var models: [String]
    }

    /// Queries for the text scenarios (with and without their filter, page and estimated mode).
    public var texts: [TextQuery]
    /// Broad queries (for exact totals and facets over many candidates).
    public var broad: [String]
    /// Top-level category slugs (for the placeholder search).
    public var rootCategories: [String]

    /// How many prompts are sampled for words.
    public static let sampleSize = 4_000
    /// The share of sampled prompts the first word of a broad query must appear in.
    public static let broadFraction = 0.35

    /// Draws `count` queries of each kind from the store at `storePath` (opened read-only).
    /// `stopWords` are never drawn (the engine drops them from queries).
    public static func draw(storePath: String, count: Int, seed: UInt64, stopWords: Set<String>) throws -> BenchQuerySet {
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: storePath, configuration: configuration)
        defer { try? queue.close() }
        var random = SeededRandom(seed: seed)
        struct Sampled { var title: [String]; var words: Set<String>; var tags: [String]; var model: String? }
        let (samples, models, roots) = try queue.read { db -> ([Sampled], [String], [String]) in
            let models = try String.fetchAll(db, sql: "SELECT slug FROM ai_models ORDER BY id")
            let roots = try String.fetchAll(db, sql: "SELECT slug FROM categories WHERE parent_id IS NULL ORDER BY id")
            let maxID = try Int64.fetchOne(db, sql: "SELECT max(id) FROM prompts") ?? 0
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM prompts") ?? 0
            var samples: [Sampled] = []
            guard maxID > 0 else { return ([], models, roots) }
            let statement = try db.makeStatement(sql: """
                SELECT p.title, p.description, p.content, m.slug AS model,
                       (SELECT json_group_array(t.name) FROM prompt_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.prompt_id = p.id) AS tags
                FROM prompts p LEFT JOIN ai_models m ON m.id = p.model_id
                WHERE p.id = ? AND p.visibility = 'public' AND p.status = 'published'
                """)
            let target = min(sampleSize, total)
            var tried = 0
            while samples.count < target && tried < target * 4 {
                tried += 1
                guard let row = try Row.fetchOne(statement, arguments: [Int64(random.below(Int(maxID))) + 1]) else { continue }
                let title = words(row["title"] as String? ?? "", stopWords: stopWords)
                var all = Set(title)
                all.formUnion(words(row["description"] as String? ?? "", stopWords: stopWords))
                all.formUnion(words(row["content"] as String? ?? "", stopWords: stopWords))
                let tagsJSON: String = row["tags"] ?? "[]"
                let tags = (try? JSONDecoder().decode([String].self, from: Data(tagsJSON.utf8))) ?? []
                samples.append(Sampled(title: title, words: all, tags: tags, model: row["model"]))
            }
            return (samples, models, roots)
        }

        var frequency: [String: Int] = [:]
        for sample in samples { for word in sample.words { frequency[word, default: 0] += 1 } }
        let ranked = frequency.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
        let threshold = Int((Double(samples.count) * broadFraction).rounded(.up))
        var common = ranked.prefix { frequency[$0]! >= threshold }.prefix(10).map { $0 }
        if common.isEmpty { common = Array(ranked.prefix(3)) }
        let frequent = Array(ranked.prefix(30))

        var broad: [String] = []
        if !common.isEmpty {
            for _ in 0..<count {
                var words = [random.pick(common)]
                for _ in 0..<(1 + random.below(2)) where frequent.count > words.count {
                    var word = random.pick(frequent)
                    while words.contains(word) { word = random.pick(frequent) }
                    words.append(word)
                }
                broad.append(words.joined(separator: " "))
            }
        }

        let usable = samples.filter { Set($0.title).count >= 2 && !$0.tags.isEmpty && $0.model != nil }
        var texts: [TextQuery] = []
        if !usable.isEmpty {
            for _ in 0..<count {
                let sample = random.pick(usable)
                let distinct = Array(Set(sample.title)).sorted()
                let first = random.pick(distinct)
                var second = random.pick(distinct)
                while second == first { second = random.pick(distinct) }
                var pair = [sample.model!]
                let others = models.filter { $0 != sample.model }
                if !others.isEmpty { pair.append(random.pick(others)) }
                texts.append(TextQuery(text: "\(first) \(second)", tag: random.pick(sample.tags), models: pair))
            }
        }
        let rootCategories = roots.isEmpty ? [] : (0..<count).map { _ in random.pick(roots) }
        return BenchQuerySet(texts: texts, broad: broad, rootCategories: rootCategories)
    }

    /// The lower-cased words of `text` that are letters only, 4+ characters and not stop words.
    static func words(_ text: String, stopWords: Set<String>) -> [String] {
        text.lowercased().split { !$0.isLetter }.map(String.init).filter { $0.count >= 4 && !stopWords.contains($0) }
    }
}
