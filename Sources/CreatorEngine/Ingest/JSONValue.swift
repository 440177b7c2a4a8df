internal import CSimdjson
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading decoded simdjson values (`csj_value`) from Swift: kinds, text, iteration.
/// All of it is valid only while the parser that produced the value has not parsed again.
extension csj_value {
    /// The UTF-8 bytes of a string value (empty for other kinds).
    @inline(__always)
    var stringBytes: UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: type == CSJ_STRING ? UnsafeRawPointer(string) : nil, count: type == CSJ_STRING ? length : 0)
    }

    /// A string value as a Swift `String` (simdjson has already validated the UTF-8).
    @inline(__always)
    var text: String { String(decoding: stringBytes, as: UTF8.self) }

    var isNumber: Bool { type == CSJ_INT64 || type == CSJ_UINT64 || type == CSJ_DOUBLE }

    /// Calls `body` with each field's key bytes and value, in document order.
    @inline(__always)
    func forEachField<E: Error>(_ body: (UnsafeRawBufferPointer, csj_value) throws(E) -> Void) throws(E) {
        var object = self
        var iterator = csj_iterator()
        guard csj_object_begin(&object, &iterator) else { return }
        var key: UnsafePointer<CChar>? = nil
        var keyLength = 0
        var value = csj_value()
        while csj_object_next(&iterator, &key, &keyLength, &value) {
            try body(UnsafeRawBufferPointer(start: key, count: keyLength), value)
        }
    }

    /// Calls `body` with each item's index and value.
    @inline(__always)
    func forEachItem<E: Error>(_ body: (Int, csj_value) throws(E) -> Void) throws(E) {
        var array = self
        var iterator = csj_iterator()
        guard csj_array_begin(&array, &iterator) else { return }
        var value = csj_value()
        var index = 0
        while csj_array_next(&iterator, &value) {
            try body(index, value)
            index += 1
        }
    }

    /// A short description of the value for rejection reasons: numbers, booleans and null as
    /// written, strings quoted (cut at 60 characters), arrays and objects by kind.
    var shortDescription: String {
        switch type {
        case CSJ_NULL: return "null"
        case CSJ_BOOL: return boolean ? "true" : "false"
        case CSJ_INT64: return String(int64)
        case CSJ_UINT64: return String(uint64)
        case CSJ_DOUBLE: return formatNumber(number)
        case CSJ_STRING:
            let full = text
            let cut = full.unicodeScalars.count > 60 ? String(String.UnicodeScalarView(full.unicodeScalars.prefix(60))) + "…" : full
            return "\"\(cut)\""
        case CSJ_ARRAY: return "an array"
        case CSJ_OBJECT: return "an object"
        default: return "an invalid value"
        }
    }
}

/// A number for a human: integral values without a fraction, others rounded to 4 decimals
/// (tiny values keep Swift's shortest exact form).
func formatNumber(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    let rounded = value.roundedToFourDecimals
    if rounded != 0, abs(value) < 1e15 { return rounded.description }
    return value.description
}

extension UnsafeRawBufferPointer {
    /// Whether these bytes equal the UTF-8 text of `literal` (a key name of two or more
    /// characters, so that the literal is stored as bytes).
    @inline(__always)
    func equals(_ literal: StaticString) -> Bool {
        guard literal.hasPointerRepresentation else { return elementsEqual(literal.description.utf8) }
        guard count == literal.utf8CodeUnitCount else { return false }
        guard let base = baseAddress else { return count == 0 }
        return memcmp(base, literal.utf8Start, count) == 0
    }

    /// The bytes as a `String` (invalid UTF-8 replaced with U+FFFD).
    var utf8Text: String { String(decoding: self, as: UTF8.self) }
}
