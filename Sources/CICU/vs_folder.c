// Normalization for matching: apostrophe folding, NFKC_Casefold, diacritic removal.
// See include/vs_icu.h for why this is C and not Swift.
#include "vs_icu.h"

#include <stdlib.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>

struct vs_folder {
    const UNormalizer2 *nfkcCasefold;  // process-wide singletons owned by ICU, never freed
    const UNormalizer2 *nfd;
    const UNormalizer2 *nfc;
    UChar *first;                       // UTF-16 scratch
    int32_t firstCapacity;
    UChar *second;                      // UTF-16 scratch
    int32_t secondCapacity;
    uint8_t *output;                    // UTF-8 result handed back to the caller
    int32_t outputCapacity;
};

vs_folder *vs_folder_create(void) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *nfkcCasefold = unorm2_getNFKCCasefoldInstance(&status);
    const UNormalizer2 *nfd = unorm2_getNFDInstance(&status);
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&status);
    if (U_FAILURE(status)) return NULL;
    vs_folder *folder = calloc(1, sizeof *folder);
    if (folder == NULL) return NULL;
    folder->nfkcCasefold = nfkcCasefold;
    folder->nfd = nfd;
    folder->nfc = nfc;
    return folder;
}

void vs_folder_destroy(vs_folder *folder) {
    if (folder == NULL) return;
    free(folder->first);
    free(folder->second);
    free(folder->output);
    free(folder);
}

/// Returns `buffer` grown to at least `needed` elements of `size` bytes (at least doubling), or
/// NULL when out of memory, in which case `buffer` and `*capacity` are left as they were.
static void *vs_reserve(void *buffer, int32_t *capacity, int32_t needed, size_t size) {
    if (needed <= *capacity && buffer != NULL) return buffer;
    int32_t grown = needed < 64 ? 64 : needed;
    if (*capacity < INT32_MAX / 2 && grown < *capacity * 2) grown = *capacity * 2;
    void *resized = realloc(buffer, (size_t)grown * size);
    if (resized == NULL) return NULL;
    *capacity = grown;
    return resized;
}

/// Grows a UTF-16 scratch buffer in place; returns 0, or -1 when out of memory.
static int vs_reserve_uchars(UChar **buffer, int32_t *capacity, int32_t needed) {
    UChar *grown = vs_reserve(*buffer, capacity, needed, sizeof(UChar));
    if (grown == NULL) return -1;
    *buffer = grown;
    return 0;
}

/// Runs `normalizer` on `source` into `*target` (one of the folder's scratch buffers, never the
/// one `source` points into), growing it when ICU reports an overflow. Returns the output length
/// in UTF-16 units, or -1.
static int32_t vs_normalize(const UNormalizer2 *normalizer, const UChar *source, int32_t length,
                            UChar **target, int32_t *capacity) {
    if (length >= INT32_MAX / 4 || vs_reserve_uchars(target, capacity, length + 1) != 0) return -1;
    UErrorCode status = U_ZERO_ERROR;
    int32_t written = unorm2_normalize(normalizer, source, length, *target, *capacity, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) {
        if (written >= INT32_MAX / 4 || vs_reserve_uchars(target, capacity, written + 1) != 0) return -1;
        status = U_ZERO_ERROR;
        written = unorm2_normalize(normalizer, source, length, *target, *capacity, &status);
    }
    return U_FAILURE(status) ? -1 : written;
}

/// A diacritic to drop: a nonspacing mark of script Inherited (the combining diacritical
/// blocks, Arabic harakat, variation selectors). Marks that belong to a script (Thai vowel
/// signs, Devanagari virama, Hebrew points) are letters of those scripts, not accents, and the
/// kana voicing marks U+3099/U+309A change the kana (か/が), so those stay.
static int vs_is_droppable_mark(UChar32 c) {
    if (c < 0x0300) return 0;
    if (u_charType(c) != U_NON_SPACING_MARK) return 0;
    if (c == 0x3099 || c == 0x309A) return 0;
    UErrorCode status = U_ZERO_ERROR;
    return uscript_getScript(c, &status) == USCRIPT_INHERITED && U_SUCCESS(status);
}

