import Foundation
import GRDB
import Testing
import VaultCorpus
import VaultIndex
import VaultTestSupport
@testable import VaultIngest

/// The engine's filters, facets, sort, distinct, totals and scope against the independent oracle
/// (VaultTestSupport: its own filter tree, evaluator, facet counter and sort, written apart from the
/// engine) over a generated PromptVault store of 2,000 prompts rebuilt into an index.
///
/// Properties, for 500 seeded random requests (filter in text or array form, empty q or two words,
/// a quoted phrase and a word, or two words and an exclusion,
/// sort, facets, distinct, offset or page mode, public / owner / unrestricted scope):
/// 1. the hits are exactly the oracle's window: candidates = visible in the scope ∧ the oracle's
///    filter ∧ (for a text query) matched by q; ordered by the brute-force sort, ties by relevance
///    (the unfiltered search's scores), then by id; placeholder searches in id order;
/// 2. totals are exact whenever the engine says so (facets, sort, distinct, placeholder, page mode),
///    and page mode's totalHits / totalPages equal the oracle's;
/// 3. every facet distribution equals the brute-force count over the candidates (or the distinct hits);
/// 4. filters the oracle calls faulty (not filterable, a range on text, a non-number bound) fail
///    with `IndexError.invalidFilter`, never a partial answer;
/// 5. for every placeholder round whose filter SQL can express, the filter's ids over every
///    document equal SQLite's;
/// 6. the other entry points in the same scope: facet search counts equal the brute-force counts
///    over the candidates, similar documents are visible and pass the filter (never the document
///    itself, nil for an invisible one), a document fetch obeys the scope, and every word a
///    did-you-mean suggests occurs in a visible document.
/// The seed is printed; `VAULT_TEST_SEED` replays it.
@Suite("Engine queries equal the oracle")
struct EngineQueryPropertyTests {
    static let sortable = ["views", "copies", "bookmarks", "forks", "comments", "ratingAvg", "ratingCount", "createdAt", "updatedAt", "publishedAt"]
    static let facetable = ["tags", "category", "category.lvl0", "category.lvl1", "category.lvl2", "model", "provider", "author", "status", "featured", "staffPick"]

    /// A built index over a generated store, with the stored documents in id order.
    final class Fixture {
        let scratch: Scratch
        let index: Index
        let store: DatabaseQueue
        let documents: [Document]
        let byID: [String: Document]

        init(seed: UInt64, prompts: Int) throws {
            scratch = try Scratch()
            store = try scratch.makePromptVaultStore(StoreGenerator(seed: seed, promptCount: prompts, now: TestStore.now, meanEventsPerPrompt: 4).contents())
            _ = try IndexRebuilder(configuration: try SourceConfiguration.promptVault()).rebuild(storePath: scratch.store, into: scratch.index, log: { _ in })
            index = try Index.open(at: scratch.index)
            let snapshot = try index.snapshot()
            documents = try (1...prompts).compactMap { try snapshot.document(id: String($0), scope: .unrestricted) }
            byID = Dictionary(uniqueKeysWithValues: documents.map { ($0.id, $0) })
        }
    }

    static func text(_ document: Document, _ field: String) -> String? {
        if case .string(let value)? = document.fields[field] { return value }
        return nil
    }

    static func isVisible(_ document: Document, _ scope: SearchScope) -> Bool {
        let isPublic = text(document, "visibility") == "public" && text(document, "status") == "published"
        switch scope {
        case .unrestricted: return true
        case .publicOnly: return isPublic
        case .owner(let owner): return isPublic || text(document, "author")?.lowercased() == owner.lowercased()
        }
    }

