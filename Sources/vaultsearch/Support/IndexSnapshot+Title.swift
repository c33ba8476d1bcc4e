import VaultIndex

extension IndexSnapshot {
    /// The stored `title` of a document, or "" (for printing hits the search's scope already let through).
    func title(of documentNumber: UInt32, scope: SearchScope) throws -> String {
        if case .string(let title)? = try document(number: documentNumber, scope: scope)?.fields["title"] { return title }
        return ""
    }
}
