/// A failure of a command at run time (not a usage mistake): printed as `Error: message`, exit 1,
/// without the usage text that argument-parser adds to a `ValidationError`.
struct CommandError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
