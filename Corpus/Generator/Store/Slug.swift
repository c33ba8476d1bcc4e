/// URL slugs: lowercase ASCII letters and digits joined by single hyphens.
enum Slug {
    /// `text` as a slug of at most `limit` characters ("Act as a C++ Reviewer!" → "act-as-a-c-reviewer").
    /// Non-ASCII letters are dropped; an all-symbol text gives "".
    static func make(_ text: String, limit: Int = 60) -> String {
        var output: [UInt8] = []
        var pendingHyphen = false
        for byte in text.utf8 {
            let lower = byte | 0x20
            let isLetter = lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")
            let isDigit = byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
            if isLetter || isDigit {
                if pendingHyphen && !output.isEmpty { output.append(UInt8(ascii: "-")) }
                pendingHyphen = false
                output.append(isLetter ? lower : byte)
                if output.count >= limit { break }
            } else {
                pendingHyphen = true
            }
        }
        while output.last == UInt8(ascii: "-") { output.removeLast() }
        return String(decoding: output, as: UTF8.self)
    }
}