int32_t vs_folder_fold(vs_folder *folder, const uint8_t *utf8, int32_t length, int32_t flags,
                       const uint8_t **out) {
    if (length < 0 || length > INT32_MAX / 4) return -1;
    uint8_t *output = vs_reserve(folder->output, &folder->outputCapacity, length + 1, 1);
    if (output == NULL) return -1;
    folder->output = output;

    // Fast path: most tokens are ASCII, and for ASCII NFKC_Casefold is plain A-Z lowercasing.
    int32_t index = 0;
    while (index < length && utf8[index] < 0x80) index++;
    if (index == length) {
        for (int32_t i = 0; i < length; i++) {
            uint8_t byte = utf8[i];
            folder->output[i] = (byte >= 'A' && byte <= 'Z') ? (uint8_t)(byte + 32) : byte;
        }
        *out = folder->output;
        return length;
    }

    // UTF-8 -> UTF-16: never more UTF-16 units than UTF-8 bytes.
    if (vs_reserve_uchars(&folder->first, &folder->firstCapacity, length + 1) != 0) return -1;
    UErrorCode status = U_ZERO_ERROR;
    int32_t units = 0;
    u_strFromUTF8WithSub(folder->first, folder->firstCapacity, &units, (const char *)utf8, length,
                         0xFFFD, NULL, &status);
    if (U_FAILURE(status)) return -1;

    // Curly and modifier apostrophes match the ASCII one (don’t == don't); NFKC keeps them apart.
    for (int32_t i = 0; i < units; i++) {
        UChar unit = folder->first[i];
        if (unit == 0x2019 || unit == 0x2018 || unit == 0x02BC) folder->first[i] = 0x27;
    }

    int32_t count = vs_normalize(folder->nfkcCasefold, folder->first, units, &folder->second,
                                 &folder->secondCapacity);
    if (count < 0) return -1;
    const UChar *result = folder->second;

    if (flags & VS_FOLD_DIACRITICS) {
        // Skip the NFD pass when nothing decomposes (CJK ideographs, Thai, unaccented Cyrillic).
        status = U_ZERO_ERROR;
        int32_t span = unorm2_spanQuickCheckYes(folder->nfd, folder->second, count, &status);
        if (U_FAILURE(status)) return -1;
        int32_t folded = count;
        UChar *decomposed = folder->second;
        if (span < count) {
            count = vs_normalize(folder->nfd, folder->second, count, &folder->first, &folder->firstCapacity);
            if (count < 0) return -1;
            decomposed = folder->first;
        }
        // Drop the marks in place.
        int32_t read = 0, written = 0, dropped = 0;
        while (read < count) {
            UChar32 c;
            U16_NEXT_UNSAFE(decomposed, read, c);
            if (vs_is_droppable_mark(c)) {
                dropped = 1;
            } else {
                U16_APPEND_UNSAFE(decomposed, written, c);
            }
        }
        if (!dropped) {
            // NFC(NFD(x)) == x for the NFKC_Casefold output (it is NFC), which is still intact in
            // `second` (the marks were filtered in place without change, or NFD went to `first`).
            result = folder->second;
            count = folded;
        } else {
            if (decomposed == folder->first) {
                count = vs_normalize(folder->nfc, folder->first, written, &folder->second,
                                     &folder->secondCapacity);
                result = folder->second;
            } else {
                count = vs_normalize(folder->nfc, folder->second, written, &folder->first,
                                     &folder->firstCapacity);
                result = folder->first;
            }
            if (count < 0) return -1;
        }
    }

    // UTF-16 -> UTF-8: at most 3 bytes per UTF-16 unit.
    if (count >= INT32_MAX / 3) return -1;
    output = vs_reserve(folder->output, &folder->outputCapacity, count * 3 + 1, 1);
    if (output == NULL) return -1;
    folder->output = output;
    status = U_ZERO_ERROR;
    int32_t bytes = 0;
    u_strToUTF8WithSub((char *)folder->output, folder->outputCapacity, &bytes, result, count, 0xFFFD,
                       NULL, &status);
    if (U_FAILURE(status)) return -1;
    *out = folder->output;
    return bytes;
}
