/// A validated creator profile: one accepted dump line, with the values the engine
/// derives from it (tier, engagement, growth, USD price, renormalised audience).
///
/// Optional properties are unknown when `nil`, never zero: a numeric filter never
/// matches an unknown value (see `profile-dump.md`, "Derived values and unknowns").
public struct CreatorProfile: Sendable, Equatable {
    public var id: String
    public var platform: Platform
    /// The public handle, without `@`.
    public var handle: String
    public var name: String?
    public var bio: String?
    /// ISO 3166-1 alpha-2, upper-case.
    public var country: String?
    public var city: String?
    /// BCP 47 primary subtags, lower-case.
    public var languages: [String]
    /// Taxonomy slugs and free tags, lower-case.
    public var categories: [String]
    /// Hashtags as given, without a leading `#`.
    public var hashtags: [String]
    public var recentPosts: [Post]

    public var followers: Int64
    public var following: Int64?
    public var postsCount: Int64?
    public var avgLikes: Double?
    public var avgComments: Double?
    public var avgViews: Double?
    public var avgShares: Double?

    /// As the provider gave it, else derived by the platform's rule; `nil` when unknown.
    public var engagementRate: Double?
    /// Whether `engagementRate` came from the provider (`true`) or was derived.
    public var engagementRateProvided: Bool

    public var followerHistory: [HistoryPoint]
    public var audience: Audience?
    public var price: Price?
    public var collaborations: Collaborations?
    public var commerce: Commerce?
    public var blacklisted: Blacklisting?
    public var contactAvailable: Bool?
    /// When the provider last refreshed the profile; decides between duplicates.
    public var updatedAt: Timestamp?

    public init(id: String, platform: Platform, handle: String, followers: Int64) {
        self.id = id
        self.platform = platform
        self.handle = handle
        self.followers = followers
        self.languages = []
        self.categories = []
        self.hashtags = []
        self.recentPosts = []
        self.engagementRateProvided = false
        self.followerHistory = []
    }

    /// Derived from `followers`.
    public var tier: Tier { Tier(followers: followers) }

    /// `(last - first) / first` over `followerHistory`; unknown with fewer than two
    /// points or a first value of 0.
    public var growth: Double? { HistoryPoint.growth(over: followerHistory) }
}

/// One recent post.
public struct Post: Sendable, Equatable {
    public var caption: String?
    public var postedAt: Timestamp?
    public var likes: Int64?
    public var comments: Int64?
    public var views: Int64?
    public var shares: Int64?
    public var sponsored: Bool?

    public init(caption: String? = nil, postedAt: Timestamp? = nil, likes: Int64? = nil, comments: Int64? = nil,
                views: Int64? = nil, shares: Int64? = nil, sponsored: Bool? = nil) {
        self.caption = caption
        self.postedAt = postedAt
        self.likes = likes
        self.comments = comments
        self.views = views
        self.shares = shares
        self.sponsored = sponsored
    }
}

/// A follower count on a day.
public struct HistoryPoint: Sendable, Equatable {
    public var date: Timestamp
    public var followers: Int64
    public init(date: Timestamp, followers: Int64) {
        self.date = date
        self.followers = followers
    }

    /// `(last - first) / first` over a history; unknown with fewer than two points or a
    /// first value of 0.
    public static func growth(over history: [HistoryPoint]) -> Double? {
        guard history.count >= 2, let first = history.first, let last = history.last, first.followers > 0 else { return nil }
        return Double(last.followers - first.followers) / Double(first.followers)
    }
}

/// Who follows a creator. Each distribution is renormalised; `nil` means unknown.
public struct Audience: Sendable, Equatable {
    public var countries: Distribution?
    public var languages: Distribution?
    public var genders: Distribution?
    public var ages: Distribution?
    public var interests: Distribution?
    /// The provider's estimate of the share of real, active followers, 0–1.
    public var credibility: Double?
    /// Ids of a random sample of followers, hashed to 64 bits (strings and integers
    /// alike), the basis for audience-overlap sketches.
    public var sample: [UInt64]

    public init() { sample = [] }
}

/// A creator's quoted prices.
public struct Price: Sendable, Equatable {
    /// ISO 4217 code, upper-case, as given.
    public var currency: String
    public var perPost: Double?
    public var perVideo: Double?
    public var perLive: Double?
    /// The per-post price, else the per-video price, in USD; `nil` when neither is
    /// given or the currency has no rate.
    public var usd: Double?

    public init(currency: String, perPost: Double? = nil, perVideo: Double? = nil, perLive: Double? = nil, usd: Double? = nil) {
        self.currency = currency
        self.perPost = perPost
        self.perVideo = perVideo
        self.perLive = perLive
        self.usd = usd
    }
}

/// Track record with brands.
public struct Collaborations: Sendable, Equatable {
    public var completed: Int64?
    public var late: Int64?
    /// Deals where the creator took product or payment and went silent (跑单/失联).
    public var ghosted: Int64?
    public var disputes: Int64?
    public var brands: [String]
    public init(completed: Int64? = nil, late: Int64? = nil, ghosted: Int64? = nil, disputes: Int64? = nil, brands: [String] = []) {
        self.completed = completed
        self.late = late
        self.ghosted = ghosted
        self.disputes = disputes
        self.brands = brands
    }
}

/// Shop performance (TikTok Shop, Douyin).
public struct Commerce: Sendable, Equatable {
    public var gmv30dUSD: Double?
    public var unitsSold30d: Int64?
    /// GMV per 1,000 views, USD.
    public var gpmUSD: Double?
    public var sampleFulfilmentRate: Double?
    public var responseRate: Double?
    public init() {}
}

/// A marketplace's or the user's own blacklisting of a creator.
public struct Blacklisting: Sendable, Equatable {
    public var reason: String?
    public var source: String?
    public var since: Timestamp?
    public init(reason: String? = nil, source: String? = nil, since: Timestamp? = nil) {
        self.reason = reason
        self.source = source
        self.since = since
    }
}
