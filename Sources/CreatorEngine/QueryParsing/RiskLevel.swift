/// A creator's fraud-risk level, as `risk:` names it (`low < medium < high`).
public enum RiskLevel: String, Sendable, Hashable, CaseIterable, Comparable {
    case low, medium, high

    public static func < (lhs: RiskLevel, rhs: RiskLevel) -> Bool {
        (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
    }
}
