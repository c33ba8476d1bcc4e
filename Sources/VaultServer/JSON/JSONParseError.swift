/// Why a body is not JSON, with the byte offset where reading stopped.
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What was wrong.
    public var reason: String
    /// The byte offset in the body.
    public var offset: Int

    public var description: String { "\(reason) at byte \(offset)" }
}
