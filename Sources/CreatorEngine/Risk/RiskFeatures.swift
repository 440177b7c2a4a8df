/// Everything the risk rules judge one creator on: its `RiskSignals` and the index
/// columns they use (followers, following, credibility, `updated_at`, collaborations).
/// Assembled the same way while the index is built and when a report is asked for, so a
/// report shows exactly the numbers the flags were decided on.
public struct RiskFeatures: Sendable {
    public var signals: RiskSignals
    public var followers: Double
    public var following: Double?
    public var credibility: Double?
    /// Day (since 1970-01-01) of `updated_at`.
    public var updatedDay: Int64?
    public var completedDeals: Double?
    public var lateDeals: Double?
    public var ghostedDeals: Double?
    public var disputedDeals: Double?

    public init(signals: RiskSignals, followers: Double) {
        self.signals = signals
        self.followers = followers
    }

    /// `value(position)` gives the creator's value of `RiskFeatures.columns[position]`, NaN when unknown.
    public init(signals: RiskSignals, value: (Int) -> Double) {
        func known(_ position: Int) -> Double? {
            let number = value(position)
            return number.isNaN ? nil : number
        }
        self.init(signals: signals, followers: known(0) ?? 0)
        following = known(1)
        credibility = known(2)
        updatedDay = known(3).map { Timestamp(secondsSinceEpoch: Int64($0)).day }
        completedDeals = known(4)
        lateDeals = known(5)
        ghostedDeals = known(6)
        disputedDeals = known(7)
    }

    /// The columns `init(signals:value:)` reads, in the order of its positions.
    public static let columns: [NumericColumn] = [
        .followers, .following, .credibility, .updatedAt, .collaborationsCompleted, .collaborationsLate,
        .collaborationsGhosted, .collaborationsDisputes,
    ]

    public var tier: Tier { Tier(followers: Int64(followers)) }

    /// Engagement as the rules judge it. When the history shows a follower jump, the
    /// creator is compared with peers of its size before the jump, and on platforms whose
    /// rate divides by followers the rate is taken over those followers too: bought
    /// followers are reported once, as `bought_followers`, not again as low engagement.
    public var judgedEngagement: JudgedEngagement? {
        guard let rate = signals.engagementRateValue, rate > 0 else { return nil }
        guard let jump = signals.jump, jump.isJump, jump.growth > 0 else {
            return JudgedEngagement(rate: rate, followers: max(followers, 1), isAdjustedForJump: false)
        }
        let perFollower = signals.platform.engagementBasis != .views
        return JudgedEngagement(rate: perFollower ? rate * (1 + jump.growth) : rate,
                                followers: max(followers / (1 + jump.growth), 1), isAdjustedForJump: true)
    }

    public struct JudgedEngagement: Sendable, Equatable {
        /// The rate judged (per follower before the jump when adjusted).
        public var rate: Double
        /// The follower count the creator's size is judged by.
        public var followers: Double
        public var isAdjustedForJump: Bool
    }
}
