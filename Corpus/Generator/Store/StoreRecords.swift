// The records of a whole PromptVault store (users, categories, models, tags, prompts and
// engagement events), as the sample corpus (``SampleStore``) and the seeded generator
// (``StoreGenerator``) produce them and the ingest loader writes them to SQLite.
//
// Times are Unix seconds (`Int64`); ids are `Int64` starting at 1, unique per kind of record.

/// A PromptVault member: an author of prompts and a source of engagement events.
public struct StoreUser: Sendable, Equatable, Hashable {
    /// The user id, from 1.
    public var id: Int64
    /// The unique handle, such as "maya_writes".
    public var username: String
    /// The name shown on the site.
    public var displayName: String
    /// A short profile text, if the user wrote one.
    public var bio: String?
    /// Reputation points (0 or more).
    public var reputation: Int
    /// When the account was created (Unix seconds).
    public var createdAt: Int64

    /// Creates a user.
    public init(id: Int64, username: String, displayName: String, bio: String?, reputation: Int, createdAt: Int64) {
        self.id = id
        self.username = username
        self.displayName = displayName
        self.bio = bio
        self.reputation = reputation
        self.createdAt = createdAt
    }
}

/// A node of the category tree ("Coding > Python > Debugging"); roots have no parent.
/// The tree is at least three levels deep somewhere.
public struct StoreCategory: Sendable, Equatable, Hashable {
    /// The category id, from 1.
    public var id: Int64
    /// The unique URL slug, such as "python-debugging".
    public var slug: String
    /// The name shown on the site, such as "Debugging".
    public var name: String
    /// A one-line description, if any.
    public var description: String?
    /// The parent category's id; `nil` for a top-level category.
    public var parentID: Int64?

    /// Creates a category.
    public init(id: Int64, slug: String, name: String, description: String?, parentID: Int64?) {
        self.id = id
        self.slug = slug
        self.name = name
        self.description = description
        self.parentID = parentID
    }
}

/// An AI model a prompt is written for, such as GPT-4o by OpenAI.
public struct StoreModel: Sendable, Equatable, Hashable {
    /// The model id, from 1.
    public var id: Int64
    /// The name shown on the site, such as "GPT-4o".
    public var name: String
    /// The unique URL slug, such as "gpt-4o".
    public var slug: String
    /// The company behind the model: "OpenAI", "Anthropic", ...
    public var provider: String

    /// Creates a model.
    public init(id: Int64, name: String, slug: String, provider: String) {
        self.id = id
        self.name = name
        self.slug = slug
        self.provider = provider
    }
}

/// A free-form label on prompts, such as "SEO".
public struct StoreTag: Sendable, Equatable, Hashable {
    /// The tag id, from 1.
    public var id: Int64
    /// The name shown on the site, such as "SEO".
    public var name: String
    /// The unique URL slug, such as "seo".
    public var slug: String

    /// Creates a tag.
    public init(id: Int64, name: String, slug: String) {
        self.id = id
        self.name = name
        self.slug = slug
    }
}

/// A published (or draft, or archived) prompt with its metadata. Engagement counters are not
/// stored here: they are derived from the ``StoreEvent``s.
public struct StorePrompt: Sendable, Equatable, Hashable {
    /// The prompt id, from 1.
    public var id: Int64
    /// The unique URL slug.
    public var slug: String
    /// The title.
    public var title: String
    /// A one- or two-sentence summary, if any.
    public var description: String?
    /// The prompt text itself, often with `{{variables}}`.
    public var content: String
    /// How to use the prompt, if the author explained it.
    public var instructions: String?
    /// The names of the `{{variables}}` the content uses, without braces.
    public var variables: [String]
    /// The category id, if the prompt has one.
    public var categoryID: Int64?
    /// The target model's id, if the prompt names one.
    public var modelID: Int64?
    /// The author's user id.
    public var authorID: Int64
    /// "public", "private" or "unlisted".
    public var visibility: String
    /// "draft", "published" or "archived".
    public var status: String
    /// Shown on the home page.
    public var featured: Bool
    /// Picked by the staff.
    public var staffPick: Bool
    /// When the prompt was created (Unix seconds).
    public var createdAt: Int64
    /// When the prompt was last edited (Unix seconds; ≥ `createdAt`).
    public var updatedAt: Int64
    /// When the prompt was published, if it was.
    public var publishedAt: Int64?
    /// The prompt this one was forked from, if any; always a smaller id (the source comes first).
    public var forkedFromID: Int64?
    /// The prompt's tags' ids.
    public var tagIDs: [Int64]

