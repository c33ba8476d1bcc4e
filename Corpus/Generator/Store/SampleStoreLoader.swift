import Foundation

/// Reads the files of a sample corpus folder, resolves slugs to ids and checks every rule of the
/// format (Corpus/PromptVault/README.md). Used by ``SampleStore``.
struct SampleStoreLoader {
    let folder: URL
    let now: Int64

    struct Loaded {
        var users: [StoreUser] = []
        var categories: [StoreCategory] = []
        var models: [StoreModel] = []
        var tags: [StoreTag] = []
        var prompts: [StorePrompt] = []
        var popularity: [Popularity] = []
    }

    static let day: Int64 = 86_400
    static let visibilities: Set<String> = ["public", "private", "unlisted"]
    static let statuses: Set<String> = ["draft", "published", "archived"]

    func load() throws(SampleStoreError) -> Loaded {
        var loaded = Loaded()
        let (users, joinedDaysAgo) = try loadUsers()
        loaded.users = users
        loaded.categories = try loadCategories()
        loaded.models = try loadModels()
        loaded.tags = try loadTags()
        var prompts = PromptResolver(
            now: now, users: users, joinedDaysAgo: joinedDaysAgo, categories: loaded.categories,
            models: loaded.models, tags: loaded.tags)
        for file in try promptFiles() {
            try prompts.add(try decode(PromptEntry.self, file: file), file: file)
        }
        guard !prompts.prompts.isEmpty else {
            throw .unreadable(file: "prompts", reason: "the folder holds no .json file of prompts")
        }
        try prompts.resolveForks()
        loaded.prompts = prompts.prompts
        loaded.popularity = prompts.popularity
        return loaded
    }

    // MARK: Small tables

    private func loadUsers() throws(SampleStoreError) -> ([StoreUser], [Int]) {
        let file = "users.json"
        var users: [StoreUser] = []
        var joined: [Int] = []
        var seen = Set<String>()
        for (index, entry) in try decode(UserEntry.self, file: file).enumerated() {
            let label = Self.label(index, entry.username)
            let username = try required(entry.username, "username", file, label)
            guard seen.insert(username).inserted else {
                throw .duplicate(file: file, entry: label, field: "username", value: username)
            }
            let days = try required(entry.joinedDaysAgo, "joinedDaysAgo", file, label)
            guard days >= 0 else { throw .invalidValue(file: file, entry: label, field: "joinedDaysAgo", reason: "\(days) is negative") }
            let reputation = try required(entry.reputation, "reputation", file, label)
            guard reputation >= 0 else { throw .invalidValue(file: file, entry: label, field: "reputation", reason: "\(reputation) is negative") }
            let id = Int64(index + 1)
            users.append(StoreUser(
                id: id, username: username, displayName: try required(entry.displayName, "displayName", file, label),
                bio: entry.bio, reputation: reputation, createdAt: Self.time(daysAgo: days, now: now, id: id, salt: 1)))
            joined.append(days)
        }
        return (users, joined)
    }

    private func loadCategories() throws(SampleStoreError) -> [StoreCategory] {
        let file = "categories.json"
        var categories: [StoreCategory] = []
        var seen = Set<String>()
        // Depth-first, parents before children; ids in that order.
        var stack: [(entry: CategoryEntry, path: String, parent: Int64?)] = []
        for (index, entry) in try decode(CategoryEntry.self, file: file).enumerated().reversed() {
            stack.append((entry, "[\(index)]", nil))
        }
        while let (entry, path, parent) = stack.popLast() {
            let label = entry.slug.map { "entry \(path) \"\($0)\"" } ?? "entry \(path)"
            let slug = try required(entry.slug, "slug", file, label)
            guard seen.insert(slug).inserted else { throw .duplicate(file: file, entry: label, field: "slug", value: slug) }
            let id = Int64(categories.count + 1)
            categories.append(StoreCategory(
                id: id, slug: slug, name: try required(entry.name, "name", file, label),
                description: entry.description, parentID: parent))
            for (index, child) in (entry.children ?? []).enumerated().reversed() {
                stack.append((child, "\(path).children[\(index)]", id))
            }
        }
        return categories
    }

