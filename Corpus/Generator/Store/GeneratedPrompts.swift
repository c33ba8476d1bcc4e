/// The prompts of a ``StoreGenerator`` as a lazy random-access collection: reading the element
/// at position `i` generates prompt `i + 1`; nothing is stored.
public struct GeneratedPrompts: RandomAccessCollection, Sendable {
    /// The generator the prompts come from.
    public let generator: StoreGenerator

    /// 0.
    public var startIndex: Int { 0 }
    /// The number of prompts.
    public var endIndex: Int { generator.promptCount }

    /// Generates prompt `position + 1`.
    public subscript(position: Int) -> StorePrompt {
        generator.prompt(id: Int64(position + 1))
    }
}
