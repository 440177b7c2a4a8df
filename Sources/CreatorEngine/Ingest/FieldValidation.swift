internal import CSimdjson

/// Typed reads of JSON values with the dump format's rules, throwing a `Rejection` whose
/// reason starts with the field's path (`recent_posts[3].likes: expected ...`).
///
/// Paths are autoclosures: they are built only when a value is rejected.
extension csj_value {
    func string(at path: @autoclosure () -> String) throws(Rejection) -> String {
        guard type == CSJ_STRING else { throw mismatch(path(), "a string") }
        return text
    }

    /// An integer >= 0. A number written with a fraction or exponent is accepted when its
    /// value is integral (`1200.0`, `1.2e3`), since some exporters write all numbers so.
    func count(at path: @autoclosure () -> String) throws(Rejection) -> Int64 {
        switch type {
        case CSJ_INT64 where int64 >= 0:
            return int64
        case CSJ_DOUBLE where number >= 0 && number == number.rounded() && number < 9.2e18:
            return Int64(number)
        case CSJ_UINT64:
            throw Rejection("\(path()): expected an integer >= 0, got \(uint64) (too large)")
        default:
            throw mismatch(path(), "an integer >= 0")
        }
    }

    /// A finite number >= 0.
    func nonNegativeNumber(at path: @autoclosure () -> String) throws(Rejection) -> Double {
        guard isNumber, number >= 0, number.isFinite else { throw mismatch(path(), "a number >= 0") }
        return number
    }

    /// A number from 0 to 1 inclusive (a fraction, not a percent).
    func fraction(at path: @autoclosure () -> String) throws(Rejection) -> Double {
        guard isNumber, number >= 0, number <= 1 else {
            let hint = isNumber && number > 1 && number <= 100 ? " (looks like a percent)" : ""
            throw Rejection("\(path()): expected a fraction 0–1, got \(shortDescription)\(hint)")
        }
        return number
    }

    func bool(at path: @autoclosure () -> String) throws(Rejection) -> Bool {
        guard type == CSJ_BOOL else { throw mismatch(path(), "true or false") }
        return boolean
    }

    /// `YYYY-MM-DD` or an RFC 3339 timestamp.
    func date(at path: @autoclosure () -> String) throws(Rejection) -> Timestamp {
        guard type == CSJ_STRING else { throw mismatch(path(), "a date (YYYY-MM-DD or RFC 3339)") }
        guard let timestamp = Timestamp(utf8: stringBytes) else {
            throw mismatch(path(), "a date (YYYY-MM-DD or RFC 3339)")
        }
        return timestamp
    }

    /// Checks that the value is an array or an object (`kind` is `CSJ_ARRAY` or `CSJ_OBJECT`).
    func require(_ kind: csj_type, at path: @autoclosure () -> String) throws(Rejection) {
        guard type == kind else { throw mismatch(path(), kind == CSJ_ARRAY ? "an array" : "an object") }
    }

    /// Reads an array of strings, each transformed by `normalise` (which returns nil, or
    /// throws, for an invalid item), dropping exact repeats and keeping first-seen order.
    func stringList(at path: @autoclosure () -> String, expected: String,
                    _ normalise: (UnsafeRawBufferPointer) -> String?) throws(Rejection) -> [String] {
        try require(CSJ_ARRAY, at: path())
        var result: [String] = []
        result.reserveCapacity(length)
        let bySet = length > 16
        var seen: Set<String> = []
        try forEachItem { (index, item) throws(Rejection) in
            guard item.type == CSJ_STRING, let normalised = normalise(item.stringBytes) else {
                throw item.mismatch("\(path())[\(index)]", expected)
            }
            if bySet {
                if seen.insert(normalised).inserted { result.append(normalised) }
            } else if !result.contains(normalised) {
                result.append(normalised)
            }
        }
        return result
    }

    func mismatch(_ path: String, _ expected: String) -> Rejection {
        Rejection("\(path): expected \(expected), got \(shortDescription)")
    }
}
