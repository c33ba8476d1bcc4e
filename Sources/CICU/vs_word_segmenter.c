// Word segmentation with ICU's rule-based word break iterator, reading UTF-8 in place.
// See include/vs_icu.h for why this is C and not Swift.
#include "vs_icu.h"

#include <pthread.h>
#include <stdlib.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>

/// Statuses below this are UBRK_WORD_NONE (spaces, punctuation, symbols, emoji).
#define VS_FIRST_WORD_STATUS UBRK_WORD_NONE_LIMIT

struct vs_word_segmenter {
    UBreakIterator *iterator;
    UText text;          // reused by utext_openUTF8 on every set_text
    int32_t position;    // start of the next segment (the last boundary returned)
};

// Opening a word break iterator parses its rules and dictionaries (tens of microseconds);
// cloning an open one is much cheaper. The template is opened once and never mutated
// afterwards (no setText on it), so concurrent ubrk_clone calls only read it.
static UBreakIterator *vs_template = NULL;
static pthread_once_t vs_template_once = PTHREAD_ONCE_INIT;

static void vs_open_template(void) {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator *iterator = ubrk_open(UBRK_WORD, "", NULL, 0, &status);
    if (U_FAILURE(status)) {
        if (iterator != NULL) ubrk_close(iterator);
        return;
    }
    vs_template = iterator;
}

static const char vs_empty_text[1] = {0};

vs_word_segmenter *vs_word_segmenter_create(void) {
    pthread_once(&vs_template_once, vs_open_template);
    if (vs_template == NULL) return NULL;
    vs_word_segmenter *segmenter = calloc(1, sizeof *segmenter);
    if (segmenter == NULL) return NULL;
    UText initial = UTEXT_INITIALIZER;
    segmenter->text = initial;
    UErrorCode status = U_ZERO_ERROR;
    segmenter->iterator = ubrk_clone(vs_template, &status);
    if (U_FAILURE(status) || segmenter->iterator == NULL) {
        if (segmenter->iterator != NULL) ubrk_close(segmenter->iterator);
        free(segmenter);
        return NULL;
    }
    return segmenter;
}

void vs_word_segmenter_destroy(vs_word_segmenter *segmenter) {
    if (segmenter == NULL) return;
    ubrk_close(segmenter->iterator);
    utext_close(&segmenter->text);
    free(segmenter);
}

int32_t vs_word_segmenter_set_text(vs_word_segmenter *segmenter, const uint8_t *utf8, int32_t length) {
    UErrorCode status = U_ZERO_ERROR;
    // Swift hands an empty buffer over as NULL; ICU wants a real pointer.
    const char *bytes = (utf8 == NULL || length <= 0) ? vs_empty_text : (const char *)utf8;
    int64_t count = (utf8 == NULL || length <= 0) ? 0 : length;
    utext_openUTF8(&segmenter->text, bytes, count, &status);
    // ubrk_setUText keeps a shallow clone of the UText: the bytes must outlive the iteration.
    ubrk_setUText(segmenter->iterator, &segmenter->text, &status);
    if (U_FAILURE(status)) {
        segmenter->position = UBRK_DONE;
        return -1;
    }
    segmenter->position = ubrk_first(segmenter->iterator);
    return 0;
}

int32_t vs_word_segmenter_next(vs_word_segmenter *segmenter, int32_t *start, int32_t *end) {
    if (segmenter->position == UBRK_DONE) return -1;
    for (;;) {
        int32_t boundary = ubrk_next(segmenter->iterator);
        if (boundary == UBRK_DONE) {
            segmenter->position = UBRK_DONE;
            return -1;
        }
        int32_t status = ubrk_getRuleStatus(segmenter->iterator);
        int32_t previous = segmenter->position;
        segmenter->position = boundary;
        if (status >= VS_FIRST_WORD_STATUS) {
            *start = previous;
            *end = boundary;
            return status;
        }
    }
}

void vs_word_segmenter_clear(vs_word_segmenter *segmenter) {
    (void)vs_word_segmenter_set_text(segmenter, NULL, 0);
}
