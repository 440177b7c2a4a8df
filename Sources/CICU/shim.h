// ICU's C API for Swift.
//
// ICU renames every C function per version with a macro (`ubrk_open` -> `ubrk_open_72`,
// see unicode/urename.h), and Swift cannot import such macros. These `static inline`
// wrappers call the un-suffixed names, so the C compiler applies the renaming and the Swift
// code stays independent of the installed ICU version. Only the functions CreatorText uses
// are wrapped; add more the same way.
#ifndef CICU_SHIM_H
#define CICU_SHIM_H

#include <unicode/utypes.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/ubrk.h>
#include <unicode/unorm2.h>
#include <unicode/uset.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>

// MARK: Errors

/// The symbolic name of an ICU error code, e.g. "U_BUFFER_OVERFLOW_ERROR".
static inline const char *cicu_errorName(UErrorCode code) { return u_errorName(code); }

/// `U_FAILURE(code)`: a macro in C, so wrapped as a function.
static inline UBool cicu_failure(UErrorCode code) { return U_FAILURE(code); }

/// `UBRK_DONE`, the value `ubrk_next` returns after the last boundary.
static inline int32_t cicu_ubrk_done(void) { return UBRK_DONE; }

// MARK: Break iteration

static inline UBreakIterator *cicu_ubrk_open(UBreakIteratorType type, const char *locale,
                                             const UChar *text, int32_t textLength,
                                             UErrorCode *status) {
    return ubrk_open(type, locale, text, textLength, status);
}
static inline void cicu_ubrk_close(UBreakIterator *iterator) { ubrk_close(iterator); }
static inline void cicu_ubrk_setText(UBreakIterator *iterator, const UChar *text,
                                     int32_t textLength, UErrorCode *status) {
    ubrk_setText(iterator, text, textLength, status);
}
static inline int32_t cicu_ubrk_first(UBreakIterator *iterator) { return ubrk_first(iterator); }
static inline int32_t cicu_ubrk_next(UBreakIterator *iterator) { return ubrk_next(iterator); }
static inline int32_t cicu_ubrk_getRuleStatus(UBreakIterator *iterator) {
    return ubrk_getRuleStatus(iterator);
}

// MARK: Normalisation

static inline const UNormalizer2 *cicu_unorm2_getNFKCCasefoldInstance(UErrorCode *status) {
    return unorm2_getNFKCCasefoldInstance(status);
}
static inline const UNormalizer2 *cicu_unorm2_getNFDInstance(UErrorCode *status) {
    return unorm2_getNFDInstance(status);
}
static inline const UNormalizer2 *cicu_unorm2_getNFCInstance(UErrorCode *status) {
    return unorm2_getNFCInstance(status);
}
static inline UNormalizer2 *cicu_unorm2_openFiltered(const UNormalizer2 *normalizer,
                                                     const USet *filterSet, UErrorCode *status) {
    return unorm2_openFiltered(normalizer, filterSet, status);
}
static inline void cicu_unorm2_close(UNormalizer2 *normalizer) { unorm2_close(normalizer); }
static inline int32_t cicu_unorm2_normalize(const UNormalizer2 *normalizer, const UChar *source,
                                            int32_t length, UChar *destination, int32_t capacity,
                                            UErrorCode *status) {
    return unorm2_normalize(normalizer, source, length, destination, capacity, status);
}
static inline int32_t cicu_unorm2_spanQuickCheckYes(const UNormalizer2 *normalizer,
                                                    const UChar *source, int32_t length,
                                                    UErrorCode *status) {
    return unorm2_spanQuickCheckYes(normalizer, source, length, status);
}

// MARK: Sets

static inline USet *cicu_uset_openEmpty(void) { return uset_openEmpty(); }
static inline USet *cicu_uset_openPattern(const UChar *pattern, int32_t length,
                                          UErrorCode *status) {
    return uset_openPattern(pattern, length, status);
}
static inline void cicu_uset_close(USet *set) { uset_close(set); }
static inline void cicu_uset_add(USet *set, UChar32 c) { uset_add(set, c); }
static inline void cicu_uset_removeAll(USet *set, const USet *other) { uset_removeAll(set, other); }
static inline void cicu_uset_freeze(USet *set) { uset_freeze(set); }
static inline int32_t cicu_uset_getRangeCount(const USet *set) { return uset_getRangeCount(set); }
/// The `index`th range of `set` as `*start`...`*end`; false past the last range.
static inline UBool cicu_uset_getRange(const USet *set, int32_t index, UChar32 *start, UChar32 *end) {
    UErrorCode status = U_ZERO_ERROR;
    return uset_getItem(set, index, start, end, NULL, 0, &status) == 0 && U_SUCCESS(status);
}
static inline UBool cicu_uset_contains(const USet *set, UChar32 c) { return uset_contains(set, c); }
static inline int32_t cicu_uset_span(const USet *set, const UChar *s, int32_t length,
                                     USetSpanCondition condition) {
    return uset_span(set, s, length, condition);
}

// MARK: Strings

/// UTF-8 -> UTF-16; ill-formed UTF-8 becomes U+FFFD instead of failing.
static inline UChar *cicu_u_strFromUTF8(UChar *destination, int32_t capacity, int32_t *length,
                                        const char *source, int32_t sourceLength,
                                        UErrorCode *status) {
    return u_strFromUTF8WithSub(destination, capacity, length, source, sourceLength, 0xFFFD,
                                NULL, status);
}

/// UTF-16 -> UTF-8; unpaired surrogates become U+FFFD instead of failing.
static inline char *cicu_u_strToUTF8(char *destination, int32_t capacity, int32_t *length,
                                     const UChar *source, int32_t sourceLength,
                                     UErrorCode *status) {
    return u_strToUTF8WithSub(destination, capacity, length, source, sourceLength, 0xFFFD, NULL,
                              status);
}

// MARK: Character properties

static inline UBool cicu_u_hasBinaryProperty(UChar32 c, UProperty which) {
    return u_hasBinaryProperty(c, which);
}
static inline int8_t cicu_u_charType(UChar32 c) { return u_charType(c); }
static inline uint8_t cicu_u_getCombiningClass(UChar32 c) { return u_getCombiningClass(c); }
static inline UScriptCode cicu_uscript_getScript(UChar32 c, UErrorCode *status) {
    return uscript_getScript(c, status);
}

// MARK: Transliteration

static inline UTransliterator *cicu_utrans_openU(const UChar *id, int32_t idLength,
                                                 UTransDirection direction, UErrorCode *status) {
    return utrans_openU(id, idLength, direction, NULL, 0, NULL, status);
}
static inline void cicu_utrans_close(UTransliterator *transliterator) {
    utrans_close(transliterator);
}
static inline void cicu_utrans_transUChars(const UTransliterator *transliterator, UChar *text,
                                           int32_t *textLength, int32_t textCapacity,
                                           int32_t start, int32_t *limit, UErrorCode *status) {
    utrans_transUChars(transliterator, text, textLength, textCapacity, start, limit, status);
}
static inline int32_t cicu_utrans_toRules(const UTransliterator *transliterator,
                                          UBool escapeUnprintable, UChar *result,
                                          int32_t resultLength, UErrorCode *status) {
    return utrans_toRules(transliterator, escapeUnprintable, result, resultLength, status);
}
static inline USet *cicu_utrans_getSourceSet(const UTransliterator *transliterator,
                                             UBool ignoreFilter, USet *fillIn,
                                             UErrorCode *status) {
    return utrans_getSourceSet(transliterator, ignoreFilter, fillIn, status);
}

#endif
