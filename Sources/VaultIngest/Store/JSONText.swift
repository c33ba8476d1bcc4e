import Foundation

/// Small JSON texts written into and read from SQL (id lists for `json_each(:ids)`, the `variables`
/// column, aggregated tag arrays), without a round trip through `JSONSerialization` for the common case.
enum JSONText {
    /// A JSON array of strings.
    static func array(_ strings: [String]) -> String {
        var out = "["
        for (i, string) in strings.enumerated() {
            if i > 0 { out += "," }
            out += quoted(string)
        }
        return out + "]"
    }

    /// A JSON string literal.
    static func quoted(_ string: String) -> String {
        var out = "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// Parses a JSON array whose elements are strings or numbers (numbers become their decimal text);
    /// nil when `text` is not such an array.
    static func stringArray(_ text: String) -> [String]? {
        guard let data = text.data(using: .utf8),
            let array = try? JSONSerialization.jsonObject(with: data) as? [Any]
        else { return nil }
        var out: [String] = []
        out.reserveCapacity(array.count)
        for element in array {
            switch element {
            case let string as String: out.append(string)
            case let number as NSNumber: out.append(number.stringValue)
            case is NSNull: continue
            default: return nil
            }
        }
        return out
    }
}
