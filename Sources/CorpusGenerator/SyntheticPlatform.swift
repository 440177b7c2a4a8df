import Foundation

/// The dump format's platforms, with the generator's model of each: how common it is per
/// market, how big its creators get, and how its engagement behaves.
enum SyntheticPlatform: Int, CaseIterable, Sendable {
    case tiktok, instagram, youtube, twitch, x, facebook, kuaishou, douyin, xiaohongshu, bilibili, other

    var name: String {
        switch self {
        case .tiktok: "tiktok"
        case .instagram: "instagram"
        case .youtube: "youtube"
        case .twitch: "twitch"
        case .x: "x"
        case .facebook: "facebook"
        case .kuaishou: "kuaishou"
        case .douyin: "douyin"
        case .xiaohongshu: "xiaohongshu"
        case .bilibili: "bilibili"
        case .other: "other"
        }
    }

    /// Whether the dump's engagement rule for the platform divides by views (else by followers).
    var isViewDriven: Bool {
        switch self {
        case .tiktok, .douyin, .kuaishou, .youtube, .bilibili, .twitch: true
        case .instagram, .facebook, .x, .xiaohongshu, .other: false
        }
    }

    /// Platforms with a shop whose numbers providers report (`commerce`).
    var hasShop: Bool { self == .tiktok || self == .douyin || self == .kuaishou }

    /// Weights of platforms among creators of a market.
    static func weights(for market: Country.Market) -> WeightedTable<SyntheticPlatform> {
        switch market {
        case .global: globalWeights
        case .china: chinaWeights
        case .greaterChina: greaterChinaWeights
        case .japan: japanWeights
        case .korea: koreaWeights
        case .russia: russiaWeights
        case .southeastAsia: southeastAsiaWeights
        case .brazil: brazilWeights
        case .india: indiaWeights
        case .mena: menaWeights
        case .latam: latamWeights
        }
    }

    private static let globalWeights = WeightedTable<SyntheticPlatform>([
        (.tiktok, 32), (.instagram, 32), (.youtube, 22), (.twitch, 5), (.x, 4), (.facebook, 4), (.other, 1)])
    private static let chinaWeights = WeightedTable<SyntheticPlatform>([
        (.douyin, 32), (.xiaohongshu, 26), (.bilibili, 16), (.kuaishou, 14), (.other, 9), (.youtube, 1), (.tiktok, 1)])
    private static let greaterChinaWeights = WeightedTable<SyntheticPlatform>([
        (.instagram, 34), (.youtube, 28), (.facebook, 16), (.tiktok, 12), (.xiaohongshu, 4), (.twitch, 4), (.x, 2)])
    private static let japanWeights = WeightedTable<SyntheticPlatform>([
        (.youtube, 28), (.instagram, 26), (.tiktok, 20), (.x, 16), (.twitch, 4), (.other, 4), (.facebook, 2)])
    private static let koreaWeights = WeightedTable<SyntheticPlatform>([
        (.youtube, 35), (.instagram, 35), (.tiktok, 18), (.other, 7), (.twitch, 3), (.facebook, 2)])
    private static let russiaWeights = WeightedTable<SyntheticPlatform>([
        (.youtube, 26), (.tiktok, 26), (.instagram, 14), (.other, 28), (.twitch, 6)])
    private static let southeastAsiaWeights = WeightedTable<SyntheticPlatform>([
        (.tiktok, 40), (.instagram, 24), (.youtube, 21), (.facebook, 11), (.xiaohongshu, 1), (.other, 3)])
    private static let brazilWeights = WeightedTable<SyntheticPlatform>([
        (.instagram, 38), (.tiktok, 30), (.youtube, 20), (.kuaishou, 4), (.twitch, 3), (.x, 3), (.facebook, 2)])
    private static let indiaWeights = WeightedTable<SyntheticPlatform>([
        (.instagram, 46), (.youtube, 40), (.other, 7), (.facebook, 5), (.x, 2)])
    private static let menaWeights = WeightedTable<SyntheticPlatform>([
        (.tiktok, 30), (.instagram, 30), (.youtube, 20), (.x, 10), (.other, 7), (.facebook, 3)])
    private static let latamWeights = WeightedTable<SyntheticPlatform>([
        (.tiktok, 33), (.instagram, 31), (.youtube, 20), (.facebook, 8), (.twitch, 4), (.x, 3), (.other, 1)])

