/// One kind of fraud or delivery risk the engine judges every creator on, at index time.
/// The raw values are the names `flag:` accepts (`QueryVocabulary.flagNames`) and the
/// names of the generator's labels. `docs/risk.md` gives each rule and threshold.
public enum RiskFlag: String, CaseIterable, Sendable, Hashable, Comparable {
    /// A sudden jump in `follower_history`, out of line with the creator's own growth.
    case boughtFollowers = "bought_followers"
    /// Engagement rate far below creators of the same platform, tier and size.
    case lowEngagement = "low_engagement"
    /// Engagement far above peers, or comments far out of proportion to likes.
    case engagementAnomaly = "engagement_anomaly"
    /// Few real, active followers by the provider's estimate.
    case lowCredibility = "low_credibility"
    /// The audience lives elsewhere and speaks another language than the creator.
    case audienceMismatch = "audience_mismatch"
    /// Follows about as many accounts as follow them, in the thousands.
    case followForFollow = "follow_for_follow"
    /// Took product or payment and went silent (跑单/失联) on two or more deals.
    case ghostingHistory = "ghosting_history"
    /// Two or more disputes with brands.
    case disputes = "disputes"
    /// Late on a large share of deals.
    case lateDelivery = "late_delivery"
    /// Blacklisted by a marketplace or the user's own team.
    case blacklisted = "blacklisted"
    /// The profile has not been refreshed for over a year.
    case staleData = "stale_data"

    /// Position in `allCases`: the flag's bit in `RiskFlags`.
    public var position: Int {
        switch self {
        case .boughtFollowers: 0
        case .lowEngagement: 1
        case .engagementAnomaly: 2
        case .lowCredibility: 3
        case .audienceMismatch: 4
        case .followForFollow: 5
        case .ghostingHistory: 6
        case .disputes: 7
        case .lateDelivery: 8
        case .blacklisted: 9
        case .staleData: 10
        }
    }

    public static func < (lhs: RiskFlag, rhs: RiskFlag) -> Bool { lhs.position < rhs.position }

    /// A short title in words a marketer uses.
    public var title: String {
        switch self {
        case .boughtFollowers: "Bought followers"
        case .lowEngagement: "Low engagement"
        case .engagementAnomaly: "Suspicious engagement"
        case .lowCredibility: "Low audience credibility"
        case .audienceMismatch: "Audience does not fit"
        case .followForFollow: "Follow-for-follow"
        case .ghostingHistory: "Ghosted brands"
        case .disputes: "Disputes with brands"
        case .lateDelivery: "Late delivery"
        case .blacklisted: "Blacklisted"
        case .staleData: "Stale data"
        }
    }
}
