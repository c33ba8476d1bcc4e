/// A seeded generator of whole PromptVault stores of any size (1,000 … 10,000,000 prompts and
/// more): users, a category tree, tags, the eight models, prompts and engagement events.
///
/// Memory stays flat: users (≈ prompts / 20, at least 40) are built up front, everything else is
/// generated on demand. Prompt `id` depends only on (seed, promptCount, now, id), so any prompt
/// — and its events — can be generated alone ("random access"); ``contents()`` streams them in
/// id order.
///
/// - Prompts: title and content from ``CorpusGenerator`` (same seed, document `id − 1`); the
///   category is a node under the root of the document's kind; creation times grow with the id
///   over the two years before `now`, denser towards `now` (a growing site), so a fork's source
///   (always a smaller id, public and published) is never newer than the fork. ~5 % private, ~3 % unlisted, ~6 %
///   drafts, ~4 % archived, ~1 % featured, ~1 % staff picks, ~3 % forks.
/// - Authors: Zipf over a shuffled user list (a few prolific authors).
/// - Engagement: a Zipf–Mandelbrot popularity (weight 1/(rank + 5)) over a shuffled prompt order,
///   scaled so the mean is ``meanEventsPerPrompt`` over prompts that existed the whole window;
///   ~1 % of prompts older than 30 days get a burst in the last 7 days. Details in
///   ``EngagementGenerator``.
/// - Marketplace: ``listingShare`` of the public, published prompts get a listing by their author
///   (``GeneratedListings``; one in ten a bundle of its category instead), ids in prompt order.
public struct StoreGenerator: Sendable {
    /// The seed everything derives from.
    public let seed: UInt64
    /// The number of prompts, ids `1...promptCount`.
    public let promptCount: Int
    /// The end of the engagement window, and the latest possible creation time (Unix seconds).
    public let now: Int64
    /// The mean number of engagement events of a prompt that existed for the whole window.
    public let meanEventsPerPrompt: Double
    /// The probability that a public, published prompt gets a marketplace listing (0...1).
    public let listingShare: Double
    /// All users, ids `1...users.count`.
    public let users: [StoreUser]

    /// Prompts are created over this span before `now`.
    static let span: Int64 = 730 * 86_400
    private let corpus: CorpusGenerator
    private let authorRanks: ZipfSampler
    private let authorOrder: Permutation
    private let popularityOrder: Permutation
    /// Σ 1/(rank + 5) over all ranks: the popularity weights' total.
    private let popularityTotal: Double
    private let engagement: EngagementGenerator

    /// Creates the generator of the store named by (`seed`, `promptCount`, `now`).
    /// O(users) time and memory, plus an O(promptCount) sum with no storage.
    /// - Precondition: `promptCount ≥ 1`.
    public init(seed: UInt64, promptCount: Int, now: Int64, meanEventsPerPrompt: Double = 20, listingShare: Double = 0.1) {
        precondition(promptCount >= 1, "a store needs at least one prompt")
        self.seed = seed
        self.promptCount = promptCount
        self.now = now
        self.meanEventsPerPrompt = meanEventsPerPrompt
        self.listingShare = listingShare
        corpus = CorpusGenerator(seed: seed)
        let userCount = max(40, promptCount / 20)
        users = GeneratedUsers.make(count: userCount, seed: seed, latest: now - Self.span - 86_400)
        authorRanks = ZipfSampler(count: userCount, offset: 3)
        var random = SeededRandom(seed: seed ^ 0x0DDB_A11C_0FFE_E000)
        authorOrder = Permutation(count: userCount, random: &random)
        popularityOrder = Permutation(count: promptCount, random: &random)
        var total = 0.0
        for rank in 0..<promptCount { total += 1 / (Double(rank) + 5) }
        popularityTotal = total
        engagement = EngagementGenerator(seed: seed, now: now, userCount: userCount)
    }

    /// The category tree (the same for every store).
    public var categories: [StoreCategory] { GeneratedTaxonomy.categories }
    /// The eight models of the sample corpus.
    public var models: [StoreModel] { GeneratedTaxonomy.models }
    /// Tags: the most frequent words of each kind of prompt (the same for every store).
    public var tags: [StoreTag] { GeneratedTaxonomy.tags }

