import Foundation

/// Engagement that falls with follower count and depends on the platform (see
/// `EngagementProfile`), with per-creator variation bounded to 0.55–1.8× the peer median so
/// that the `low_engagement` (0.08–0.25×) and `engagement_anomaly` (3–7×, or comments 8–20×
/// the usual share of likes) patterns stand apart from clean creators.
struct EngagementTargets: Sendable {
    /// Expected per-post values for a typical (non-sponsored) post.
    var views: Double
    var likes: Double
    var comments: Double
    var shares: Double

    static func draw(platform: SyntheticPlatform, organicFollowers: Double, plan: FraudPlan,
                     random: inout SplitMix64) -> EngagementTargets {
        let model = platform.engagement
        var quality = exp(0.3 * random.clippedNormal(limit: 2))
        var commentFactor = exp(0.3 * random.clippedNormal(limit: 2))
        if plan.has(.lowEngagement) {
            quality = random.uniform(0.08...0.25)
        }
        if plan.has(.engagementAnomaly) {
            switch random.below(3) {
            case 0: quality = random.uniform(3...7)
            case 1: commentFactor = random.uniform(8...20)
            default:
                quality = random.uniform(3...7)
                commentFactor = random.uniform(8...20)
            }
        }
        let rate = min(0.9, model.peerRate(followers: organicFollowers) * quality)
        let views = model.peerViews(followers: organicFollowers) * exp(0.45 * random.clippedNormal(limit: 2.5))
        let interactions = platform.isViewDriven ? views * rate : organicFollowers * rate
        let commentsPerLike = model.commentsPerLike * commentFactor
        let sharesPerLike = model.sharesPerLike * exp(0.4 * random.clippedNormal(limit: 2))
        let likes = interactions / (1 + commentsPerLike + sharesPerLike)
        return EngagementTargets(views: max(views, interactions * 1.05), likes: likes, comments: likes * commentsPerLike,
                                 shares: likes * sharesPerLike)
    }
}

/// Days between posts, typical for the platform.
extension SyntheticPlatform {
    var daysBetweenPosts: Double {
        switch self {
        case .tiktok, .douyin, .kuaishou: 1.6
        case .instagram, .xiaohongshu: 3
        case .youtube, .bilibili: 6.5
        case .twitch: 2.2
        case .x: 0.7
        case .facebook: 2
        case .other: 3
        }
    }
}
