/// The small tables of a generated store that do not depend on its size: the AI models (the same
/// eight as the sample), a category tree rooted in the corpus generator's 14 kinds of prompt, and
/// tags made from each kind's most frequent words.
enum GeneratedTaxonomy {
    /// The eight models of the sample corpus (Corpus/PromptVault/models.json), same order.
    static let models: [StoreModel] = [
        ("GPT-4o", "gpt-4o", "OpenAI"), ("GPT-4o mini", "gpt-4o-mini", "OpenAI"), ("o3", "o3", "OpenAI"),
        ("Claude 3.5 Sonnet", "claude-3-5-sonnet", "Anthropic"), ("Claude 3 Haiku", "claude-3-haiku", "Anthropic"),
        ("Gemini 1.5 Pro", "gemini-1-5-pro", "Google"), ("Gemini 1.5 Flash", "gemini-1-5-flash", "Google"),
        ("Midjourney v6", "midjourney-v6", "Midjourney"),
    ].enumerated().map { StoreModel(id: Int64($0.offset + 1), name: $0.element.0, slug: $0.element.1, provider: $0.element.2) }

    /// The id of Midjourney v6, the model of most image prompts.
    static let imageModelID: Int64 = 8

    /// One root per corpus-generator category (by its ``CategorySpec`` name), with children and
    /// some grandchildren: "Name" or "Name > Child, Child".
    private static let tree: [(spec: String, root: String, children: [String])] = [
        ("programming", "Coding", ["Python > Debugging, Scripts", "JavaScript > React, Node.js", "SQL & databases", "Rust, C++ & C#", "Code review", "DevOps & shell"]),
        ("writing", "Writing", ["Business writing > Cover letters, Emails, Reports", "Blogging > SEO articles", "Creative writing", "Editing"]),
        ("marketing", "Marketing", ["Social media > LinkedIn, X, Instagram", "Ads & landing pages", "Email marketing", "SEO strategy"]),
        ("image", "Image generation", ["Midjourney > Portraits, Logos, Product shots, Landscapes", "Prompt helpers"]),
        ("education", "Education", ["Tutoring > Math, Language learning", "Lesson plans", "Study skills"]),
        ("productivity", "Productivity", ["Planning", "Meetings & notes", "Summarization"]),
        ("health", "Health & fitness", ["Workouts", "Nutrition", "Mindfulness"]),
        ("travel", "Travel & food", ["Trip planning", "Recipes", "Restaurants"]),
        ("fiction", "Stories & games", ["Role-play > Act as, Characters", "Text adventures", "Worldbuilding"]),
        ("media", "Media & music", ["Podcasts", "Video scripts", "Songwriting"]),
        ("data", "Data analysis", ["Spreadsheets", "Statistics", "Visualization"]),
        ("business", "Business", ["Strategy", "Sales", "Customer support", "Startups"]),
        ("career", "Career", ["Interview prep", "Resumes", "Negotiation"]),
        ("finance", "Finance & legal", ["Personal finance", "Contracts", "Taxes"]),
    ]

    /// The category tree, parents before children; slugs are unique (a child's slug is prefixed
    /// by its root's when the name alone is ambiguous).
    static let categories: [StoreCategory] = {
        var categories: [StoreCategory] = []
        var slugs = Set<String>()
        func add(_ name: String, parent: Int64?, prefix: String) -> Int64 {
            let id = Int64(categories.count + 1)
            var slug = Slug.make(name)
            if !slugs.insert(slug).inserted {
                slug = Slug.make(prefix + " " + name)
                if !slugs.insert(slug).inserted { slug += "-\(id)" }
                slugs.insert(slug)
            }
            categories.append(StoreCategory(id: id, slug: slug, name: name, description: nil, parentID: parent))
            return id
        }
        for entry in tree {
            let root = add(entry.root, parent: nil, prefix: "")
            for child in entry.children {
                let parts = child.split(separator: " > ").map(String.init)
                let childID = add(parts[0], parent: root, prefix: entry.root)
                if parts.count > 1 {
                    for grandchild in parts[1].split(separator: ", ").map(String.init) {
                        _ = add(grandchild, parent: childID, prefix: parts[0])
                    }
                }
            }
        }
        return categories
    }()

    /// For each vocabulary category (same order as ``Vocabulary/categories``): its root category
    /// and every category under the root.
    static let branches: [(root: Int64, descendants: [Int64])] = {
        let roots = categories.filter { $0.parentID == nil }
        return Vocabulary.shared.categories.map { category in
            let index = tree.firstIndex { $0.spec == category.name } ?? 0
            let root = roots[index].id
            var members: Set<Int64> = [root]
            for candidate in categories where candidate.parentID.map(members.contains) == true { members.insert(candidate.id) }
            return (root, members.subtracting([root]).sorted())
        }
    }()

    /// Tags per vocabulary category: tag ids of its 40 most frequent words (shared words share a
    /// tag), most frequent first.
    static let tagIDsByCategory: [[Int64]] = taxonomyTags.byCategory

    /// Every tag.
    static let tags: [StoreTag] = taxonomyTags.tags

    private static let taxonomyTags: (tags: [StoreTag], byCategory: [[Int64]]) = {
        var tags: [StoreTag] = []
        var idBySlug: [String: Int64] = [:]
        let byCategory = Vocabulary.shared.categories.map { category in
            category.words.words.prefix(40).compactMap { word -> Int64? in
                let slug = Slug.make(word)
                guard !slug.isEmpty else { return nil }
                if let id = idBySlug[slug] { return id }
                let id = Int64(tags.count + 1)
                tags.append(StoreTag(id: id, name: word, slug: slug))
                idBySlug[slug] = id
                return id
            }
        }
        return (tags, byCategory)
    }()
}
