internal import CICU

/// A frozen ICU `USet`: an immutable set of code points with a fast span test on UTF-16,
/// used to decide cheaply whether a folding step could change a token at all.
final class ICUCharacterSet {
    let handle: OpaquePointer

    /// A set from an ICU pattern such as `[[:Latin:]-[\u0000-\u007F]]`, less the code points
    /// of `excluded`.
    init(pattern: String, excluding excluded: [ICUCharacterSet] = []) throws(AnalysisError) {
        let units = Array(pattern.utf16)
        var status = U_ZERO_ERROR
        let set = units.withUnsafeBufferPointer {
            cicu_uset_openPattern($0.baseAddress, Int32($0.count), &status)
        }
        guard let set, !status.isFailure else {
            if let set { cicu_uset_close(set) }
            throw AnalysisError.icuFailure(operation: "uset_openPattern \(pattern)", errorName: status.name)
        }
        for other in excluded { cicu_uset_removeAll(set, other.handle) }
        cicu_uset_freeze(set)
        handle = set
    }

    /// Takes ownership of `set` (an open, unfrozen `USet`) and freezes it.
    init(adopting set: OpaquePointer) {
        cicu_uset_freeze(set)
        handle = set
    }

    deinit { cicu_uset_close(handle) }

    /// Whether any code point of `units` is in the set.
    func containsAny(_ units: UnsafeBufferPointer<UInt16>) -> Bool {
        guard units.count > 0 else { return false }
        let count = Int32(clamping: units.count)
        return cicu_uset_span(handle, units.baseAddress, count, USET_SPAN_NOT_CONTAINED) < count
    }

    /// Whether `scalar` is in the set.
    func contains(_ scalar: UInt32) -> Bool { cicu_uset_contains(handle, UChar32(bitPattern: scalar)) != 0 }

    /// The set's code points as closed ranges, in order.
    var ranges: [(start: UInt32, end: UInt32)] {
        (0..<cicu_uset_getRangeCount(handle)).compactMap { index in
            var start: UChar32 = 0
            var end: UChar32 = 0
            guard cicu_uset_getRange(handle, index, &start, &end) != 0 else { return nil }
            return (UInt32(bitPattern: start), UInt32(bitPattern: end))
        }
    }
}
