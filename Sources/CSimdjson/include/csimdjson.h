/// A small C surface over simdjson's DOM parser (simdjson 3.x), for Swift.
///
/// One `csj_parser` per thread. `csj_parse` copies the input into a padded buffer that the
/// parser owns (simdjson reads up to SIMDJSON_PADDING bytes past the end of its input), so
/// callers pass any bytes without padding. Values refer into the parser's document and stay
/// valid only until the next `csj_parse` on the same parser or its destruction; strings are
/// UTF-8 (simdjson validates UTF-8) and are not NUL-terminated.
///
/// Each value comes back decoded in one call: its type and, for scalars, the scalar, so that
/// walking a document costs one call per value.
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// The type of a JSON value. `CSJ_INVALID` marks a value not produced by this API.
typedef enum csj_type {
    CSJ_INVALID = 0,
    CSJ_NULL,
    CSJ_BOOL,
    /// An integer that fits in int64_t.
    CSJ_INT64,
    /// An integer above INT64_MAX that fits in uint64_t.
    CSJ_UINT64,
    /// A number written with a fraction or an exponent.
    CSJ_DOUBLE,
    CSJ_STRING,
    CSJ_ARRAY,
    CSJ_OBJECT,
} csj_type;

/// An opaque simdjson parser (owns the document and the padded input copy).
typedef struct csj_parser csj_parser;

/// One decoded JSON value. Which scalar fields are meaningful depends on `type`:
/// `boolean` for CSJ_BOOL; `int64` for CSJ_INT64; `uint64` for CSJ_UINT64 (and CSJ_INT64
/// values >= 0); `number` for every numeric type (the value as a double); `string` and
/// `length` for CSJ_STRING; `length` is the element count for CSJ_ARRAY and CSJ_OBJECT
/// (saturating at 0xFFFFFF, simdjson's limit for counts kept on the tape).
typedef struct csj_value {
    csj_type type;
    bool boolean;
    int64_t int64;
    uint64_t uint64;
    double number;
    const char *string;
    size_t length;
    /// The underlying simdjson element (a copied dom::element), used by the iterators.
    uint64_t element[2];
} csj_value;

/// A position in an array or object being iterated (copied simdjson iterators).
typedef struct csj_iterator {
    uint64_t current[2];
    uint64_t end[2];
} csj_iterator;

/// Creates a parser; NULL when memory is short.
csj_parser *csj_parser_create(void);
/// Destroys a parser (NULL is allowed); values it produced become invalid.
void csj_parser_destroy(csj_parser *parser);

/// Parses `length` bytes of JSON (one document). Returns 0 and fills `root` on success,
/// else a nonzero simdjson error code (see `csj_error_message`); invalid UTF-8, NaN,
/// trailing commas and trailing content are errors.
int csj_parse(csj_parser *parser, const void *bytes, size_t length, csj_value *root);

/// A static, human-readable message for an error code returned by `csj_parse`.
const char *csj_error_message(int code);

/// Starts iterating an object's fields; false (and an empty iterator) when `object` is
/// not an object.
bool csj_object_begin(const csj_value *object, csj_iterator *iterator);
/// Reads the next field into `key`/`key_length`/`value`; false at the end.
bool csj_object_next(csj_iterator *iterator, const char **key, size_t *key_length, csj_value *value);
/// Finds the first field named `key` (exact bytes) in an object; false when absent or when
/// `object` is not an object.
bool csj_object_find(const csj_value *object, const char *key, size_t key_length, csj_value *value);

/// Starts iterating an array's items; false (and an empty iterator) when `array` is not an array.
bool csj_array_begin(const csj_value *array, csj_iterator *iterator);
/// Reads the next item into `value`; false at the end.
bool csj_array_next(csj_iterator *iterator, csj_value *value);

#ifdef __cplusplus
}
#endif
