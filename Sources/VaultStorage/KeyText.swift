/// How a key is named in error messages: printable UTF-8 in quotes (`"python"`), anything else
/// in hex (`0x0000002a`), cut after 48 bytes.
public enum KeyText {
    /// The text for `key`.
    public static func describe(_ key: UnsafeRawBufferPointer) -> String {
        let shown = UnsafeRawBufferPointer(rebasing: key.prefix(48))
        let more = key.count > shown.count ? "…" : ""
        if !shown.isEmpty, let text = String(validating: shown, as: UTF8.self),
            text.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F && !(0x80..<0xA0).contains($0.value) && $0 != "\"" })
        {
            return "\"\(text)\(more)\""
        }
        let hex = "0123456789abcdef".utf8.map { $0 }
        var out: [UInt8] = Array("0x".utf8)
        for byte in shown {
            out.append(hex[Int(byte >> 4)])
            out.append(hex[Int(byte & 0xF)])
        }
        return String(decoding: out, as: UTF8.self) + more
    }

    /// The text for `key`.
    public static func describe(_ key: [UInt8]) -> String { key.withUnsafeBytes { describe($0) } }
}
