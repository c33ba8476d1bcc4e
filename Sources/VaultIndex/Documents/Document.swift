/// A document as the index takes it in and gives it back: an external id and named fields.
public struct Document: Sendable, Equatable {
    /// The external id (the primary key in the source), unique in the index; adding a document with
    /// an id already present replaces that document.
    public var id: String
    /// The fields by name.
    public var fields: [String: FieldValue]

    /// A document.
    public init(id: String, fields: [String: FieldValue]) {
        self.id = id
        self.fields = fields
    }

    /// The longest external id accepted, in UTF-8 bytes (LMDB keys are at most 511 bytes).
    public static let maximumIDLength = 256

    /// Checks what the index requires of a document.
    public func validate() throws(IndexError) {
        if id.isEmpty { throw .invalidDocument("the document has an empty id") }
        if id.utf8.count > Self.maximumIDLength {
            throw .invalidDocument("id '\(id.prefix(40))…' is longer than \(Self.maximumIDLength) bytes")
        }
    }
}
