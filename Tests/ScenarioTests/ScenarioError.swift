/// A scenario folder that cannot be read: a missing file, bad JSON, an unknown field type.
struct ScenarioError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
