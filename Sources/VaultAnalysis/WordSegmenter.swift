import CICU

/// One word-like segment found by ICU's word break iterator.
struct WordSegment: Equatable {
    /// UTF-8 byte offset of the first byte of the segment.
    var start: Int
    /// UTF-8 byte offset just past the segment.
    var end: Int
    /// The ICU rule status (≥ 100; see ``TokenKind/init(ruleStatus:)``).
    var ruleStatus: Int32
}

/// A thin owner of one `vs_word_segmenter` (a clone of ICU's cached word break iterator).
///
/// Not thread-safe: the ICU iterator keeps the current text and position. One per ``Analyzer``.
final class WordSegmenter {
    private let handle: OpaquePointer

    /// Clones the process-wide word break iterator.
    ///
    /// Stops the process when ICU cannot open its word break rules: that means the ICU data library
    /// is missing, a broken installation no caller could recover from.
    init() {
        guard let handle = vs_word_segmenter_create() else {
            preconditionFailure("ICU word break iterator unavailable: is libicu's data library installed?")
        }
        self.handle = handle
    }

    deinit {
        vs_word_segmenter_destroy(handle)
    }

    /// Calls `body` with each word-like segment of `text` (spaces, punctuation and emoji are
    /// skipped), in text order.
    ///
    /// ICU reads `text` in place; the iterator is detached from it before this method returns.
    /// Only the first `Int32.max` bytes are segmented (ICU offsets are 32-bit).
    ///
    /// - Parameters:
    ///   - text: valid UTF-8.
    ///   - body: receives each segment, with byte offsets into `text`.
    /// - Complexity: O(n) in the length of `text`.
    func forEachSegment(in text: UnsafeBufferPointer<UInt8>, _ body: (WordSegment) -> Void) {
        guard vs_word_segmenter_set_text(handle, text.baseAddress, Int32(clamping: text.count)) == 0 else {
            return
        }
        defer { vs_word_segmenter_clear(handle) }
        var start: Int32 = 0
        var end: Int32 = 0
        while true {
            let status = vs_word_segmenter_next(handle, &start, &end)
            if status < 0 { return }
            body(WordSegment(start: Int(start), end: Int(end), ruleStatus: status))
        }
    }
}