    private func loadModels() throws(SampleStoreError) -> [StoreModel] {
        let file = "models.json"
        var seen = Set<String>()
        var models: [StoreModel] = []
        for (index, entry) in try decode(ModelEntry.self, file: file).enumerated() {
            let label = Self.label(index, entry.slug)
            let slug = try required(entry.slug, "slug", file, label)
            guard seen.insert(slug).inserted else { throw .duplicate(file: file, entry: label, field: "slug", value: slug) }
            models.append(StoreModel(
                id: Int64(index + 1), name: try required(entry.name, "name", file, label), slug: slug,
                provider: try required(entry.provider, "provider", file, label)))
        }
        return models
    }

    private func loadTags() throws(SampleStoreError) -> [StoreTag] {
        let file = "tags.json"
        var seen = Set<String>()
        var tags: [StoreTag] = []
        for (index, entry) in try decode(TagEntry.self, file: file).enumerated() {
            let label = Self.label(index, entry.slug)
            let slug = try required(entry.slug, "slug", file, label)
            guard seen.insert(slug).inserted else { throw .duplicate(file: file, entry: label, field: "slug", value: slug) }
            tags.append(StoreTag(id: Int64(index + 1), name: try required(entry.name, "name", file, label), slug: slug))
        }
        return tags
    }

    // MARK: Files

    /// prompts/*.json relative to the folder, sorted by name.
    private func promptFiles() throws(SampleStoreError) -> [String] {
        let directory = folder.appendingPathComponent("prompts", isDirectory: true)
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw .unreadable(file: "prompts", reason: "cannot list the folder \(directory.path)")
        }
        return names.filter { $0.hasSuffix(".json") }.sorted().map { "prompts/\($0)" }
    }

    /// The entries of `file` (relative to the folder), a JSON array of objects.
    private func decode<Entry: Decodable>(_: Entry.Type, file: String) throws(SampleStoreError) -> [Entry] {
        let url = folder.appendingPathComponent(file)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw .unreadable(file: file, reason: "no readable file at \(url.path)")
        }
        do {
            return try JSONDecoder().decode([Entry].self, from: data)
        } catch let error as DecodingError {
            throw .malformed(file: file, reason: Self.explain(error))
        } catch {
            throw .malformed(file: file, reason: "\(error)")
        }
    }

    private static func explain(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let text = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return text.isEmpty ? "at the top level" : "at \(text)"
        }
        switch error {
        case .typeMismatch(let type, let context): return "\(path(context)): expected \(type)"
        case .valueNotFound(let type, let context): return "\(path(context)): expected \(type), found null"
        case .keyNotFound(let key, let context): return "\(path(context)): missing \"\(key.stringValue)\""
        case .dataCorrupted(let context): return "\(path(context)): \(context.debugDescription)"
        @unknown default: return "\(error)"
        }
    }

    // MARK: Helpers

    /// "entry [3] \"slug\"" or "entry [3]".
    static func label(_ index: Int, _ name: String?) -> String {
        name.map { "entry [\(index)] \"\($0)\"" } ?? "entry [\(index)]"
    }

    /// A time `days` whole days before `now`, minus a fixed time of day derived from `id`, so
    /// records of the same day do not share a second. Never after `now`.
    static func time(daysAgo days: Int, now: Int64, id: Int64, salt: Int64) -> Int64 {
        let secondOfDay = (id &* 40_503 &+ salt &* 7_919) % day
        return now - Int64(days) * day - secondOfDay
    }
}

/// `value` if it is a non-blank string, or a ``SampleStoreError`` naming the field.
func required(_ value: String?, _ field: String, _ file: String, _ entry: String) throws(SampleStoreError) -> String {
    guard let value else { throw .missingField(file: file, entry: entry, field: field) }
    guard value.contains(where: { !$0.isWhitespace }) else {
        throw .invalidValue(file: file, entry: entry, field: field, reason: "it is empty")
    }
    return value
}

/// `value`, or a ``SampleStoreError/missingField(file:entry:field:)`` error.
func required<Value>(_ value: Value?, _ field: String, _ file: String, _ entry: String) throws(SampleStoreError) -> Value {
    guard let value else { throw .missingField(file: file, entry: entry, field: field) }
    return value
}