    /// Creates a prompt.
    public init(
        id: Int64, slug: String, title: String, description: String?, content: String, instructions: String?,
        variables: [String], categoryID: Int64?, modelID: Int64?, authorID: Int64,
        visibility: String, status: String, featured: Bool, staffPick: Bool,
        createdAt: Int64, updatedAt: Int64, publishedAt: Int64?, forkedFromID: Int64?, tagIDs: [Int64]
    ) {
        self.id = id
        self.slug = slug
        self.title = title
        self.description = description
        self.content = content
        self.instructions = instructions
        self.variables = variables
        self.categoryID = categoryID
        self.modelID = modelID
        self.authorID = authorID
        self.visibility = visibility
        self.status = status
        self.featured = featured
        self.staffPick = staffPick
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.publishedAt = publishedAt
        self.forkedFromID = forkedFromID
        self.tagIDs = tagIDs
    }
}

/// What a user did to a prompt.
public enum StoreEventKind: Sendable, Equatable, Hashable {
    /// Opened the prompt's page.
    case view
    /// Copied the prompt text.
    case copy
    /// Saved the prompt (at most once per user and prompt).
    case bookmark
    /// Rated the prompt 1...5 stars (at most once per user and prompt).
    case rating(Int)
}

/// One engagement event. Events are never before the prompt's `createdAt` nor after the store's
/// "now"; a stream of events is not necessarily sorted by time.
public struct StoreEvent: Sendable, Equatable, Hashable {
    /// What happened.
    public var kind: StoreEventKind
    /// The prompt it happened to.
    public var promptID: Int64
    /// The user who did it; `nil` for an anonymous visitor (views and copies only).
    public var userID: Int64?
    /// When it happened (Unix seconds).
    public var at: Int64
    /// An anonymous visitor's fingerprint (views without a user), for deduplicating views.
    public var fingerprint: String?

    /// Creates an event.
    public init(kind: StoreEventKind, promptID: Int64, userID: Int64?, at: Int64, fingerprint: String? = nil) {
        self.kind = kind
        self.promptID = promptID
        self.userID = userID
        self.at = at
        self.fingerprint = fingerprint
    }
}

/// A whole store: small tables as arrays, prompts, events and marketplace listings as streams (a
/// 10M-prompt store must not be held in memory).
///
/// Not `Sendable` or `Equatable`: the streams are type-erased sequences, which may be lazy and may
/// generate their elements anew on each iteration. Iterating `prompts` gives prompts in id order.
public struct StoreContents {
    /// All users.
    public var users: [StoreUser]
    /// All categories (parents before children).
    public var categories: [StoreCategory]
    /// All AI models.
    public var models: [StoreModel]
    /// All tags.
    public var tags: [StoreTag]
    /// All prompts, in id order (so a fork's source is always read before the fork).
    public var prompts: AnySequence<StorePrompt>
    /// All engagement events, in no particular order.
    public var events: AnySequence<StoreEvent>
    /// The number of elements of `prompts`.
    public var promptCount: Int
    /// Marketplace listings, in id order (each after the prompt and user it names).
    public var listings: AnySequence<StoreListing>

    /// Creates a store's contents (without listings unless `listings` is given).
    public init(
        users: [StoreUser], categories: [StoreCategory], models: [StoreModel], tags: [StoreTag],
        prompts: AnySequence<StorePrompt>, events: AnySequence<StoreEvent>, promptCount: Int,
        listings: AnySequence<StoreListing> = AnySequence([])
    ) {
        self.users = users
        self.categories = categories
        self.models = models
        self.tags = tags
        self.prompts = prompts
        self.events = events
        self.promptCount = promptCount
        self.listings = listings
    }
}
