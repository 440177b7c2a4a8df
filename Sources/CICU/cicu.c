// The wrappers declared in cicu.h: each calls ICU under its version-renamed name.
#include "cicu.h"
#include <unicode/utypes.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/ubrk.h>
#include <unicode/unorm2.h>
#include <unicode/uset.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>

_Static_assert(sizeof(UErrorCode) == sizeof(int32_t), "UErrorCode is 32 bits");
_Static_assert(sizeof(UChar) == sizeof(uint16_t), "UChar is 16 bits");
_Static_assert(CICU_U_ZERO_ERROR == U_ZERO_ERROR, "");
_Static_assert(CICU_U_MISSING_RESOURCE_ERROR == U_MISSING_RESOURCE_ERROR, "");
_Static_assert(CICU_U_MEMORY_ALLOCATION_ERROR == U_MEMORY_ALLOCATION_ERROR, "");
_Static_assert(CICU_U_BUFFER_OVERFLOW_ERROR == U_BUFFER_OVERFLOW_ERROR, "");
_Static_assert(CICU_UBRK_WORD == UBRK_WORD, "");
_Static_assert(CICU_UBRK_WORD_NONE == UBRK_WORD_NONE, "");
_Static_assert(CICU_UBRK_WORD_NONE_LIMIT == UBRK_WORD_NONE_LIMIT, "");
_Static_assert(CICU_UBRK_WORD_NUMBER == UBRK_WORD_NUMBER, "");
_Static_assert(CICU_UBRK_WORD_LETTER == UBRK_WORD_LETTER, "");
_Static_assert(CICU_U_NON_SPACING_MARK == U_NON_SPACING_MARK, "");
_Static_assert(CICU_U_ENCLOSING_MARK == U_ENCLOSING_MARK, "");
_Static_assert(CICU_U_COMBINING_SPACING_MARK == U_COMBINING_SPACING_MARK, "");
_Static_assert(CICU_UTRANS_FORWARD == UTRANS_FORWARD, "");
_Static_assert(CICU_USET_SPAN_NOT_CONTAINED == USET_SPAN_NOT_CONTAINED, "");
_Static_assert(CICU_USCRIPT_ARABIC == USCRIPT_ARABIC, "");
_Static_assert(CICU_USCRIPT_CYRILLIC == USCRIPT_CYRILLIC, "");
_Static_assert(CICU_USCRIPT_GREEK == USCRIPT_GREEK, "");
_Static_assert(CICU_USCRIPT_HEBREW == USCRIPT_HEBREW, "");
_Static_assert(CICU_USCRIPT_LATIN == USCRIPT_LATIN, "");
_Static_assert(CICU_UCHAR_REGIONAL_INDICATOR == UCHAR_REGIONAL_INDICATOR, "");
_Static_assert(CICU_UCHAR_EXTENDED_PICTOGRAPHIC == UCHAR_EXTENDED_PICTOGRAPHIC, "");

const char * cicu_errorName(int32_t code) {
    UErrorCode code_ = (UErrorCode)code;
    return (const char *)(u_errorName(code_));
}

int8_t cicu_failure(int32_t code) {
    UErrorCode code_ = (UErrorCode)code;
    return (int8_t)(U_FAILURE(code_));
}

int32_t cicu_ubrk_done(void) {
    return (int32_t)(UBRK_DONE);
}

CICUBreakIterator * cicu_ubrk_open(int32_t type, const char *locale,
                                             const uint16_t *text, int32_t textLength,
                                             int32_t *status) {
    UBreakIteratorType type_ = (UBreakIteratorType)type;
    const char * locale_ = (const char *)locale;
    const UChar * text_ = (const UChar *)text;
    int32_t textLength_ = (int32_t)textLength;
    UErrorCode * status_ = (UErrorCode *)status;
    return (CICUBreakIterator *)(ubrk_open(type_, locale_, text_, textLength_, status_));
}

void cicu_ubrk_close(CICUBreakIterator *iterator) {
    UBreakIterator * iterator_ = (UBreakIterator *)iterator;
    ubrk_close(iterator_);
}

void cicu_ubrk_setText(CICUBreakIterator *iterator, const uint16_t *text,
                                     int32_t textLength, int32_t *status) {
    UBreakIterator * iterator_ = (UBreakIterator *)iterator;
    const UChar * text_ = (const UChar *)text;
    int32_t textLength_ = (int32_t)textLength;
    UErrorCode * status_ = (UErrorCode *)status;
    ubrk_setText(iterator_, text_, textLength_, status_);
}

int32_t cicu_ubrk_first(CICUBreakIterator *iterator) {
    UBreakIterator * iterator_ = (UBreakIterator *)iterator;
    return (int32_t)(ubrk_first(iterator_));
}

int32_t cicu_ubrk_next(CICUBreakIterator *iterator) {
    UBreakIterator * iterator_ = (UBreakIterator *)iterator;
    return (int32_t)(ubrk_next(iterator_));
}