    /// Prompt `id` (1-based). O(length of the prompt).
    public func prompt(id: Int64) -> StorePrompt {
        precondition((1...Int64(promptCount)).contains(id), "prompt \(id) is outside 1...\(promptCount)")
        let skeleton = self.skeleton(id: id)
        let document = corpus.document(at: Int(id - 1))
        let content = document.text
        return StorePrompt(
            id: id, slug: "\(Slug.make(document.title, limit: 50))-\(id)", title: document.title,
            description: skeleton.hasDescription ? Self.firstSentence(of: content) : nil, content: content,
            instructions: skeleton.instructions, variables: PromptVariables.names(in: content),
            categoryID: skeleton.categoryID, modelID: skeleton.modelID, authorID: skeleton.authorID,
            visibility: skeleton.visibility, status: skeleton.status, featured: skeleton.featured,
            staffPick: skeleton.staffPick, createdAt: skeleton.createdAt, updatedAt: skeleton.updatedAt,
            publishedAt: skeleton.status == "draft" ? nil : skeleton.createdAt, forkedFromID: skeleton.forkedFromID,
            tagIDs: skeleton.tagIDs)
    }

    /// Prompts `1...promptCount` as a lazy random-access collection (nothing is stored).
    public var prompts: GeneratedPrompts { GeneratedPrompts(generator: self) }

    /// What ``EngagementGenerator`` needs for prompt `id`: its popularity and, for ~1 % of
    /// prompts older than 30 days, a burst. O(1): the prompt's text is not generated.
    public func engagementTarget(id: Int64) -> EngagementTarget {
        let skeleton = self.skeleton(id: id)
        let rank = popularityOrder[Int(id - 1)]
        let share = (1 / (Double(rank) + 5)) / popularityTotal
        let activeShare = EngagementGenerator.activeDays(createdAt: skeleton.createdAt, now: now) / 60
        let expected = meanEventsPerPrompt * Double(promptCount) * share * activeShare
        let burst = skeleton.bursts && skeleton.createdAt < now - 30 * 86_400 ? Swift.max(100, 2 * expected) : 0
        return EngagementTarget(
            promptID: id, authorID: skeleton.authorID, createdAt: skeleton.createdAt,
            visibility: skeleton.visibility, status: skeleton.status, expectedEvents: expected, burstEvents: burst)
    }

    /// The events of prompt `id`, generated lazily.
    public func events(forPrompt id: Int64) -> PromptEvents {
        engagement.events(for: engagementTarget(id: id))
    }

    /// Every event, prompt by prompt, generated lazily as it is read.
    public var events: some Sequence<StoreEvent> {
        (1...Int64(promptCount)).lazy.map { self.events(forPrompt: $0) }.joined()
    }

    /// Marketplace listings, generated lazily in id order.
    public var listings: GeneratedListings { GeneratedListings(generator: self) }

    /// The whole store, streamed.
    public func contents() -> StoreContents {
        StoreContents(
            users: users, categories: categories, models: models, tags: tags,
            prompts: AnySequence(prompts), events: AnySequence(events), promptCount: promptCount,
            listings: AnySequence(listings))
    }

    // MARK: Per-prompt metadata

    /// Everything about a prompt except its text.
    struct Skeleton {
        var categoryID: Int64
        var modelID: Int64?
        var authorID: Int64
        var visibility: String
        var status: String
        var featured: Bool
        var staffPick: Bool
        var createdAt: Int64
        var updatedAt: Int64
        var forkedFromID: Int64?
        var tagIDs: [Int64]
        var hasDescription: Bool
        var instructions: String?
        var bursts: Bool
    }

