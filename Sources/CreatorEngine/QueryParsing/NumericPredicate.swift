/// A test on one number: an inclusive range or a comparison, as written in the query.
///
/// The syntax is kept (not folded into an interval) so `--explain` and `queryText` show
/// what the user wrote; `matches` and `bounds` give the meaning. Share fields hold
/// fractions (`3%` is `0.03`), `k`/`m` are already applied (`10k` is `10000`).
public enum NumericPredicate: Sendable, Hashable {
    /// `a..b`, `a..` or `..b`: both ends inclusive, at least one end present, `a <= b`.
    case range(lower: Double?, upper: Double?)
    /// `>x`, `>=x`, `<x`, `<=x`, and `=x` or a bare `x` (equality).
    case comparison(ComparisonOperator, Double)

    /// Whether `value` satisfies the predicate.
    public func matches(_ value: Double) -> Bool {
        switch self {
        case .range(let lower, let upper):
            return (lower.map { value >= $0 } ?? true) && (upper.map { value <= $0 } ?? true)
        case .comparison(let comparison, let operand):
            return comparison.holds(value, operand)
        }
    }

    /// The interval the predicate accepts, each end with whether it is included
    /// (`nil`: unbounded on that side). Useful for index range scans.
    public var bounds: (lower: (value: Double, inclusive: Bool)?, upper: (value: Double, inclusive: Bool)?) {
        switch self {
        case .range(let lower, let upper):
            return (lower.map { ($0, true) }, upper.map { ($0, true) })
        case .comparison(let comparison, let operand):
            switch comparison {
            case .less: return (nil, (operand, false))
            case .lessOrEqual: return (nil, (operand, true))
            case .greater: return ((operand, false), nil)
            case .greaterOrEqual: return ((operand, true), nil)
            case .equal: return ((operand, true), (operand, true))
            }
        }
    }
}

/// The comparison operators of the query language, spelt as in the query.
public enum ComparisonOperator: String, Sendable, Hashable, CaseIterable {
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
    case equal = "="

    func holds<T: Comparable>(_ value: T, _ operand: T) -> Bool {
        switch self {
        case .less: value < operand
        case .lessOrEqual: value <= operand
        case .greater: value > operand
        case .greaterOrEqual: value >= operand
        case .equal: value == operand
        }
    }
}
