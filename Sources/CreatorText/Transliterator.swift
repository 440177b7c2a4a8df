internal import CICU

/// An ICU transliterator (e.g. `Traditional-Simplified`, `Latin-ASCII`) opened once.
///
/// Opening one costs up to ~10 ms the first time in a process (rule compilation) and ~0.1 ms
/// after, so an analyser opens each once and reuses it for every token.
final class Transliterator {
    private let handle: OpaquePointer
    let id: String

    init(id: String) throws(AnalysisError) {
        let units = Array(id.utf16)
        var status = U_ZERO_ERROR
        let opened = units.withUnsafeBufferPointer {
            cicu_utrans_openU($0.baseAddress, Int32($0.count), UTRANS_FORWARD, &status)
        }
        guard let opened, !status.isFailure else {
            if let opened { cicu_utrans_close(opened) }
            throw AnalysisError.icuFailure(operation: "utrans_openU \(id)", errorName: status.name)
        }
        handle = opened
        self.id = id
    }

    deinit { cicu_utrans_close(handle) }

    /// The characters this transliterator may change; text with none of them passes through
    /// unchanged, so callers can skip the (comparatively slow) transliteration.
    func sourceSet() throws(AnalysisError) -> ICUCharacterSet {
        guard let set = cicu_uset_openEmpty() else {
            throw AnalysisError.icuFailure(operation: "uset_openEmpty", errorName: "U_MEMORY_ALLOCATION_ERROR")
        }
        var status = U_ZERO_ERROR
        cicu_utrans_getSourceSet(handle, 0, set, &status)
        if status.isFailure {
            cicu_uset_close(set)
            throw AnalysisError.icuFailure(operation: "utrans_getSourceSet \(id)", errorName: status.name)
        }
        return ICUCharacterSet(adopting: set)
    }

    /// The transliterator's rules as ICU prints them (`utrans_toRules`), or nil on failure.
    func rules() -> String? {
        let buffer = UTF16Buffer(capacity: 1 << 16)
        let filled = buffer.fill { destination, capacity, status in
            cicu_utrans_toRules(handle, 0, destination, capacity, &status)
        }
        return filled ? buffer.makeString() : nil
    }

    /// Transliterates `source` into `destination`. Returns false on an ICU failure, leaving
    /// `destination` unspecified.
    func transliterate(_ source: UTF16Buffer, into destination: UTF16Buffer) -> Bool {
        var capacity = source.count * 2 + 16
        for _ in 0..<4 {
            destination.assign(source.contents, reservingExtra: capacity - source.count)
            var length = Int32(source.count)
            var limit = length
            var status = U_ZERO_ERROR
            cicu_utrans_transUChars(handle, destination.base, &length,
                                    Int32(clamping: destination.capacity), 0, &limit, &status)
            if status == U_BUFFER_OVERFLOW_ERROR {
                capacity = max(Int(length) + 16, destination.capacity * 2)
                continue
            }
            guard !status.isFailure else { return false }
            destination.count = Int(length)
            return true
        }
        return false
    }
}
