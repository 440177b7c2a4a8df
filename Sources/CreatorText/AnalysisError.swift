/// Why a text analyser (or the raw ICU pipeline) could not be made.
public enum AnalysisError: Error, Sendable, Equatable, CustomStringConvertible {
    /// An ICU call failed. `operation` names what was being done (e.g. `utrans_openU
    /// Traditional-Simplified`); `errorName` is ICU's name for the code, e.g.
    /// `U_MISSING_RESOURCE_ERROR` when ICU's data lacks a transliterator.
    case icuFailure(operation: String, errorName: String)

    public var description: String {
        switch self {
        case let .icuFailure(operation, errorName): "ICU failure in \(operation): \(errorName)"
        }
    }
}
