import CStemmer

/// A thin owner of one Snowball stemmer (`sb_stemmer`) working on UTF-8.
///
/// Not thread-safe (Snowball writes the stem into the stemmer's own buffer). One per ``Analyzer``.
final class SnowballStemmer {
    private let handle: OpaquePointer

    /// Creates the stemmer for `language`.
    ///
    /// Stops the process when libstemmer cannot create it: every ``StemmingLanguage`` is one of
    /// libstemmer's built-in algorithms, so that only happens on memory exhaustion.
    init(language: StemmingLanguage) {
        guard let handle = sb_stemmer_new(language.snowballAlgorithm, "UTF_8") else {
            preconditionFailure("libstemmer has no '\(language.snowballAlgorithm)' stemmer for UTF-8")
        }
        self.handle = handle
    }

    deinit {
        sb_stemmer_delete(handle)
    }

    /// Stems one lowercase word and calls `body` with the stem.
    ///
    /// - Parameters:
    ///   - word: the word in UTF-8, already case-folded (Snowball expects lowercase).
    ///   - body: receives the stem; it is only valid during the call. Receives `word` itself when
    ///     the word is empty or Snowball runs out of memory.
    /// - Returns: what `body` returns.
    /// - Complexity: O(n) in the length of the word.
    func withStem<Result>(_ word: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        guard let base = word.baseAddress, word.count > 0, word.count <= Int(Int32.max),
            let stem = sb_stemmer_stem(handle, base, Int32(word.count))
        else { return body(word) }
        return body(UnsafeBufferPointer(start: stem, count: Int(sb_stemmer_length(handle))))
    }

    /// Stems one lowercase word (see ``withStem(_:_:)``).
    ///
    /// - Parameter word: the word, already case-folded.
    /// - Returns: its stem.
    func stem(_ word: String) -> String {
        var word = word
        return word.withUTF8 { bytes in withStem(bytes) { String(decoding: $0, as: UTF8.self) } }
    }
}
