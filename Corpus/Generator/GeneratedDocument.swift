/// One document of a generated corpus, shaped like a BEIR corpus line.
public struct GeneratedDocument: Sendable, Hashable {
    /// The document id: `p` followed by the document's index (`p0`, `p1`, …), unique in a corpus.
    public let id: String
    /// A prompt title, such as "Act as a Senior Python Code Reviewer".
    public let title: String
    /// The prompt body: 1–4 paragraphs separated by a blank line.
    public let text: String

    /// Creates a document.
    public init(id: String, title: String, text: String) {
        self.id = id
        self.title = title
        self.text = text
    }
}

/// A generated benchmark query: an id and 2–6 words, like a search box entry.
public struct GeneratedQuery: Sendable, Hashable {
    /// The query id: `q` followed by the query's index (`q0`, `q1`, …).
    public let id: String
    /// The query text, lowercase words separated by single spaces.
    public let text: String

    /// Creates a query.
    public init(id: String, text: String) {
        self.id = id
        self.text = text
    }
}