int32_t cicu_ubrk_getRuleStatus(CICUBreakIterator *iterator) {
    UBreakIterator * iterator_ = (UBreakIterator *)iterator;
    return (int32_t)(ubrk_getRuleStatus(iterator_));
}

const CICUNormalizer2 * cicu_unorm2_getNFKCCasefoldInstance(int32_t *status) {
    UErrorCode * status_ = (UErrorCode *)status;
    return (const CICUNormalizer2 *)(unorm2_getNFKCCasefoldInstance(status_));
}

const CICUNormalizer2 * cicu_unorm2_getNFDInstance(int32_t *status) {
    UErrorCode * status_ = (UErrorCode *)status;
    return (const CICUNormalizer2 *)(unorm2_getNFDInstance(status_));
}

const CICUNormalizer2 * cicu_unorm2_getNFCInstance(int32_t *status) {
    UErrorCode * status_ = (UErrorCode *)status;
    return (const CICUNormalizer2 *)(unorm2_getNFCInstance(status_));
}

CICUNormalizer2 * cicu_unorm2_openFiltered(const CICUNormalizer2 *normalizer,
                                                     const CICUSet *filterSet, int32_t *status) {
    const UNormalizer2 * normalizer_ = (const UNormalizer2 *)normalizer;
    const USet * filterSet_ = (const USet *)filterSet;
    UErrorCode * status_ = (UErrorCode *)status;
    return (CICUNormalizer2 *)(unorm2_openFiltered(normalizer_, filterSet_, status_));
}

void cicu_unorm2_close(CICUNormalizer2 *normalizer) {
    UNormalizer2 * normalizer_ = (UNormalizer2 *)normalizer;
    unorm2_close(normalizer_);
}

int32_t cicu_unorm2_normalize(const CICUNormalizer2 *normalizer, const uint16_t *source,
                                            int32_t length, uint16_t *destination, int32_t capacity,
                                            int32_t *status) {
    const UNormalizer2 * normalizer_ = (const UNormalizer2 *)normalizer;
    const UChar * source_ = (const UChar *)source;
    int32_t length_ = (int32_t)length;
    UChar * destination_ = (UChar *)destination;
    int32_t capacity_ = (int32_t)capacity;
    UErrorCode * status_ = (UErrorCode *)status;
    return (int32_t)(unorm2_normalize(normalizer_, source_, length_, destination_, capacity_, status_));
}

int32_t cicu_unorm2_spanQuickCheckYes(const CICUNormalizer2 *normalizer,
                                                    const uint16_t *source, int32_t length,
                                                    int32_t *status) {
    const UNormalizer2 * normalizer_ = (const UNormalizer2 *)normalizer;
    const UChar * source_ = (const UChar *)source;
    int32_t length_ = (int32_t)length;
    UErrorCode * status_ = (UErrorCode *)status;
    return (int32_t)(unorm2_spanQuickCheckYes(normalizer_, source_, length_, status_));
}

CICUSet * cicu_uset_openEmpty(void) {
    return (CICUSet *)(uset_openEmpty());
}

CICUSet * cicu_uset_openPattern(const uint16_t *pattern, int32_t length,
                                          int32_t *status) {
    const UChar * pattern_ = (const UChar *)pattern;
    int32_t length_ = (int32_t)length;
    UErrorCode * status_ = (UErrorCode *)status;
    return (CICUSet *)(uset_openPattern(pattern_, length_, status_));
}

void cicu_uset_close(CICUSet *set) {
    USet * set_ = (USet *)set;
    uset_close(set_);
}

void cicu_uset_add(CICUSet *set, int32_t c) {
    USet * set_ = (USet *)set;
    UChar32 c_ = (UChar32)c;
    uset_add(set_, c_);
}

void cicu_uset_removeAll(CICUSet *set, const CICUSet *other) {
    USet * set_ = (USet *)set;
    const USet * other_ = (const USet *)other;
    uset_removeAll(set_, other_);
}

void cicu_uset_freeze(CICUSet *set) {
    USet * set_ = (USet *)set;
    uset_freeze(set_);
}

int32_t cicu_uset_getRangeCount(const CICUSet *set) {
    const USet * set_ = (const USet *)set;
    return (int32_t)(uset_getRangeCount(set_));
}

int8_t cicu_uset_getRange(const CICUSet *set, int32_t index, int32_t *start, int32_t *end) {
    const USet * set_ = (const USet *)set;
    int32_t index_ = (int32_t)index;
    UChar32 * start_ = (UChar32 *)start;
    UChar32 * end_ = (UChar32 *)end;
    UErrorCode status = U_ZERO_ERROR;
    return uset_getItem(set_, index_, start_, end_, NULL, 0, &status) == 0 && U_SUCCESS(status);
}

int8_t cicu_uset_contains(const CICUSet *set, int32_t c) {
    const USet * set_ = (const USet *)set;
    UChar32 c_ = (UChar32)c;
    return (int8_t)(uset_contains(set_, c_));
}

