import Foundation
import VaultCorpus

/// Small, seeded PromptVault stores for tests, built here (independently of the corpus helper's
/// generator): users, a three-level category tree, models of several providers, tags, prompts with
/// tags, and events.
enum TestStore {
    static let words = [
        "python", "debug", "email", "marketing", "portrait", "cinematic", "review", "essay", "summary", "sql",
        "outline", "poem", "pitch", "lesson", "recipe", "travel", "story", "legal", "resume", "interview",
    ]

    static func sentence(_ random: inout SeededRandom, _ count: Int) -> String {
        (0..<count).map { _ in random.pick(words) }.joined(separator: " ")
    }

    static let now: Int64 = 1_760_000_000

    static func users(_ n: Int) -> [StoreUser] {
        (1...n).map { StoreUser(id: Int64($0), username: "user\($0)", displayName: "User \($0)", bio: nil, reputation: $0 * 10, createdAt: now - 86_400 * 90) }
    }

    /// A tree: 3 roots, 2 children each, 1 grandchild under each child.
    static let categories: [StoreCategory] = {
        var out: [StoreCategory] = []
        var id: Int64 = 0
        for root in ["coding", "writing", "art"] {
            id += 1
            let rootID = id
            out.append(StoreCategory(id: rootID, slug: root, name: root.capitalized, description: nil, parentID: nil))
            for child in ["a", "b"] {
                id += 1
                let childID = id
                out.append(StoreCategory(id: childID, slug: "\(root)-\(child)", name: "\(root) \(child)", description: nil, parentID: rootID))
                id += 1
                out.append(StoreCategory(id: id, slug: "\(root)-\(child)-deep", name: "\(root) \(child) deep", description: nil, parentID: childID))
            }
        }
        return out
    }()

    static let models = [
        StoreModel(id: 1, name: "GPT-4o", slug: "gpt-4o", provider: "OpenAI"),
        StoreModel(id: 2, name: "Claude", slug: "claude", provider: "Anthropic"),
        StoreModel(id: 3, name: "Gemini", slug: "gemini", provider: "Google"),
    ]

    static let tags: [StoreTag] = (1...10).map { StoreTag(id: Int64($0), name: "tag \($0)", slug: "tag-\($0)") }

    static func prompt(_ id: Int64, _ random: inout SeededRandom, users: Int) -> StorePrompt {
        let created = now - Int64(random.below(86_400 * 60))
        var tagIDs = Set<Int64>()
        for _ in 0..<random.below(4) { tagIDs.insert(Int64(1 + random.below(tags.count))) }
        return StorePrompt(
            id: id, slug: "prompt-\(id)", title: sentence(&random, 3), description: random.chance(70) ? sentence(&random, 6) : nil,
            content: sentence(&random, 12), instructions: random.chance(30) ? sentence(&random, 5) : nil,
            variables: random.chance(50) ? ["topic"] : [], categoryID: random.chance(90) ? Int64(1 + random.below(categories.count)) : nil,
            modelID: random.chance(80) ? Int64(1 + random.below(models.count)) : nil, authorID: Int64(1 + random.below(users)),
            visibility: random.pick(["public", "public", "private", "unlisted"]), status: random.pick(["published", "published", "draft", "archived"]),
            featured: random.chance(10), staffPick: random.chance(5), createdAt: created, updatedAt: created + 60,
            publishedAt: created + 120, forkedFromID: id > 3 && random.chance(10) ? Int64(1 + random.below(Int(id) - 1)) : nil,
            tagIDs: tagIDs.sorted())
    }

    /// A store of `prompts` prompts and some events.
    static func contents(seed: UInt64, prompts: Int, users userCount: Int = 6) -> StoreContents {
        var random = SeededRandom(seed: seed)
        let list = (1...max(prompts, 1)).prefix(prompts).map { prompt(Int64($0), &random, users: userCount) }
        var events: [StoreEvent] = []
        var rated = Set<[Int64]>()
        for prompt in list {
            for _ in 0..<random.below(5) { events.append(StoreEvent(kind: .view, promptID: prompt.id, userID: nil, at: prompt.createdAt + 10)) }
            for _ in 0..<random.below(3) { events.append(StoreEvent(kind: .copy, promptID: prompt.id, userID: Int64(1 + random.below(userCount)), at: prompt.createdAt + 20)) }
            for _ in 0..<random.below(3) {
                let user = Int64(1 + random.below(userCount))
                if rated.insert([prompt.id, user]).inserted {
                    events.append(StoreEvent(kind: .rating(1 + random.below(5)), promptID: prompt.id, userID: user, at: prompt.createdAt + 30))
                }
            }
            if random.chance(30) { events.append(StoreEvent(kind: .bookmark, promptID: prompt.id, userID: Int64(1 + random.below(userCount)), at: prompt.createdAt + 40)) }
        }
        return StoreContents(
            users: users(userCount), categories: categories, models: models, tags: tags,
            prompts: AnySequence(list), events: AnySequence(events), promptCount: list.count)
    }
}
