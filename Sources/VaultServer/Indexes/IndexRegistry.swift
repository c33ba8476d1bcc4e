/// The indexes the daemon serves, by uid, in configuration order.
public struct IndexRegistry: Sendable {
    /// The indexes in configuration order.
    public let all: [ServedIndex]

    /// Opens every index of `definitions` (building missing ones).
    public init(_ definitions: [IndexDefinition], log: @escaping @Sendable (String) -> Void) throws {
        all = try definitions.map { try ServedIndex($0, log: log) }
    }

    /// The index `uid`, or `index_not_found`.
    public func index(_ uid: String) throws(APIError) -> ServedIndex {
        guard let index = all.first(where: { $0.uid == uid }) else { throw .indexNotFound(String(uid.prefix(400))) }
        return index
    }
}
