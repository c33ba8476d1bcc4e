import Foundation
import VaultCorpus

/// The seed a randomized store test uses: `VAULT_STORE_SEED` from the environment (to replay a
/// failure), else `fallback`. Printed either way.
func storeSeed(_ fallback: UInt64, _ test: String = #function) -> UInt64 {
    let seed = ProcessInfo.processInfo.environment["VAULT_STORE_SEED"].flatMap(UInt64.init) ?? fallback
    print("\(test): seed \(seed) (replay with VAULT_STORE_SEED=\(seed))")
    return seed
}

/// Rule violations of a whole store, each a readable line; empty when the store obeys every rule
/// of the shared spec. Brute force over materialized records: an oracle independent of how the
/// generators enforce the rules.
func storeViolations(
    users: [StoreUser], categories: [StoreCategory], models: [StoreModel], tags: [StoreTag],
    prompts: [StorePrompt], events: [StoreEvent], now: Int64
) -> [String] {
    var problems: [String] = []
    func check(_ condition: Bool, _ message: @autoclosure () -> String) {
        if !condition, problems.count < 20 { problems.append(message()) }
    }
    check(users.map(\.id) == Array(1...Int64(users.count)), "user ids are not 1...n")
    check(Set(users.map(\.username)).count == users.count, "duplicate usernames")
    check(categories.map(\.id) == Array(1...Int64(categories.count)), "category ids are not 1...n")
    check(Set(categories.map(\.slug)).count == categories.count, "duplicate category slugs")
    for category in categories {
        if let parent = category.parentID { check(parent < category.id, "category \(category.slug): parent \(parent) does not come first") }
    }
    check(Set(models.map(\.slug)).count == models.count, "duplicate model slugs")
    check(Set(tags.map(\.slug)).count == tags.count, "duplicate tag slugs")

    let userByID = Dictionary(uniqueKeysWithValues: users.map { ($0.id, $0) })
    let promptByID = Dictionary(uniqueKeysWithValues: prompts.map { ($0.id, $0) })
    check(prompts.map(\.id) == Array(1...Int64(prompts.count)), "prompt ids are not 1...n in order")
    check(Set(prompts.map(\.slug)).count == prompts.count, "duplicate prompt slugs")
    for prompt in prompts {
        let name = "prompt \(prompt.id) \(prompt.slug)"
        check(userByID[prompt.authorID] != nil, "\(name): unknown author \(prompt.authorID)")
        check(prompt.categoryID.map { (1...Int64(categories.count)).contains($0) } ?? true, "\(name): unknown category")
        check(prompt.modelID.map { (1...Int64(models.count)).contains($0) } ?? true, "\(name): unknown model")
        check(prompt.tagIDs.allSatisfy { (1...Int64(tags.count)).contains($0) }, "\(name): unknown tag")
        check(Set(prompt.tagIDs).count == prompt.tagIDs.count, "\(name): repeated tag")
        check(prompt.forkedFromID.map { $0 < prompt.id && promptByID[$0]!.createdAt <= prompt.createdAt } ?? true, "\(name): fork of a later prompt")
        check(prompt.forkedFromID.map { promptByID[$0]!.visibility != "private" && promptByID[$0]!.status != "draft" } ?? true, "\(name): fork of a private prompt or a draft")
        check(["public", "private", "unlisted"].contains(prompt.visibility), "\(name): visibility \(prompt.visibility)")
        check(["draft", "published", "archived"].contains(prompt.status), "\(name): status \(prompt.status)")
        check(prompt.createdAt <= prompt.updatedAt && prompt.updatedAt <= now, "\(name): times out of order")
        check((prompt.publishedAt == nil) == (prompt.status == "draft"), "\(name): publishedAt vs status")
        check(userByID[prompt.authorID].map { $0.createdAt <= prompt.createdAt } ?? true, "\(name): created before its author joined")
        check(prompt.variables.allSatisfy { prompt.content.contains("{{\($0)}}") || prompt.content.contains("{{ \($0) }}") }, "\(name): variable not in content")
        check(!prompt.title.isEmpty && !prompt.content.isEmpty, "\(name): empty title or content")
    }

    var rated = Set<[Int64]>(), bookmarked = Set<[Int64]>()
    for event in events {
        guard let prompt = promptByID[event.promptID] else {
            check(false, "event for unknown prompt \(event.promptID)")
            continue
        }
        check(event.at <= now && event.at >= now - 60 * 86_400, "event at \(event.at) outside the 60-day window")
        check(event.at >= prompt.createdAt, "event before prompt \(prompt.id) was created")
        check(event.userID.map { userByID[$0] != nil } ?? true, "event by unknown user \(event.userID ?? 0)")
        if prompt.visibility == "private" || prompt.status == "draft" {
            check(event.userID == prompt.authorID, "prompt \(prompt.id) is private or a draft but \(String(describing: event.userID)) engaged")
        }
        switch event.kind {
        case .rating(let stars):
            check((1...5).contains(stars), "rating \(stars)")
            check(event.userID != nil && event.userID != prompt.authorID, "rating without user or by the author")
            check(rated.insert([event.userID ?? 0, event.promptID]).inserted, "duplicate rating by \(event.userID ?? 0) on \(event.promptID)")
        case .bookmark:
            check(event.userID != nil && event.userID != prompt.authorID, "bookmark without user or by the author")
            check(bookmarked.insert([event.userID ?? 0, event.promptID]).inserted, "duplicate bookmark by \(event.userID ?? 0) on \(event.promptID)")
        case .view, .copy:
            break
        }
    }
    return problems
}

/// The share of all events that the busiest 10 % of prompts receive.
func topDecileShare(_ events: [StoreEvent], promptCount: Int) -> Double {
    var counts: [Int64: Int] = [:]
    for event in events { counts[event.promptID, default: 0] += 1 }
    let sorted = counts.values.sorted(by: >)
    let top = sorted.prefix(max(1, promptCount / 10)).reduce(0, +)
    return Double(top) / Double(max(1, events.count))
}

/// Prompts created more than 30 days before `now` with more than half their events in the last 7 days.
func oldPromptsBursting(_ prompts: [StorePrompt], _ events: [StoreEvent], now: Int64) -> [Int64] {
    let old = Set(prompts.filter { $0.createdAt < now - 30 * 86_400 }.map(\.id))
    var total: [Int64: Int] = [:], recent: [Int64: Int] = [:]
    for event in events where old.contains(event.promptID) {
        total[event.promptID, default: 0] += 1
        if event.at >= now - 7 * 86_400 { recent[event.promptID, default: 0] += 1 }
    }
    return total.filter { $0.value >= 10 && 2 * recent[$0.key, default: 0] > $0.value }.map(\.key).sorted()
}

/// The depth of the deepest category (a root is depth 1).
func treeDepth(_ categories: [StoreCategory]) -> Int {
    let parent = Dictionary(uniqueKeysWithValues: categories.map { ($0.id, $0.parentID) })
    return categories.map { category in
        var depth = 1, current = category.parentID
        while let id = current, depth <= categories.count {
            depth += 1
            current = parent[id] ?? nil
        }
        return depth
    }.max() ?? 0
}

/// The mean of all ratings.
func meanRating(_ events: [StoreEvent]) -> Double {
    let stars = events.compactMap { if case .rating(let value) = $0.kind { value } else { nil } }
    return Double(stars.reduce(0, +)) / Double(max(1, stars.count))
}
