/// The social platforms a dump may name (`platform` in the dump format).
public enum Platform: String, Sendable, CaseIterable, Codable, Hashable {
    case tiktok, instagram, youtube, twitch, x, facebook, kuaishou, douyin, xiaohongshu, bilibili, other

    /// How the platform's engagement rate is derived when the provider gives none.
    public enum EngagementBasis: Sendable {
        /// `(avg_likes + avg_comments) / followers`: follower-feed platforms.
        case followers
        /// `(avg_likes + avg_comments + avg_shares) / avg_views`: view-driven platforms.
        case views
        /// No documented rule: engagement stays unknown.
        case none
    }

    public var engagementBasis: EngagementBasis {
        switch self {
        case .instagram, .facebook, .x, .xiaohongshu: .followers
        case .tiktok, .douyin, .kuaishou, .youtube, .bilibili, .twitch: .views
        case .other: .none
        }
    }
}