int32_t cicu_uset_span(const CICUSet *set, const uint16_t *s, int32_t length,
                                     int32_t condition) {
    const USet * set_ = (const USet *)set;
    const UChar * s_ = (const UChar *)s;
    int32_t length_ = (int32_t)length;
    USetSpanCondition condition_ = (USetSpanCondition)condition;
    return (int32_t)(uset_span(set_, s_, length_, condition_));
}

uint16_t * cicu_u_strFromUTF8(uint16_t *destination, int32_t capacity, int32_t *length,
                                        const char *source, int32_t sourceLength,
                                        int32_t *status) {
    UChar * destination_ = (UChar *)destination;
    int32_t capacity_ = (int32_t)capacity;
    int32_t * length_ = (int32_t *)length;
    const char * source_ = (const char *)source;
    int32_t sourceLength_ = (int32_t)sourceLength;
    UErrorCode * status_ = (UErrorCode *)status;
    return (uint16_t *)(u_strFromUTF8WithSub(destination_, capacity_, length_, source_, sourceLength_, 0xFFFD,
                                NULL, status_));
}

char * cicu_u_strToUTF8(char *destination, int32_t capacity, int32_t *length,
                                     const uint16_t *source, int32_t sourceLength,
                                     int32_t *status) {
    char * destination_ = (char *)destination;
    int32_t capacity_ = (int32_t)capacity;
    int32_t * length_ = (int32_t *)length;
    const UChar * source_ = (const UChar *)source;
    int32_t sourceLength_ = (int32_t)sourceLength;
    UErrorCode * status_ = (UErrorCode *)status;
    return (char *)(u_strToUTF8WithSub(destination_, capacity_, length_, source_, sourceLength_, 0xFFFD, NULL,
                              status_));
}

int8_t cicu_u_hasBinaryProperty(int32_t c, int32_t which) {
    UChar32 c_ = (UChar32)c;
    UProperty which_ = (UProperty)which;
    return (int8_t)(u_hasBinaryProperty(c_, which_));
}

int8_t cicu_u_charType(int32_t c) {
    UChar32 c_ = (UChar32)c;
    return (int8_t)(u_charType(c_));
}

uint8_t cicu_u_getCombiningClass(int32_t c) {
    UChar32 c_ = (UChar32)c;
    return (uint8_t)(u_getCombiningClass(c_));
}

int32_t cicu_uscript_getScript(int32_t c, int32_t *status) {
    UChar32 c_ = (UChar32)c;
    UErrorCode * status_ = (UErrorCode *)status;
    return (int32_t)(uscript_getScript(c_, status_));
}

CICUTransliterator * cicu_utrans_openU(const uint16_t *id, int32_t idLength,
                                                 int32_t direction, int32_t *status) {
    const UChar * id_ = (const UChar *)id;
    int32_t idLength_ = (int32_t)idLength;
    UTransDirection direction_ = (UTransDirection)direction;
    UErrorCode * status_ = (UErrorCode *)status;
    return (CICUTransliterator *)(utrans_openU(id_, idLength_, direction_, NULL, 0, NULL, status_));
}

void cicu_utrans_close(CICUTransliterator *transliterator) {
    UTransliterator * transliterator_ = (UTransliterator *)transliterator;
    utrans_close(transliterator_);
}

void cicu_utrans_transUChars(const CICUTransliterator *transliterator, uint16_t *text,
                                           int32_t *textLength, int32_t textCapacity,
                                           int32_t start, int32_t *limit, int32_t *status) {
    const UTransliterator * transliterator_ = (const UTransliterator *)transliterator;
    UChar * text_ = (UChar *)text;
    int32_t * textLength_ = (int32_t *)textLength;
    int32_t textCapacity_ = (int32_t)textCapacity;
    int32_t start_ = (int32_t)start;
    int32_t * limit_ = (int32_t *)limit;
    UErrorCode * status_ = (UErrorCode *)status;
    utrans_transUChars(transliterator_, text_, textLength_, textCapacity_, start_, limit_, status_);
}

int32_t cicu_utrans_toRules(const CICUTransliterator *transliterator,
                                          int8_t escapeUnprintable, uint16_t *result,
                                          int32_t resultLength, int32_t *status) {
    const UTransliterator * transliterator_ = (const UTransliterator *)transliterator;
    UBool escapeUnprintable_ = (UBool)escapeUnprintable;
    UChar * result_ = (UChar *)result;
    int32_t resultLength_ = (int32_t)resultLength;
    UErrorCode * status_ = (UErrorCode *)status;
    return (int32_t)(utrans_toRules(transliterator_, escapeUnprintable_, result_, resultLength_, status_));
}

CICUSet * cicu_utrans_getSourceSet(const CICUTransliterator *transliterator,
                                             int8_t ignoreFilter, CICUSet *fillIn,
                                             int32_t *status) {
    const UTransliterator * transliterator_ = (const UTransliterator *)transliterator;
    UBool ignoreFilter_ = (UBool)ignoreFilter;
    USet * fillIn_ = (USet *)fillIn;
    UErrorCode * status_ = (UErrorCode *)status;
    return (CICUSet *)(utrans_getSourceSet(transliterator_, ignoreFilter_, fillIn_, status_));
}