    @Test func randomRequestsEqualTheOracle() throws {
        let seed = OracleSeed.make()
        print("EngineQueryPropertyTests seed: \(seed) (replay with VAULT_TEST_SEED=\(seed))")
        let fixture = try Fixture(seed: seed, prompts: 2_000)
        #expect(fixture.documents.count == 2_000)
        let searcher = try Searcher(index: fixture.index)
        let snapshot = try fixture.index.snapshot()
        var random = SeededRandom(seed: seed ^ 0xE9_61E)
        var filters = RandomFilterGenerator(random: SeededRandom(seed: seed ^ 0xF1_17E2), documents: fixture.documents)
        let authors = Array(Set(fixture.documents.compactMap { Self.text($0, "author") })).sorted()
        var wordSet = Set<String>()
        for document in fixture.documents.prefix(200) {
            for word in (Self.text(document, "title") ?? "").split(separator: " ") {
                let text = String(word)
                if text.count >= 4, text.allSatisfy(\.isLetter), !StopWords.english.contains(text.lowercased()) { wordSet.insert(text) }
            }
        }
        let titleWords: [String] = wordSet.sorted()
        var checked = 0, faulty = 0, sqlChecked = 0, nonEmpty = 0

        for round in 0..<500 {
            let filter = filters.next()
            let scope: SearchScope = {
                switch random.below(10) {
                case 0..<6: return .publicOnly
                case 6..<9: return .owner(random.pick(authors))
                default: return .unrestricted
                }
            }()
            // The filter, as text or in the array form.
            let parsed: FilterExpression?
            let rendered: String
            if random.chance(30) {
                let elements = filters.renderArrayForm(filter)
                rendered = FilterArrayElement.json(elements)
                parsed = try FilterParser.parse(FilterInput.all(elements.map {
                    switch $0 {
                    case .filter(let text): return .expression(text)
                    case .anyOf(let texts): return .any(texts)
                    }
                }))
            } else {
                rendered = filters.render(filter)
                parsed = try FilterParser.parse(rendered)
            }
            var context = "seed \(seed) round \(round): filter \(rendered), oracle \(filter)"
            var options = SearchOptions()
            options.filter = parsed
            // Two-word queries: ranked by BM25F alone (no positional rerank), so the unfiltered
            // search's scores are the relevance that breaks ties.
            // (Two or more slots keep ranking pure BM25F; phrases and exclusions exercise the match
            // set's position checks.)
            let query: String
            switch random.below(10) {
            case 0..<5: query = ""
            case 5: query = "\"\(random.pick(titleWords)) \(random.pick(titleWords))\" \(random.pick(titleWords)) "
            case 6: query = "\(random.pick(titleWords)) \(random.pick(titleWords)) -\(random.pick(titleWords)) "
            default: query = "\(random.pick(titleWords)) \(random.pick(titleWords)) "
            }
            if random.chance(35) {
                options.sort = (0..<(1 + random.below(2))).map { _ in SortKey(field: random.pick(Self.sortable), descending: random.chance(60)) }
            }
            if random.chance(50) { options.facets = (0..<(1 + random.below(3))).map { _ in random.pick(Self.facetable) } }
            if random.chance(15) { options.distinct = "family" }
            if random.chance(50) {
                options.page = 1 + random.below(3)
                options.hitsPerPage = 1 + random.below(20)
            } else {
                options.offset = random.below(20)
                options.limit = 1 + random.below(30)
            }

            let request = "q '\(query)', scope \(scope), sort \(options.sort.map { "\($0.field):\($0.descending ? "desc" : "asc")" }), distinct \(options.distinct ?? "-"), page \(options.page.map(String.init) ?? "-")×\(options.hitsPerPage.map(String.init) ?? "-"), offset \(options.offset) limit \(options.limit)"
            context += "; " + request
            let problems = OracleEvaluator.problems(filter, kinds: .promptVault)
            if !problems.isEmpty {
                faulty += 1
                do {
                    _ = try searcher.search(query, scope: scope, options: options, in: snapshot)
                    Issue.record(Comment(rawValue: "\(context): expected a filter error (\(problems))"))
                } catch IndexError.invalidFilter {
                } catch { Issue.record(Comment(rawValue: "\(context): expected invalidFilter, got \(error)")) }
                continue
            }
            let results = try searcher.search(query, scope: scope, options: options, in: snapshot)

            // The oracle's candidates and their order.
            var relevance: [String: Double] = [:]
            if !query.isEmpty {
                for hit in try searcher.search(query, scope: .unrestricted, options: SearchOptions(limit: 10_000), in: snapshot).hits {
                    relevance[hit.id] = hit.score
                }
            }
            let candidates = fixture.documents.filter {
                Self.isVisible($0, scope) && OracleEvaluator.matches(filter, $0, kinds: .promptVault) && (query.isEmpty || relevance[$0.id] != nil)
            }
            let sorter = BruteForceSort(keys: options.sort.map { BruteForceSort.Key(field: $0.field, ascending: !$0.descending) })
            func before(_ a: Document, _ b: Document) -> Bool {
                let order = sorter.compare(a, b)
                if order != 0 { return order < 0 }
                let (x, y) = (relevance[a.id] ?? 0, relevance[b.id] ?? 0)
                if abs(x - y) > 1e-9 * max(abs(x), abs(y)) { return x > y }
                return Int(a.id)! < Int(b.id)!
            }
            var ranked = candidates.sorted(by: before)
            if options.distinct != nil {
                var seen = Set<FieldValue>()
                ranked = ranked.filter { document in document.fields["family"].map { seen.insert($0).inserted } ?? true }
            }
            var skip = options.offset, take = options.limit
            if let page = options.page, let size = options.hitsPerPage {
                skip = (page - 1) * size
                take = size
            }
            let expected: [Document] = Array(ranked.dropFirst(skip).prefix(take))

            // 1. Hits: same length; each place holds the expected document or one tied with it.
            #expect(results.hits.count == expected.count, Comment(rawValue: "\(context): \(results.hits.count) hits, expected \(expected.count)"))
            var topOptions = options
            topOptions.offset = 0
            topOptions.limit = 8
            topOptions.page = nil
            topOptions.hitsPerPage = nil
            let engineTop = results.hits.count == expected.count && zip(results.hits, expected).allSatisfy({ $0.id == $1.id }) ? [] : try searcher.search(query, scope: scope, options: topOptions, in: snapshot).hits.map { "\($0.id):\($0.score)" }
            for (hit, want) in zip(results.hits, expected) where hit.id != want.id {
                let got = try #require(fixture.byID[hit.id])
                let tied = sorter.compare(got, want) == 0 && !before(got, want) && !before(want, got)
                #expect(tied, Comment(rawValue: "\(context): hit \(hit.id) (engine score \(hit.score), unfiltered \(relevance[hit.id] ?? -1)) where the oracle has \(want.id) (unfiltered \(relevance[want.id] ?? -1)); window \(results.hits.map { "\($0.id):\($0.score)" }) vs \(expected.map { "\($0.id):\(relevance[$0.id] ?? -1)" }); engine top \(engineTop) oracle top \(ranked.prefix(8).map { "\($0.id):\(relevance[$0.id] ?? -1)" })"))
            }
            for hit in results.hits {
                #expect(Self.isVisible(fixture.byID[hit.id]!, scope), Comment(rawValue: "\(context): hit \(hit.id) is outside the scope"))
            }
            // 2. Totals.
            if results.totalHitsAreExact { #expect(results.estimatedTotalHits == ranked.count, Comment(rawValue: "\(context): total \(results.estimatedTotalHits), oracle \(ranked.count)")) }
            // Every search of this store is scoped (it has visibility settings), and a scoped total is
            // always exact: an estimate from document frequencies would count hidden documents.
            #expect(results.totalHitsAreExact, Comment(rawValue: "\(context): exactness"))
            if let page = options.hitsPerPage {
                #expect(results.totalHits == ranked.count, Comment(rawValue: "\(context): totalHits"))
                #expect(results.totalPages == (ranked.count + page - 1) / page, Comment(rawValue: "\(context): totalPages"))
            }
            // 3. Facets over the (distinct) candidates; values compared case-insensitively (the
            // engine keeps the first spelling indexed, the oracle the first among the candidates).
            for facet in Set(options.facets) {
                let want: [String] = BruteForceFacets.distribution(of: facet, over: ranked, maxValues: 100).map { (entry: (value: String, count: Int)) -> String in entry.value.lowercased() + "=" + String(entry.count) }
                let got: [String] = (results.facetDistribution[facet] ?? []).map { (entry: FacetValueCount) -> String in entry.value.lowercased() + "=" + String(entry.count) }
                #expect(got == want, Comment(rawValue: "\(context): facet \(facet)"))
            }
            // 5. SQL, for the subset it can express (the filter alone, over every document).
            if query.isEmpty, let condition = SQLFilterRenderer.render(filter) {
                let sql = try fixture.store.read { db in try OracleSQL.matchingIDs(condition, in: db) }
                var everything = SearchOptions(limit: 10_000)
                everything.filter = parsed
                let engineIDs: [String] = try searcher.search("", scope: .unrestricted, options: everything, in: snapshot).hits.map(\.id).sorted()
                let sqlIDs: [String] = sql.sorted()
                #expect(engineIDs == sqlIDs, Comment(rawValue: "\(context): SQL"))
                sqlChecked += 1
            }
            // 6. The other entry points in the same scope: facet search counts equal brute force over
            // the candidates (so no value only an invisible prompt has); similar hits are visible,
            // pass the filter and exclude the document; a fetch obeys the scope; a suggestion's
            // words occur in some visible document.
            let facet = random.pick(["tags", "model", "category.lvl0", "author"])
            let typed = String((BruteForceFacets.distribution(of: facet, over: fixture.documents).randomElement(using: &random)?.value ?? "a").prefix(1 + random.below(3)))
            var facetOptions = SearchOptions()
            facetOptions.filter = parsed
            let facetHits = try searcher.facetSearch(facet: facet, facetQuery: typed, query: query, scope: scope, options: facetOptions, in: snapshot)
            let facetCounts = Dictionary(BruteForceFacets.distribution(of: facet, over: candidates, maxValues: 100_000).map { ($0.value.lowercased(), $0.count) }, uniquingKeysWith: +)
            for hit in facetHits {
                #expect(facetCounts[hit.value.lowercased()] == hit.count, Comment(rawValue: "\(context): facet search \(facet) '\(typed)' → \(hit.value) \(hit.count)"))
            }
            let probe = random.pick(fixture.documents)
            #expect((try snapshot.document(id: probe.id, scope: scope) != nil) == Self.isVisible(probe, scope), Comment(rawValue: "\(context): fetch \(probe.id)"))
            if let like = try searcher.similar(to: probe.id, scope: scope, options: facetOptions, in: snapshot) {
                #expect(Self.isVisible(probe, scope), Comment(rawValue: "\(context): similar to invisible \(probe.id)"))
                for hit in like.hits {
                    let document = fixture.byID[hit.id]!
                    let fits = hit.id != probe.id && Self.isVisible(document, scope) && OracleEvaluator.matches(filter, document, kinds: .promptVault)
                    #expect(fits, Comment(rawValue: "\(context): similar to \(probe.id) gave \(hit.id)"))
                }
            } else {
                #expect(!Self.isVisible(probe, scope), Comment(rawValue: "\(context): similar to visible \(probe.id) returned nil"))
            }
            if let suggestion = results.didYouMean {
                for word in suggestion.split(separator: " ") where !query.lowercased().contains(word.lowercased()) {
                    let found = fixture.documents.contains { document in
                        Self.isVisible(document, scope) && ["title", "description", "content", "instructions"].contains { (Self.text(document, $0) ?? "").lowercased().contains(word.lowercased()) }
                    }
                    #expect(found, Comment(rawValue: "\(context): suggested '\(word)', which no visible document has"))
                }
            }
            checked += 1
            if !results.hits.isEmpty { nonEmpty += 1 }
        }
        print("EngineQueryPropertyTests: \(checked) requests checked (\(nonEmpty) with hits), \(faulty) faulty filters refused, \(sqlChecked) against SQL")
        #expect(nonEmpty > 100, "too few requests select anything: the generator or the fixture is off")
        #expect(sqlChecked >= 100, "too few filters were checked against SQL")
    }
}

extension SearchOptions {
    /// Whether the options make the engine find every match (so totals are exact).
    var needsEveryMatch: Bool { isPageMode || !facets.isEmpty || !sort.isEmpty || distinct != nil }
}
