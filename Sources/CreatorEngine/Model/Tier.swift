/// Follower tiers, derived from `followers` (never stored in a dump).
public enum Tier: String, Sendable, CaseIterable, Codable, Comparable, Hashable {
    case nano, micro, mid, macro, mega

    /// The tier of a creator with `followers` followers.
    public init(followers: Int64) {
        switch followers {
        case ..<10_000: self = .nano
        case ..<50_000: self = .micro
        case ..<500_000: self = .mid
        case ..<1_000_000: self = .macro
        default: self = .mega
        }
    }

    /// The follower counts of the tier, `lower..<upper`.
    public var followerRange: Range<Double> {
        switch self {
        case .nano: 0..<10_000
        case .micro: 10_000..<50_000
        case .mid: 50_000..<500_000
        case .macro: 500_000..<1_000_000
        case .mega: 1_000_000..<Double.infinity
        }
    }

    public var rank: Int { Tier.allCases.firstIndex(of: self) ?? 0 }

    public static func < (lhs: Tier, rhs: Tier) -> Bool { lhs.rank < rhs.rank }
}