    func skeleton(id: Int64) -> Skeleton {
        // The document's kind, drawn exactly as DocumentComposer draws it from the same stream.
        var documentRandom = SeededRandom(seed: seed, index: UInt64(id - 1))
        let kind = Vocabulary.shared.category(&documentRandom)
        let kindIndex = Vocabulary.shared.categories.firstIndex { $0.name == kind.name } ?? 0
        let branch = GeneratedTaxonomy.branches[kindIndex]

        var random = SeededRandom(seed: seed ^ 0x5CE1_E70B_F00D_CAFE, index: UInt64(bitPattern: id))
        let categoryID = random.chance(20) || branch.descendants.isEmpty ? branch.root : random.pick(branch.descendants)
        let modelID: Int64? =
            random.chance(4) ? nil
            : kind.name == "image" && random.chance(85) ? GeneratedTaxonomy.imageModelID
            : Int64(1 + Self.textModelRanks.sample(&random))
        let authorID = Int64(authorOrder[authorRanks.sample(&random)] + 1)
        // Ids split the span into equal slots of x = (id − 1 + u) / n; time = now − span·(1 − √x).
        let x = (Double(id - 1) + random.unit()) / Double(promptCount)
        let createdAt = Swift.min(now, now - Self.span + Int64(Double(Self.span) * x.squareRoot()))
        let edited = random.chance(30)
        let updatedAt = edited ? createdAt + Int64(random.below(Int(now - createdAt) + 1)) : createdAt
        let (visibility, status) = Self.access(id: id, seed: seed)
        // A fork's source is an earlier prompt that others can see.
        var forkedFromID: Int64? = id > 1 && random.chance(3) ? Int64(1 + random.below(Int(id - 1))) : nil
        if let source = forkedFromID, Self.access(id: source, seed: seed) != ("public", "published") { forkedFromID = nil }
        let tagChoices = GeneratedTaxonomy.tagIDsByCategory[kindIndex]
        var tags: [Int64] = []
        for _ in 0..<random.below(6) where !tagChoices.isEmpty {
            let tag = tagChoices[Self.tagRanks.sample(&random) % tagChoices.count]
            if !tags.contains(tag) { tags.append(tag) }
        }
        return Skeleton(
            categoryID: categoryID, modelID: modelID, authorID: authorID,
            visibility: visibility, status: status,
            featured: random.chance(1), staffPick: random.chance(1), createdAt: createdAt, updatedAt: updatedAt,
            forkedFromID: forkedFromID, tagIDs: tags, hasDescription: random.chance(70),
            instructions: random.chance(40) ? random.pick(Self.instructionTips) : nil, bursts: random.chance(1))
    }

    /// Prompt `id`'s visibility (5 % private, 3 % unlisted) and status (6 % drafts, 4 % archived),
    /// from a stream of their own so a fork can check its source's cheaply.
    static func access(id: Int64, seed: UInt64) -> (visibility: String, status: String) {
        var random = SeededRandom(seed: seed ^ 0x7E11_AB1E_5EED_0001, index: UInt64(bitPattern: id))
        let visibility = random.below(100), status = random.below(100)
        return (visibility < 5 ? "private" : visibility < 8 ? "unlisted" : "public",
                status < 6 ? "draft" : status < 10 ? "archived" : "published")
    }

    /// Ranks of the seven text models (ids 1–7), Zipf: GPT-4o most used.
    private static let textModelRanks = ZipfSampler(count: 7, offset: 1.5)
    /// Ranks of a kind's 40 tag words.
    private static let tagRanks = ZipfSampler(count: 40, offset: 2)

    private static let instructionTips = [
        "Replace the placeholders with your own details before sending.",
        "Works best when you paste a real example.",
        "Run it once, then ask for a shorter version.",
        "Tell it your audience and tone for better results.",
        "Paste your text right after the prompt.",
        "Ask follow-up questions; it keeps the context.",
        "Use it in a new chat so earlier messages do not interfere.",
    ]

    /// The first sentence of `text` (up to ".", "?", "!" or a line break), at most 160 Unicode
    /// scalars.
    static func firstSentence(of text: String) -> String {
        var end = text.unicodeScalars.startIndex
        var length = 0
        for scalar in text.unicodeScalars {
            if scalar == "\n" { break }
            end = text.unicodeScalars.index(after: end)
            length += 1
            if scalar == "." || scalar == "?" || scalar == "!" || length >= 160 { break }
        }
        return String(text.unicodeScalars[..<end])
    }
}

/// A seeded permutation of `0..<count` in O(1) memory and time per lookup: the affine map
/// i ↦ (a·i + b) mod count with a coprime to `count`, so no table is stored.
struct Permutation: Sendable {
    let count: Int
    private let multiplier: Int
    private let offset: Int

    init(count: Int, random: inout SeededRandom) {
        self.count = count
        var multiplier = count > 2 ? 2 + random.below(count - 2) : 1
        while Self.gcd(multiplier, count) != 1 { multiplier += 1 }
        self.multiplier = multiplier % Swift.max(count, 1)
        offset = random.below(count)
    }

    /// The image of `index` (in `0..<count`).
    subscript(index: Int) -> Int {
        let product = UInt64(multiplier).multipliedFullWidth(by: UInt64(index))
        let remainder = UInt64(count).dividingFullWidth((product.high, product.low)).remainder
        return Int((remainder + UInt64(offset)) % UInt64(count))
    }

    private static func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
}
