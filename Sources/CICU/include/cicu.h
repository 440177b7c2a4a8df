// ICU's C API for CreatorText, with none of ICU's own types in sight.
//
// Two facts shape this header. ICU renames every C function per version with a macro
// (`ubrk_open` -> `ubrk_open_72`), which Swift cannot import, so these wrappers are compiled
// in C (cicu.c) where the renaming applies. And Foundation on Linux carries its own ICU
// (`_FoundationICU`), whose C types (UErrorCode, UBlockCode, ...) clash with the system's
// when one Swift compilation sees both; so this header declares only plain C types and
// opaque handles, and ICU's headers are included by cicu.c alone.
#ifndef CICU_H
#define CICU_H

#include <stdint.h>

typedef struct CICUBreakIterator CICUBreakIterator;
typedef struct CICUNormalizer2 CICUNormalizer2;
typedef struct CICUSet CICUSet;
typedef struct CICUTransliterator CICUTransliterator;

// The values of the ICU constants CreatorText uses (checked against ICU in cicu.c).
enum {
    CICU_U_ZERO_ERROR = 0,
    CICU_U_MISSING_RESOURCE_ERROR = 2,
    CICU_U_MEMORY_ALLOCATION_ERROR = 7,
    CICU_U_BUFFER_OVERFLOW_ERROR = 15,
    CICU_UBRK_WORD = 1,
    CICU_UBRK_WORD_NONE = 0,
    CICU_UBRK_WORD_NONE_LIMIT = 100,
    CICU_UBRK_WORD_NUMBER = 100,
    CICU_UBRK_WORD_LETTER = 200,
    CICU_U_NON_SPACING_MARK = 6,
    CICU_U_ENCLOSING_MARK = 7,
    CICU_U_COMBINING_SPACING_MARK = 8,
    CICU_UTRANS_FORWARD = 0,
    CICU_USET_SPAN_NOT_CONTAINED = 0,
    CICU_USCRIPT_ARABIC = 2,
    CICU_USCRIPT_CYRILLIC = 8,
    CICU_USCRIPT_GREEK = 14,
    CICU_USCRIPT_HEBREW = 19,
    CICU_USCRIPT_LATIN = 25,
    CICU_UCHAR_REGIONAL_INDICATOR = 62,
    CICU_UCHAR_EXTENDED_PICTOGRAPHIC = 64,
};

/// The symbolic name of an ICU error code, e.g. "U_BUFFER_OVERFLOW_ERROR".
const char * cicu_errorName(int32_t code);
/// `U_FAILURE(code)`: a macro in C, so wrapped as a function.
int8_t cicu_failure(int32_t code);
/// `UBRK_DONE`, the value `ubrk_next` returns after the last boundary.
int32_t cicu_ubrk_done(void);
CICUBreakIterator * cicu_ubrk_open(int32_t type, const char *locale,
                                             const uint16_t *text, int32_t textLength,
                                             int32_t *status);
void cicu_ubrk_close(CICUBreakIterator *iterator);
void cicu_ubrk_setText(CICUBreakIterator *iterator, const uint16_t *text,
                                     int32_t textLength, int32_t *status);
int32_t cicu_ubrk_first(CICUBreakIterator *iterator);
int32_t cicu_ubrk_next(CICUBreakIterator *iterator);
int32_t cicu_ubrk_getRuleStatus(CICUBreakIterator *iterator);
const CICUNormalizer2 * cicu_unorm2_getNFKCCasefoldInstance(int32_t *status);
const CICUNormalizer2 * cicu_unorm2_getNFDInstance(int32_t *status);
const CICUNormalizer2 * cicu_unorm2_getNFCInstance(int32_t *status);
CICUNormalizer2 * cicu_unorm2_openFiltered(const CICUNormalizer2 *normalizer,
                                                     const CICUSet *filterSet, int32_t *status);
void cicu_unorm2_close(CICUNormalizer2 *normalizer);
int32_t cicu_unorm2_normalize(const CICUNormalizer2 *normalizer, const uint16_t *source,
                                            int32_t length, uint16_t *destination, int32_t capacity,
                                            int32_t *status);
int32_t cicu_unorm2_spanQuickCheckYes(const CICUNormalizer2 *normalizer,
                                                    const uint16_t *source, int32_t length,
                                                    int32_t *status);
CICUSet * cicu_uset_openEmpty(void);
CICUSet * cicu_uset_openPattern(const uint16_t *pattern, int32_t length,
                                          int32_t *status);
void cicu_uset_close(CICUSet *set);
void cicu_uset_add(CICUSet *set, int32_t c);
void cicu_uset_removeAll(CICUSet *set, const CICUSet *other);
void cicu_uset_freeze(CICUSet *set);
int32_t cicu_uset_getRangeCount(const CICUSet *set);
/// The `index`th range of `set` as `*start`...`*end`; false past the last range.
int8_t cicu_uset_getRange(const CICUSet *set, int32_t index, int32_t *start, int32_t *end);
int8_t cicu_uset_contains(const CICUSet *set, int32_t c);
int32_t cicu_uset_span(const CICUSet *set, const uint16_t *s, int32_t length,
                                     int32_t condition);
/// UTF-8 -> UTF-16; ill-formed UTF-8 becomes U+FFFD instead of failing.
uint16_t * cicu_u_strFromUTF8(uint16_t *destination, int32_t capacity, int32_t *length,
                                        const char *source, int32_t sourceLength,
                                        int32_t *status);
/// UTF-16 -> UTF-8; unpaired surrogates become U+FFFD instead of failing.
char * cicu_u_strToUTF8(char *destination, int32_t capacity, int32_t *length,
                                     const uint16_t *source, int32_t sourceLength,
                                     int32_t *status);
int8_t cicu_u_hasBinaryProperty(int32_t c, int32_t which);
int8_t cicu_u_charType(int32_t c);
uint8_t cicu_u_getCombiningClass(int32_t c);
int32_t cicu_uscript_getScript(int32_t c, int32_t *status);
CICUTransliterator * cicu_utrans_openU(const uint16_t *id, int32_t idLength,
                                                 int32_t direction, int32_t *status);
void cicu_utrans_close(CICUTransliterator *transliterator);
void cicu_utrans_transUChars(const CICUTransliterator *transliterator, uint16_t *text,
                                           int32_t *textLength, int32_t textCapacity,
                                           int32_t start, int32_t *limit, int32_t *status);
int32_t cicu_utrans_toRules(const CICUTransliterator *transliterator,
                                          int8_t escapeUnprintable, uint16_t *result,
                                          int32_t resultLength, int32_t *status);
CICUSet * cicu_utrans_getSourceSet(const CICUTransliterator *transliterator,
                                             int8_t ignoreFilter, CICUSet *fillIn,
                                             int32_t *status);

#endif
