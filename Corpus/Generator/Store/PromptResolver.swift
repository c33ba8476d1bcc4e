/// Turns the prompt entries of the sample's files into ``StorePrompt``s: assigns ids in order,
/// resolves category, model, author and tag slugs, applies defaults and checks each rule of the
/// format. Forks are resolved last, once every slug is known. Used by ``SampleStoreLoader``.
struct PromptResolver {
    let now: Int64
    private(set) var prompts: [StorePrompt] = []
    private(set) var popularity: [Popularity] = []

    private let userIDs: [String: Int64]
    private let joinedDaysAgo: [Int]
    private let categoryIDs: [String: Int64]
    private let modelIDs: [String: Int64]
    private let tagIDs: [String: Int64]
    private var promptIDs: [String: Int64] = [:]
    /// Per prompt: its file, entry label, age in days and the slug it forks, if any.
    private var origins: [(file: String, label: String, daysAgo: Int, forkedFrom: String?)] = []

    init(now: Int64, users: [StoreUser], joinedDaysAgo: [Int], categories: [StoreCategory], models: [StoreModel], tags: [StoreTag]) {
        self.now = now
        self.joinedDaysAgo = joinedDaysAgo
        userIDs = Dictionary(uniqueKeysWithValues: users.map { ($0.username, $0.id) })
        categoryIDs = Dictionary(uniqueKeysWithValues: categories.map { ($0.slug, $0.id) })
        modelIDs = Dictionary(uniqueKeysWithValues: models.map { ($0.slug, $0.id) })
        tagIDs = Dictionary(uniqueKeysWithValues: tags.map { ($0.slug, $0.id) })
    }

    /// Adds the entries of one prompts file.
    mutating func add(_ entries: [PromptEntry], file: String) throws(SampleStoreError) {
        for (index, entry) in entries.enumerated() {
            try add(entry, label: SampleStoreLoader.label(index, entry.slug), file: file)
        }
    }

    private mutating func add(_ entry: PromptEntry, label: String, file: String) throws(SampleStoreError) {
        func invalid(_ field: String, _ reason: String) -> SampleStoreError {
            .invalidValue(file: file, entry: label, field: field, reason: reason)
        }
        func resolve(_ slug: String, in ids: [String: Int64], field: String) throws(SampleStoreError) -> Int64 {
            guard let id = ids[slug] else { throw .danglingReference(file: file, entry: label, field: field, value: slug) }
            return id
        }
        let id = Int64(prompts.count + 1)
        let slug = try required(entry.slug, "slug", file, label)
        guard promptIDs[slug] == nil else { throw .duplicate(file: file, entry: label, field: "slug", value: slug) }
        let content = try required(entry.content, "content", file, label)
        let authorID = try resolve(try required(entry.author, "author", file, label), in: userIDs, field: "author")
        let categoryID = try resolve(try required(entry.category, "category", file, label), in: categoryIDs, field: "category")
        let modelID: Int64? = switch entry.model {
        case .some(let model): try resolve(model, in: modelIDs, field: "model")
        case .none: nil
        }
        var tags: [Int64] = []
        for tag in entry.tags ?? [] {
            let tagID = try resolve(tag, in: tagIDs, field: "tags")
            guard !tags.contains(tagID) else { throw .duplicate(file: file, entry: label, field: "tag", value: tag) }
            tags.append(tagID)
        }

        let placeholders = PromptVariables.names(in: content)
        if let declared = entry.variables, let missing = declared.first(where: { !placeholders.contains($0) }) {
            throw invalid("variables", "\"\(missing)\" does not appear as {{\(missing)}} in the content")
        }
        let visibility = entry.visibility ?? "public"
        guard SampleStoreLoader.visibilities.contains(visibility) else {
            throw invalid("visibility", "\"\(visibility)\" is not one of public, private, unlisted")
        }
        let status = entry.status ?? "published"
        guard SampleStoreLoader.statuses.contains(status) else {
            throw invalid("status", "\"\(status)\" is not one of draft, published, archived")
        }
        let hintText = try required(entry.popularity, "popularity", file, label)
        guard let hint = Popularity(rawValue: hintText) else {
            throw invalid("popularity", "\"\(hintText)\" is not one of \(Popularity.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let daysAgo = try required(entry.createdDaysAgo, "createdDaysAgo", file, label)
        guard daysAgo >= 0 else { throw invalid("createdDaysAgo", "\(daysAgo) is negative") }
        let authorJoined = joinedDaysAgo[Int(authorID - 1)]
        guard authorJoined > daysAgo else {
            throw invalid("createdDaysAgo", "\(daysAgo) days ago is before the author joined (\(authorJoined) days ago)")
        }
        let createdAt = SampleStoreLoader.time(daysAgo: daysAgo, now: now, id: id, salt: 2)
        var updatedAt = createdAt
        if let updatedDaysAgo = entry.updatedDaysAgo {
            guard (0...daysAgo).contains(updatedDaysAgo) else {
                throw invalid("updatedDaysAgo", "\(updatedDaysAgo) is not between 0 and createdDaysAgo (\(daysAgo))")
            }
            updatedAt = max(createdAt, SampleStoreLoader.time(daysAgo: updatedDaysAgo, now: now, id: id, salt: 3))
        }

        promptIDs[slug] = id
        origins.append((file, label, daysAgo, entry.forkedFrom))
        popularity.append(hint)
        prompts.append(StorePrompt(
            id: id, slug: slug, title: try required(entry.title, "title", file, label), description: entry.description,
            content: content, instructions: entry.instructions, variables: entry.variables ?? placeholders,
            categoryID: categoryID, modelID: modelID, authorID: authorID, visibility: visibility, status: status,
            featured: entry.featured ?? false, staffPick: entry.staffPick ?? false,
            createdAt: createdAt, updatedAt: updatedAt, publishedAt: status == "draft" ? nil : createdAt,
            forkedFromID: nil, tagIDs: tags))
    }

    /// Sets `forkedFromID` from each `forkedFrom` slug: it must name a prompt listed earlier,
    /// created no later than the fork, and neither private nor a draft.
    mutating func resolveForks() throws(SampleStoreError) {
        for index in prompts.indices {
            let origin = origins[index]
            guard let source = origin.forkedFrom else { continue }
            guard let sourceID = promptIDs[source] else {
                throw .danglingReference(file: origin.file, entry: origin.label, field: "forkedFrom", value: source)
            }
            guard sourceID < prompts[index].id else {
                throw .invalidValue(
                    file: origin.file, entry: origin.label, field: "forkedFrom",
                    reason: "\"\(source)\" must come before its fork (earlier file or entry)")
            }
            let sourcePrompt = prompts[Int(sourceID - 1)]
            guard sourcePrompt.visibility != "private", sourcePrompt.status != "draft" else {
                throw .invalidValue(
                    file: origin.file, entry: origin.label, field: "forkedFrom",
                    reason: "\"\(source)\" is private or a draft, which nobody else can fork")
            }
            let sourceDays = origins[Int(sourceID - 1)].daysAgo
            guard prompts[Int(sourceID - 1)].createdAt <= prompts[index].createdAt else {
                throw .invalidValue(
                    file: origin.file, entry: origin.label, field: "forkedFrom",
                    reason: "the fork (\(origin.daysAgo) days old) is not newer than \"\(source)\" (\(sourceDays) days old)")
            }
            prompts[index].forkedFromID = sourceID
        }
    }
}
