/// Turns text into the tokens and terms the index stores and queries match.
///
/// The pipeline (DESIGN.md §3):
/// 1. ICU's word break iterator segments the UTF-8 text in place; spaces, punctuation and emoji
///    are dropped, Chinese, Japanese and Thai are segmented by ICU's dictionaries.
/// 2. Segments are split into technical-friendly pieces (`Node.js` → `node`, `js`; `C++` and `C#`
///    kept; `1,000` → `1000`; `l'école` → `ecole`); see ``TokenSplitter``.
/// 3. Each piece is folded: ’ → ', NFKC_Casefold (`Straße` → `strasse`, `ＡＢＣ` → `abc`), then
///    diacritics removed when ``AnalyzerConfiguration/foldDiacritics`` is set. ASCII pieces are
///    only lowercased.
/// 4. Word pieces without digits are stemmed when ``AnalyzerConfiguration/stemming`` is set.
///
/// ```swift
/// let analyzer = Analyzer(AnalyzerConfiguration(stemming: .english))
/// analyzer.terms("Running Node.js on C++")  // ["run", "node", "js", "on", "c++"]
/// ```
///
/// An analyzer holds an ICU break iterator, ICU scratch buffers and a Snowball stemmer, none of
/// which may be used from two threads at once: it is deliberately not `Sendable`. Create one per
/// thread, task or actor; creation clones a cached break iterator and is cheap.
public final class Analyzer {
    /// The configuration the analyzer was created with.
    public let configuration: AnalyzerConfiguration

    private let segmenter = WordSegmenter()
    private let folder = TextFolder()
    private let stemmer: CachedStemmer?

    /// Creates an analyzer.
    ///
    /// - Parameter configuration: stemming and diacritic folding.
    public init(_ configuration: AnalyzerConfiguration) {
        self.configuration = configuration
        stemmer = configuration.stemming.map { CachedStemmer(language: $0) }
    }

    /// Analyzes `text` into tokens with their positions and offsets into `text`.
    ///
    /// - Parameter text: any text; only the first 2 GiB of its UTF-8 are analyzed.
    /// - Returns: the tokens in text order, with positions 0, 1, 2, …
    /// - Complexity: O(n) in the length of `text`.
    public func analyze(_ text: String) -> [Token] {
        var tokens: [Token] = []
        var text = text
        text.withUTF8 { bytes in
            tokens.reserveCapacity(Self.estimatedTokenCount(utf8Count: bytes.count))
            let utf8 = UTF8Text(bytes: bytes)
            var scannedBytes = 0
            var scannedScalars = 0
            forEachTerm(in: utf8) { piece, term in
                // Pieces come in text order and never overlap; max() only guards the invariant.
                let start = scannedScalars + utf8.scalarCount(in: scannedBytes..<max(scannedBytes, piece.range.lowerBound))
                let end = start + utf8.scalarCount(in: piece.range)
                scannedBytes = piece.range.upperBound
                scannedScalars = end
                tokens.append(
                    Token(
                        term: term, position: UInt32(truncatingIfNeeded: tokens.count), byteRange: piece.range,
                        characterRange: start..<end, kind: piece.kind))
            }
        }
        return tokens
    }

    /// Analyzes `text` into its terms only: the same terms as ``analyze(_:)``, in the same order,
    /// without offsets. The hot path for indexing and queries.
    ///
    /// - Parameter text: any text; only the first 2 GiB of its UTF-8 are analyzed.
    /// - Returns: the terms in text order (term *i* has position *i*).
    /// - Complexity: O(n) in the length of `text`.
    public func terms(_ text: String) -> [String] {
        var terms: [String] = []
        var text = text
        text.withUTF8 { bytes in
            terms.reserveCapacity(Self.estimatedTokenCount(utf8Count: bytes.count))
            forEachTerm(in: UTF8Text(bytes: bytes)) { _, term in terms.append(term) }
        }
        return terms
    }

    /// Normalizes one already-isolated word the way ``analyze(_:)`` normalizes a token: folding,
    /// elision (`l'école` → `ecole`), thousands separators (`1,000` → `1000`) and stemming of
    /// words without digits when configured. The word is not segmented further.
    ///
    /// - Parameter word: one word, for example a query word.
    /// - Returns: its term; empty when the word folds to nothing.
    public func normalize(word: String) -> String {
        var word = word
        return word.withUTF8 { bytes in
            let text = UTF8Text(bytes: bytes)
            let piece = TokenSplitter.isolatedPiece(of: text)
            return term(for: piece, in: text)
        }
    }

    /// A guess at the number of tokens in `utf8Count` bytes of text, to reserve the result once
    /// instead of growing it five times for a short query: English averages a little under six
    /// bytes per word with its space, CJK about six bytes per word.
    private static func estimatedTokenCount(utf8Count: Int) -> Int {
        utf8Count / 6 + 2
    }

    /// Calls `body` with each piece of `text` and its term, skipping pieces that fold to nothing.
    private func forEachTerm(in text: UTF8Text, _ body: (TokenPiece, String) -> Void) {
        segmenter.forEachSegment(in: text.bytes) { segment in
            TokenSplitter.split(segment, in: text) { piece in
                let term = term(for: piece, in: text)
                if !term.isEmpty { body(piece, term) }
            }
        }
    }

    /// The term of one piece: folded, without grouping commas, stemmed when eligible.
    private func term(for piece: TokenPiece, in text: UTF8Text) -> String {
        folder.withFolded(text[piece.range], foldDiacritics: configuration.foldDiacritics) { folded in
            if piece.hasGroupingCommas {
                return String(removingCommasFrom: folded)
            }
            if let stemmer, piece.kind == .word, !piece.isTechnical, !folded.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) {
                return stemmer.stem(folded)
            }
            return String(decoding: folded, as: UTF8.self)
        }
    }
}

/// An analyzer owns single-threaded ICU and Snowball state: sharing one across threads is a data race.
@available(*, unavailable)
extension Analyzer: Sendable {}

extension String {
    /// Creates a string from UTF-8 `bytes` without their ASCII commas (`1,000` → `1000`).
    fileprivate init(removingCommasFrom bytes: UnsafeBufferPointer<UInt8>) {
        self.init(decoding: bytes.lazy.filter { $0 != 0x2C }, as: UTF8.self)
    }
}
