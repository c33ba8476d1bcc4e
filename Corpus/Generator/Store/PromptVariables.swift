/// Finds the `{{name}}` placeholders of a prompt text.
public enum PromptVariables {
    /// The distinct names inside `{{…}}` in `text`, in order of first appearance. A name is one or
    /// more ASCII letters, digits or underscores (surrounding spaces allowed: `{{ topic }}`);
    /// anything else between braces is not a placeholder.
    public static func names(in text: String) -> [String] {
        var names: [String] = []
        var seen = Set<String>()
        let bytes = Array(text.utf8)
        var index = 0
        while index + 1 < bytes.count {
            guard bytes[index] == UInt8(ascii: "{"), bytes[index + 1] == UInt8(ascii: "{") else {
                index += 1
                continue
            }
            var end = index + 2
            while end < bytes.count, bytes[end] != UInt8(ascii: "}") { end += 1 }
            if end + 1 < bytes.count, bytes[end + 1] == UInt8(ascii: "}") {
                var inner = bytes[(index + 2)..<end]
                while inner.first == UInt8(ascii: " ") { inner.removeFirst() }
                while inner.last == UInt8(ascii: " ") { inner.removeLast() }
                if !inner.isEmpty, inner.allSatisfy(isNameByte) {
                    let name = String(decoding: inner, as: UTF8.self)
                    if seen.insert(name).inserted { names.append(name) }
                    index = end + 2
                    continue
                }
            }
            index += 1
        }
        return names
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_")
    }
}
