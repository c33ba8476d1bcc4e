@testable import VaultCorpus

/// Lowercase words of `text`: runs of letters, digits, `'`, `-` and `+`.
func words(of text: String) -> [Substring] {
    text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "'" || $0 == "-" || $0 == "+") })
}

/// Word counts over the titles and texts of `documents`.
func wordFrequencies(_ documents: some Sequence<GeneratedDocument>) -> [Substring: Int] {
    var counts: [Substring: Int] = [:]
    for document in documents {
        for word in words(of: document.title) + words(of: document.text) { counts[word, default: 0] += 1 }
    }
    return counts
}
