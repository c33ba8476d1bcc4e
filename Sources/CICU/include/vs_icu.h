// CICU: the only place VaultSearch calls ICU (libicu-dev 72).
//
// Why a C shim and not a system-library module: a Swift module that imports Foundation AND the
// system ICU headers does not compile ("'UErrorCode' has different definitions in different
// modules", Foundation bundles its own ICU). ICU's C names are also version-suffixed macros
// (ubrk_open -> ubrk_open_72) that Swift cannot see. So this header exposes only <stdint.h>
// types and opaque structs; the .c files include <unicode/*.h> and do the ICU calls.
//
// Threading: every object here is single-threaded (one per Analyzer). Creating one is cheap:
// the expensive ICU objects are opened once per process and cloned.
#ifndef VS_ICU_H
#define VS_ICU_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

// MARK: - Word segmentation (ubrk + utext)

/// A word segmenter: a private clone of the process-wide ICU word break iterator, reading
/// UTF-8 text in place (no UTF-16 copy), so every boundary is a UTF-8 byte offset.
typedef struct vs_word_segmenter vs_word_segmenter;

/// Creates a segmenter by cloning the cached root-locale word break iterator (opened on first
/// use, thread-safely). Returns NULL when ICU cannot open its break rules (missing ICU data).
vs_word_segmenter *vs_word_segmenter_create(void);

/// Frees a segmenter; NULL is allowed.
void vs_word_segmenter_destroy(vs_word_segmenter *segmenter);

/// Points the segmenter at `length` bytes of valid UTF-8. The bytes are NOT copied: they must
/// stay alive and unchanged until `vs_word_segmenter_clear` or the next `set_text`.
/// Returns 0 on success, -1 on an ICU error.
int32_t vs_word_segmenter_set_text(vs_word_segmenter *segmenter, const uint8_t *utf8, int32_t length);

/// Advances to the next word-like segment, skipping segments whose rule status is below 100
/// (UBRK_WORD_NONE: spaces, punctuation, emoji). Stores its byte range in [*start, *end) and
/// returns its rule status (number 100..199, letter 200..299, kana 300..399, ideo 400..499),
/// or -1 when the text is exhausted.
int32_t vs_word_segmenter_next(vs_word_segmenter *segmenter, int32_t *start, int32_t *end);

/// Detaches the segmenter from the caller's bytes (points it at an empty text), so it never
/// holds a dangling pointer between calls.
void vs_word_segmenter_clear(vs_word_segmenter *segmenter);

// MARK: - Normalization and folding (unorm2 + uchar)

/// Flags for `vs_folder_fold`.
enum {
    /// Also remove diacritics: NFD, drop combining marks of script Inherited, NFC.
    VS_FOLD_DIACRITICS = 1
};

/// A folder: reusable UTF-16 and UTF-8 scratch buffers plus the shared normalizer instances,
/// so folding a token allocates nothing once the buffers have grown to the longest token.
typedef struct vs_folder vs_folder;

/// Creates a folder. Returns NULL when ICU's normalization data cannot be loaded.
vs_folder *vs_folder_create(void);

/// Frees a folder; NULL is allowed.
void vs_folder_destroy(vs_folder *folder);

/// Folds `length` bytes of valid UTF-8 for matching: curly apostrophes become ', then
/// NFKC_Casefold (ß -> ss, full-width -> ASCII, ligatures split), then, with
/// VS_FOLD_DIACRITICS, diacritics are removed (résumé -> resume). Pure-ASCII input takes a
/// fast path that only lowercases A-Z and never calls ICU.
/// On success stores a pointer to the result in *out (owned by the folder, valid until the next
/// call or destroy) and returns its length in bytes; returns -1 on an ICU error.
int32_t vs_folder_fold(vs_folder *folder, const uint8_t *utf8, int32_t length, int32_t flags,
                       const uint8_t **out);

#ifdef __cplusplus
}
#endif

#endif // VS_ICU_H
