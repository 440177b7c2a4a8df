/// The engagement rate derived when the provider gives none (`engagement_rate` absent), by
/// the platform's documented rule (`Platform.engagementBasis`):
///
/// - follower-feed platforms: `(avg_likes + avg_comments) / followers`, needs `followers > 0`;
/// - view-driven platforms: `(avg_likes + avg_comments + avg_shares) / avg_views`, needs
///   `avg_views > 0`; a missing `avg_shares` counts 0 (the dump format says so);
/// - platform `other`: unknown.
///
/// `avg_likes` and `avg_comments` must both be known: a missing optional value is unknown,
/// never zero, and only `avg_shares` has a stated default. A derived rate may exceed 1 (a
/// viral creator), unlike a provided one.
public enum DerivedEngagement {
    public static func rate(platform: Platform, followers: Int64, avgLikes: Double?, avgComments: Double?,
                            avgViews: Double?, avgShares: Double?) -> Double? {
        guard let likes = avgLikes, let comments = avgComments else { return nil }
        switch platform.engagementBasis {
        case .followers:
            guard followers > 0 else { return nil }
            return (likes + comments) / Double(followers)
        case .views:
            guard let views = avgViews, views > 0 else { return nil }
            return (likes + comments + (avgShares ?? 0)) / views
        case .none:
            return nil
        }
    }

    /// The rule applied to a profile's own fields (ignores its `engagementRate`).
    public static func rate(for profile: CreatorProfile) -> Double? {
        rate(platform: profile.platform, followers: profile.followers, avgLikes: profile.avgLikes,
             avgComments: profile.avgComments, avgViews: profile.avgViews, avgShares: profile.avgShares)
    }
}
