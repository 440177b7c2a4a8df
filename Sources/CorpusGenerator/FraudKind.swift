/// The kinds of fraud and risk the generator injects, each as a realistic pattern in the
/// profile (see `FraudInjection`), and written by these names in the labels file.
public enum FraudKind: String, CaseIterable, Sendable, Comparable {
    /// A sudden jump of 30–200% in one step of `follower_history`, engagement not rising with it.
    case boughtFollowers = "bought_followers"
    /// Engagement 8–25% of what peers of the same platform and size get.
    case lowEngagement = "low_engagement"
    /// Engagement pods: engagement 3–7× peers, and/or a comments-to-likes ratio 8–20× normal.
    case engagementAnomaly = "engagement_anomaly"
    /// Audience credibility 0.2–0.5.
    case lowCredibility = "low_credibility"
    /// Most of the audience (55–80%) in one unrelated country and its language.
    case audienceMismatch = "audience_mismatch"
    /// Following 0.8–1.25× followers, with at least 1,500 followers.
    case followForFollow = "follow_for_follow"
    /// Two or more deals where the creator took product or payment and went silent.
    case ghostingHistory = "ghosting_history"
    /// Two or more disputes.
    case disputes = "disputes"
    /// Late on 40–80% of at least six completed deals.
    case lateDelivery = "late_delivery"
    /// A `blacklisted` record.
    case blacklisted = "blacklisted"
    /// `updated_at` more than a year before the reference date (400–1,000 days).
    case staleData = "stale_data"

    public static func < (lhs: FraudKind, rhs: FraudKind) -> Bool {
        (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
    }

    /// Relative frequency among fraudulent creators.
    var weight: Double {
        switch self {
        case .boughtFollowers: 16
        case .lowEngagement: 12
        case .engagementAnomaly: 10
        case .lowCredibility: 10
        case .audienceMismatch: 8
        case .followForFollow: 7
        case .ghostingHistory: 9
        case .disputes: 6
        case .lateDelivery: 8
        case .blacklisted: 6
        case .staleData: 8
        }
    }

    /// Kinds that cannot describe the same creator (engagement cannot be both far below and far above peers).
    func conflicts(with other: FraudKind) -> Bool {
        (self == .lowEngagement && other == .engagementAnomaly) || (self == .engagementAnomaly && other == .lowEngagement)
    }
}
