/// The thresholds of the risk rules and the weights of the score, in one place so that
/// `docs/risk.md` and the code cannot drift apart. Every rule needs its data: a creator
/// whose data is missing is not judged on that rule, so missing data never raises a flag.
///
/// Peer-relative rules use robust statistics of the creator's peer group (platform × tier,
/// or platform × tier × primary category when that group is large enough), computed from
/// the indexed corpus itself at build time: the median, and the spread as 1.4826 × the
/// median absolute deviation (MAD), which equals the standard deviation for normal data
/// but is not pulled by the outliers being looked for. `z = (value − median) / spread`.
public enum RiskPolicy {
    // MARK: bought_followers

    /// A history needs this many steps (points − 1) to tell a jump from its usual growth.
    public static let minimumHistorySteps = 3
    /// The jump step must add at least this share of followers at once (+20%).
    public static let jumpMinimumGrowth = 0.20
    /// ... and lie this many spreads above the creator's own typical weekly growth.
    public static let jumpMinimumScore = 8.0
    /// Floor of the week-to-week spread (log growth per week), so a very steady history
    /// does not turn a small wobble into a large score.
    public static let jumpSpreadFloor = 0.01

    // MARK: low_engagement, engagement_anomaly

    /// Low engagement: at most half the peers' typical rate and at least 3 spreads below.
    public static let lowEngagementRatio = 0.5
    public static let lowEngagementScore = -3.0
    /// Suspicious engagement: at least twice the peers' typical rate and 3 spreads above,
    public static let highEngagementRatio = 2.0
    public static let highEngagementScore = 3.0
    /// ... or comments per like at least 3× the peers' typical ratio and 4 spreads above.
    public static let commentsPerLikeRatio = 3.0
    public static let commentsPerLikeScore = 4.0
    /// Comments per like is measured only with at least this many likes a post (fewer is noise).
    public static let commentsPerLikeMinimumLikes = 10.0

    // MARK: low_credibility

    /// The provider's credibility at or below this: half or fewer of the followers are real.
    public static let credibilityThreshold = 0.5
    /// ... or this many spreads below the peers (for providers whose scale differs).
    public static let credibilityScore = -5.0

    // MARK: audience_mismatch

    /// At most this share of the audience in the creator's own country,
    public static let mismatchHomeShare = 0.2
    /// ... at least this share in a single other country,
    public static let mismatchForeignShare = 0.4
    /// ... and, when the audience's languages are known, less than this share using the
    /// creator's primary content language (a foreign audience that speaks it fits).
    public static let mismatchLanguageShare = 0.5

    // MARK: follow_for_follow

    /// Follows at least this many accounts,
    public static let followForFollowMinimumFollowing = 1_000.0
    /// ... and at least this many per follower.
    public static let followForFollowRatio = 0.7

    // MARK: collaborations

    /// Deals ghosted (跑单/失联): one can be a misunderstanding, two are a pattern.
    public static let ghostedDeals = 2
    /// Deals in dispute.
    public static let disputedDeals = 2
    /// Late deliveries: at least this many, and at least this share of completed deals.
    public static let lateDeals = 3
    public static let lateShare = 0.3

    // MARK: stale_data

    /// Days between the profile's `updated_at` and the index's as-of date (the newest
    /// `updated_at` in the corpus, never the clock, so a build is reproducible).
    public static let staleDays = 365

    // MARK: peer groups

    /// A platform × tier × category group is used when it has at least this many values.
    public static let categoryGroupMinimum = 500
    /// Any other group (platform × tier, platform, all creators) needs at least this many.
    public static let groupMinimum = 30

    // MARK: score and level

    /// The most a flag adds to the score, at full strength. A flag counts from 75% of
    /// its weight at its threshold to 100% when far past it (see `RiskRules`); flags
    /// combine like independent chances: `score = 100 × (1 − Π (1 − weight_i / 100))`.
    public static func weight(of flag: RiskFlag) -> Double {
        switch flag {
        case .blacklisted: 70
        case .ghostingHistory: 60
        case .boughtFollowers: 50
        case .lowCredibility: 45
        case .engagementAnomaly: 45
        case .disputes: 40
        case .followForFollow: 35
        case .audienceMismatch: 35
        case .lowEngagement: 35
        case .lateDelivery: 35
        case .staleData: 15
        }
    }

    /// A flag at its threshold counts this share of its weight; the rest grows with strength.
    public static let baseStrength = 0.75

    /// Scores from this up are `medium`.
    public static let mediumScore = 25.0
    /// Scores from this up are `high`.
    public static let highScore = 50.0

    public static func level(score: Double) -> RiskLevel {
        score >= highScore ? .high : score >= mediumScore ? .medium : .low
    }
}
