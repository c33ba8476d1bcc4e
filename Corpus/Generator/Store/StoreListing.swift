/// A marketplace listing (the PromptForge design's marketplace, migration "v2-marketplace" of the
/// store): a seller offers a prompt, or a bundle of prompts, for a price.
///
/// Prices are whole minor units (`priceCents`: 1999 is 19.99 in `currency`); 0 is a free listing.
/// Only `active` listings are for sale; `sold`, `draft` and `removed` ones are the seller's own.
public struct StoreListing: Sendable, Equatable, Hashable {
    /// The listing id, from 1.
    public var id: Int64
    /// The seller's user id.
    public var sellerID: Int64
    /// The prompt offered, if the listing is for one prompt; nil for a bundle.
    public var promptID: Int64?
    /// The title shown in the marketplace.
    public var title: String
    /// What the buyer gets, if the seller wrote it.
    public var description: String?
    /// The price in minor units of `currency` (cents), 0 or more.
    public var priceCents: Int
    /// An ISO 4217 code: "USD", "EUR", "GBP".
    public var currency: String
    /// "personal", "commercial" or "extended".
    public var license: String
    /// "active", "sold", "draft" or "removed".
    public var status: String
    /// When the listing was created (Unix seconds).
    public var createdAt: Int64
    /// When it was last edited (Unix seconds; ≥ `createdAt`).
    public var updatedAt: Int64

    /// Creates a listing.
    public init(
        id: Int64, sellerID: Int64, promptID: Int64?, title: String, description: String?, priceCents: Int,
        currency: String, license: String, status: String, createdAt: Int64, updatedAt: Int64
    ) {
        self.id = id
        self.sellerID = sellerID
        self.promptID = promptID
        self.title = title
        self.description = description
        self.priceCents = priceCents
        self.currency = currency
        self.license = license
        self.status = status
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// The listing statuses, in the order of the schema's CHECK constraint.
    public static let statuses = ["active", "sold", "draft", "removed"]
    /// The licences a listing may carry.
    public static let licenses = ["personal", "commercial", "extended"]
}
