import VaultIndex

extension IndexSnapshot {
    /// The stored `title` of a document, or "" (for printing hits).
    func title(of documentNumber: UInt32) throws -> String {
        if case .string(let title)? = try document(number: documentNumber)?.fields["title"] { return title }
        return ""
    }
}
