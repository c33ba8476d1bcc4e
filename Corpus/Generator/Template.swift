/// A phrase and how many words it counts for in a document's length.
struct Phrase: Sendable {
    /// The text, inserted as is.
    let text: String
    /// The text's UTF-8 bytes.
    let bytes: [UInt8]
    /// The number of whitespace-separated tokens that contain a letter or digit.
    let words: Int

    init(_ text: String) {
        self.text = text
        bytes = Array(text.utf8)
        words = text.split(whereSeparator: \.isWhitespace)
            .filter { $0.contains(where: { $0.isLetter || $0.isNumber }) }.count
    }
}

/// A sentence or title pattern with slots, compiled once.
///
/// Syntax: literal text with `{name}` slots. A slot names a phrase list of the category or of
/// ``SharedSlots`` (`{role}`, `{tone}`), or is one of the built-ins: `{word}` a Zipf-drawn word of
/// the category, `{any}` a Zipf-drawn word of the whole vocabulary, `{n}` a number from 2 to 12,
/// `{var}` a template variable such as `[TOPIC]` or `{{product_name}}`. A slot name written with a
/// capital (`{Role}`, `{Word}`) capitalizes each word of what it inserts, for titles.
struct Template: Sendable {
    enum Part: Sendable {
        case text(Phrase)
        /// One of the phrases of the named slot list (the name lowercased).
        case choice(slot: String, phrases: [Phrase])
        case categoryWord(capitalized: Bool)
        case anyWord(capitalized: Bool)
        case number
        case variable
    }

    let parts: [Part]

    /// Compiles `source`; `lookup` resolves a slot name (lowercased) to its phrases.
    /// - Precondition: every slot resolves (the data is part of the program, so a typo is a bug).
    init(_ source: String, lookup: (String) -> [String]?) {
        var parts: [Part] = []
        var rest = Substring(source)
        while let open = rest.firstIndex(of: "{") {
            if open > rest.startIndex { parts.append(.text(Phrase(String(rest[..<open])))) }
            guard let close = rest[open...].firstIndex(of: "}") else {
                preconditionFailure("unclosed slot in template: \(source)")
            }
            let name = String(rest[rest.index(after: open)..<close])
            let capitalized = name.first?.isUppercase ?? false
            switch name.lowercased() {
            case "word": parts.append(.categoryWord(capitalized: capitalized))
            case "any": parts.append(.anyWord(capitalized: capitalized))
            case "n": parts.append(.number)
            case "var": parts.append(.variable)
            case let slot:
                guard let phrases = lookup(slot) else { preconditionFailure("unknown slot {\(name)} in: \(source)") }
                parts.append(.choice(slot: slot, phrases: phrases.map { Phrase(capitalized ? Self.titleCased($0) : $0) }))
            }
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { parts.append(.text(Phrase(String(rest)))) }
        self.parts = parts
    }

    /// Upper-cases the first letter of every word, leaving the rest as written ("SQL" stays).
    static func titleCased(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var atWordStart = true
        for character in text {
            result.append(atWordStart ? Character(character.uppercased()) : character)
            atWordStart = character == " " || character == "-" || character == "/"
        }
        return result
    }
}
