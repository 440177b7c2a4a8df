internal import CICU

extension UErrorCode {
    /// Whether ICU reports a failure (warnings, which are negative codes, are not failures).
    var isFailure: Bool { cicu_failure(self) != 0 }

    /// ICU's symbolic name for the code, e.g. `U_BUFFER_OVERFLOW_ERROR`.
    var name: String { String(cString: cicu_errorName(self)) }
}

/// Throws `AnalysisError.icuFailure` when `status` is a failure.
func checkICU(_ status: UErrorCode, _ operation: @autoclosure () -> String) throws(AnalysisError) {
    if status.isFailure {
        throw AnalysisError.icuFailure(operation: operation(), errorName: status.name)
    }
}