    /// Shift of log10(followers) against the typical creator (some platforms' creators are bigger).
    var followerScaleShift: Double {
        switch self {
        case .tiktok: 0.05
        case .instagram: 0
        case .youtube: 0.1
        case .twitch: -0.35
        case .x: -0.1
        case .facebook: 0.1
        case .kuaishou: 0.25
        case .douyin: 0.3
        case .xiaohongshu: -0.05
        case .bilibili: 0.05
        case .other: -0.2
        }
    }

    /// The engagement model of the platform (see `EngagementModel`).
    var engagement: EngagementProfile {
        switch self {
        case .tiktok: EngagementProfile(rateAt10k: 0.075, rateDecay: 0.05, viewsPerFollowerAt10k: 0.65, viewDecay: 0.12,
                                        commentsPerLike: 0.022, sharesPerLike: 0.045)
        case .douyin: EngagementProfile(rateAt10k: 0.06, rateDecay: 0.05, viewsPerFollowerAt10k: 0.55, viewDecay: 0.12,
                                        commentsPerLike: 0.03, sharesPerLike: 0.05)
        case .kuaishou: EngagementProfile(rateAt10k: 0.055, rateDecay: 0.05, viewsPerFollowerAt10k: 0.6, viewDecay: 0.1,
                                          commentsPerLike: 0.04, sharesPerLike: 0.04)
        case .youtube: EngagementProfile(rateAt10k: 0.045, rateDecay: 0.06, viewsPerFollowerAt10k: 0.25, viewDecay: 0.15,
                                         commentsPerLike: 0.05, sharesPerLike: 0.01)
        case .bilibili: EngagementProfile(rateAt10k: 0.07, rateDecay: 0.06, viewsPerFollowerAt10k: 0.3, viewDecay: 0.12,
                                          commentsPerLike: 0.06, sharesPerLike: 0.03)
        case .twitch: EngagementProfile(rateAt10k: 0.05, rateDecay: 0.05, viewsPerFollowerAt10k: 0.09, viewDecay: 0.1,
                                        commentsPerLike: 0.6, sharesPerLike: 0.01)
        case .instagram: EngagementProfile(rateAt10k: 0.028, rateDecay: 0.2, viewsPerFollowerAt10k: 0.35, viewDecay: 0.1,
                                           commentsPerLike: 0.025, sharesPerLike: 0.02)
        case .facebook: EngagementProfile(rateAt10k: 0.012, rateDecay: 0.15, viewsPerFollowerAt10k: 0.12, viewDecay: 0.1,
                                          commentsPerLike: 0.08, sharesPerLike: 0.1)
        case .x: EngagementProfile(rateAt10k: 0.009, rateDecay: 0.15, viewsPerFollowerAt10k: 0.2, viewDecay: 0.1,
                                   commentsPerLike: 0.1, sharesPerLike: 0.2)
        case .xiaohongshu: EngagementProfile(rateAt10k: 0.035, rateDecay: 0.2, viewsPerFollowerAt10k: 0.4, viewDecay: 0.1,
                                             commentsPerLike: 0.08, sharesPerLike: 0.05)
        case .other: EngagementProfile(rateAt10k: 0.02, rateDecay: 0.15, viewsPerFollowerAt10k: 0.2, viewDecay: 0.1,
                                       commentsPerLike: 0.05, sharesPerLike: 0.03)
        }
    }
}

/// A platform's engagement behaviour: the typical engagement rate at 10,000 followers and
/// how it falls with size (rate ∝ (followers/10k)^-decay), typical views per follower, and
/// the mix of likes, comments and shares.
struct EngagementProfile: Sendable {
    /// Median rate at 10k followers: per view for view-driven platforms, per follower otherwise.
    let rateAt10k: Double
    let rateDecay: Double
    let viewsPerFollowerAt10k: Double
    let viewDecay: Double
    let commentsPerLike: Double
    let sharesPerLike: Double

    /// The peer median rate for a creator of `followers`.
    func peerRate(followers: Double) -> Double {
        rateAt10k * pow(max(followers, 100) / 10_000, -rateDecay)
    }

    /// The peer median views per post for a creator of `followers`.
    func peerViews(followers: Double) -> Double {
        followers * viewsPerFollowerAt10k * pow(max(followers, 100) / 10_000, -viewDecay)
    }
}
