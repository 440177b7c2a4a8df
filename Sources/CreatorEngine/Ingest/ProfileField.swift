/// The top-level fields of a dump line that the engine reads (any other field is ignored).
enum ProfileField: Int, CaseIterable {
    case id, platform, handle, name, bio, country, city, languages, categories, hashtags, recentPosts
    case followers, following, postsCount, avgLikes, avgComments, avgViews, avgShares, engagementRate
    case followerHistory, audience, price, collaborations, commerce, blacklisted, contactAvailable, updatedAt

    /// The field's name in the dump.
    var name: String {
        switch self {
        case .id: "id"
        case .platform: "platform"
        case .handle: "handle"
        case .name: "name"
        case .bio: "bio"
        case .country: "country"
        case .city: "city"
        case .languages: "languages"
        case .categories: "categories"
        case .hashtags: "hashtags"
        case .recentPosts: "recent_posts"
        case .followers: "followers"
        case .following: "following"
        case .postsCount: "posts_count"
        case .avgLikes: "avg_likes"
        case .avgComments: "avg_comments"
        case .avgViews: "avg_views"
        case .avgShares: "avg_shares"
        case .engagementRate: "engagement_rate"
        case .followerHistory: "follower_history"
        case .audience: "audience"
        case .price: "price"
        case .collaborations: "collaborations"
        case .commerce: "commerce"
        case .blacklisted: "blacklisted"
        case .contactAvailable: "contact_available"
        case .updatedAt: "updated_at"
        }
    }

    var isRequired: Bool { self == .id || self == .platform || self == .handle || self == .followers }

    /// A bit of its own, to notice a field given twice.
    var bit: UInt32 { 1 << UInt32(rawValue) }

    /// The field a key names, by length then bytes (no string is made).
    @inline(__always)
    static func named(_ key: UnsafeRawBufferPointer) -> ProfileField? {
        switch key.count {
        case 2: return key.equals("id") ? .id : nil
        case 3: return key.equals("bio") ? .bio : nil
        case 4: return key.equals("name") ? .name : key.equals("city") ? .city : nil
        case 5: return key.equals("price") ? .price : nil
        case 6: return key.equals("handle") ? .handle : nil
        case 7: return key.equals("country") ? .country : nil
        case 8:
            if key.equals("platform") { return .platform }
            if key.equals("hashtags") { return .hashtags }
            if key.equals("audience") { return .audience }
            return key.equals("commerce") ? .commerce : nil
        case 9:
            if key.equals("followers") { return .followers }
            if key.equals("following") { return .following }
            if key.equals("languages") { return .languages }
            if key.equals("avg_likes") { return .avgLikes }
            return key.equals("avg_views") ? .avgViews : nil
        case 10:
            if key.equals("categories") { return .categories }
            if key.equals("avg_shares") { return .avgShares }
            return key.equals("updated_at") ? .updatedAt : nil
        case 11: return key.equals("posts_count") ? .postsCount : key.equals("blacklisted") ? .blacklisted : nil
        case 12: return key.equals("recent_posts") ? .recentPosts : key.equals("avg_comments") ? .avgComments : nil
        case 14: return key.equals("collaborations") ? .collaborations : nil
        case 15: return key.equals("engagement_rate") ? .engagementRate : nil
        case 16: return key.equals("follower_history") ? .followerHistory : nil
        case 17: return key.equals("contact_available") ? .contactAvailable : nil
        default: return nil
        }
    }
}
