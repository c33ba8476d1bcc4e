/// The JSON shapes of the files in Corpus/PromptVault (see its README). Every field is optional
/// here so that ``SampleStore`` can report a missing one by file, entry and name.

struct UserEntry: Decodable {
    var username: String?
    var displayName: String?
    var bio: String?
    var reputation: Int?
    var joinedDaysAgo: Int?
}

/// A category and, nested, its children.
struct CategoryEntry: Decodable {
    var slug: String?
    var name: String?
    var description: String?
    var children: [CategoryEntry]?
}

struct ModelEntry: Decodable {
    var slug: String?
    var name: String?
    var provider: String?
}

struct TagEntry: Decodable {
    var slug: String?
    var name: String?
}

struct PromptEntry: Decodable {
    var slug: String?
    var title: String?
    var description: String?
    var content: String?
    var instructions: String?
    /// Optional: when absent, the `{{name}}` placeholders of `content` in order of appearance.
    var variables: [String]?
    var category: String?
    var model: String?
    var author: String?
    var tags: [String]?
    var visibility: String?
    var status: String?
    var featured: Bool?
    var staffPick: Bool?
    var createdDaysAgo: Int?
    var updatedDaysAgo: Int?
    var forkedFrom: String?
    var popularity: String?
}
