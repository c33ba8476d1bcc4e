import CICU

/// A thin owner of one `vs_folder`: NFKC_Casefold plus optional diacritic removal, with reusable
/// scratch buffers.
///
/// Not thread-safe (the scratch buffers are shared between calls). One per ``Analyzer``.
final class TextFolder {
    private let handle: OpaquePointer

    /// Creates a folder.
    ///
    /// Stops the process when ICU cannot load its normalization data (a broken installation).
    init() {
        guard let handle = vs_folder_create() else {
            preconditionFailure("ICU normalizers unavailable: is libicu's data library installed?")
        }
        self.handle = handle
    }

    deinit {
        vs_folder_destroy(handle)
    }

    /// Folds `bytes` for matching and calls `body` with the folded UTF-8.
    ///
    /// Folding maps ’ ‘ ʼ to ', applies NFKC_Casefold (ß → ss, ＡＢＣ → abc, ﬁ → fi) and, when
    /// `foldDiacritics` is set, removes accents (résumé → resume). Pure ASCII is only lowercased.
    /// If ICU fails (only on memory exhaustion), `body` receives `bytes` unchanged.
    ///
    /// - Parameters:
    ///   - bytes: valid UTF-8.
    ///   - foldDiacritics: whether to remove diacritics.
    ///   - body: receives the folded bytes; they are only valid during the call.
    /// - Returns: what `body` returns.
    func withFolded<Result>(
        _ bytes: UnsafeBufferPointer<UInt8>, foldDiacritics: Bool,
        _ body: (UnsafeBufferPointer<UInt8>) -> Result
    ) -> Result {
        var output: UnsafePointer<UInt8>? = nil
        let flags = foldDiacritics ? Int32(VS_FOLD_DIACRITICS) : 0
        let count = vs_folder_fold(handle, bytes.baseAddress, Int32(clamping: bytes.count), flags, &output)
        guard count >= 0, let output else { return body(bytes) }
        return body(UnsafeBufferPointer(start: output, count: Int(count)))
    }

    /// Folds a string (see ``withFolded(_:foldDiacritics:_:)``).
    ///
    /// - Parameters:
    ///   - string: the text to fold.
    ///   - foldDiacritics: whether to remove diacritics.
    /// - Returns: the folded text.
    func fold(_ string: String, foldDiacritics: Bool) -> String {
        var string = string
        return string.withUTF8 { bytes in
            withFolded(bytes, foldDiacritics: foldDiacritics) { String(decoding: $0, as: UTF8.self) }
        }
    }
}
