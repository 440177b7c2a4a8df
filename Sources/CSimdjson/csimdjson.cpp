// The C surface declared in csimdjson.h, over simdjson's DOM API (error codes, no
// exceptions escape). simdjson's element and iterator types are small trivially copyable
// handles (a document pointer and a tape index); they are memcpy'd into the opaque words of
// csj_value / csj_iterator, and the static_asserts below fail the build if that stops
// being true for the installed simdjson.

#include "csimdjson.h"

#include <simdjson.h>

#include <cstring>
#include <new>
#include <type_traits>

using simdjson::dom::array;
using simdjson::dom::element;
using simdjson::dom::element_type;
using simdjson::dom::object;

static_assert(sizeof(element) <= sizeof(((csj_value *)nullptr)->element), "dom::element no longer fits csj_value");
static_assert(sizeof(object::iterator) <= sizeof(((csj_iterator *)nullptr)->current), "object::iterator no longer fits");
static_assert(sizeof(array::iterator) <= sizeof(((csj_iterator *)nullptr)->current), "array::iterator no longer fits");
static_assert(std::is_trivially_copyable<element>::value, "dom::element must be trivially copyable");
static_assert(std::is_trivially_copyable<object::iterator>::value, "object::iterator must be trivially copyable");
static_assert(std::is_trivially_copyable<array::iterator>::value, "array::iterator must be trivially copyable");

struct csj_parser {
    simdjson::dom::parser parser;
};

namespace {

template <typename T, typename Words>
T load(const Words &words) {
    T value;
    std::memcpy(static_cast<void *>(&value), &words, sizeof(T));
    return value;
}

template <typename T, typename Words>
void store(Words &words, const T &value) {
    std::memset(&words, 0, sizeof(words));
    std::memcpy(&words, static_cast<const void *>(&value), sizeof(T));
}

/// Decodes `source` into `out`: its type and scalar, plus the element for later iteration.
void decode(const element &source, csj_value *out) noexcept {
    std::memset(out, 0, sizeof(*out));
    store(out->element, source);
    switch (source.type()) {
    case element_type::NULL_VALUE:
        out->type = CSJ_NULL;
        break;
    case element_type::BOOL:
        out->type = CSJ_BOOL;
        out->boolean = source.get_bool().value_unsafe();
        break;
    case element_type::INT64: {
        int64_t value = source.get_int64().value_unsafe();
        out->type = CSJ_INT64;
        out->int64 = value;
        out->uint64 = value >= 0 ? static_cast<uint64_t>(value) : 0;
        out->number = static_cast<double>(value);
        break;
    }
    case element_type::UINT64: {
        uint64_t value = source.get_uint64().value_unsafe();
        out->type = CSJ_UINT64;
        out->uint64 = value;
        out->number = static_cast<double>(value);
        break;
    }
    case element_type::DOUBLE:
        out->type = CSJ_DOUBLE;
        out->number = source.get_double().value_unsafe();
        break;
    case element_type::STRING: {
        std::string_view text = source.get_string().value_unsafe();
        out->type = CSJ_STRING;
        out->string = text.data();
        out->length = text.size();
        break;
    }
    case element_type::ARRAY:
        out->type = CSJ_ARRAY;
        out->length = source.get_array().value_unsafe().size();
        break;
    case element_type::OBJECT:
        out->type = CSJ_OBJECT;
        out->length = source.get_object().value_unsafe().size();
        break;
    }
}

} // namespace

extern "C" {

csj_parser *csj_parser_create(void) { return new (std::nothrow) csj_parser(); }

void csj_parser_destroy(csj_parser *parser) { delete parser; }

int csj_parse(csj_parser *parser, const void *bytes, size_t length, csj_value *root) {
    if (parser == nullptr || root == nullptr) { return simdjson::UNINITIALIZED; }
    // realloc_if_needed = true: simdjson copies the input into its own padded buffer
    // (grown as needed and reused), so the caller's bytes need no padding.
    element parsed;
    auto error = parser->parser.parse(static_cast<const uint8_t *>(bytes), length, true).get(parsed);
    if (error) { return static_cast<int>(error); }
    decode(parsed, root);
    return 0;
}

const char *csj_error_message(int code) {
    return simdjson::error_message(static_cast<simdjson::error_code>(code));
}

bool csj_object_begin(const csj_value *value, csj_iterator *iterator) {
    std::memset(iterator, 0, sizeof(*iterator));
    if (value == nullptr || value->type != CSJ_OBJECT) { return false; }
    object fields = load<element>(value->element).get_object().value_unsafe();
    store(iterator->current, fields.begin());
    store(iterator->end, fields.end());
    return true;
}

bool csj_object_next(csj_iterator *iterator, const char **key, size_t *key_length, csj_value *value) {
    auto current = load<object::iterator>(iterator->current);
    auto end = load<object::iterator>(iterator->end);
    if (!(current != end)) { return false; }
    std::string_view name = current.key();
    *key = name.data();
    *key_length = name.size();
    decode(current.value(), value);
    ++current;
    store(iterator->current, current);
    return true;
}

bool csj_object_find(const csj_value *value, const char *key, size_t key_length, csj_value *out) {
    if (value == nullptr || value->type != CSJ_OBJECT) { return false; }
    object fields = load<element>(value->element).get_object().value_unsafe();
    element found;
    if (fields.at_key(std::string_view(key, key_length)).get(found)) { return false; }
    decode(found, out);
    return true;
}

bool csj_array_begin(const csj_value *value, csj_iterator *iterator) {
    std::memset(iterator, 0, sizeof(*iterator));
    if (value == nullptr || value->type != CSJ_ARRAY) { return false; }
    array items = load<element>(value->element).get_array().value_unsafe();
    store(iterator->current, items.begin());
    store(iterator->end, items.end());
    return true;
}

bool csj_array_next(csj_iterator *iterator, csj_value *value) {
    auto current = load<array::iterator>(iterator->current);
    auto end = load<array::iterator>(iterator->end);
    if (!(current != end)) { return false; }
    decode(*current, value);
    ++current;
    store(iterator->current, current);
    return true;
}

} // extern "C"
