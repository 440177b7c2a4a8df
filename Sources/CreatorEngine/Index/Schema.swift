/// What the index holds for each creator, by kind of access. The query language's
/// qualifiers map onto these (see `query-dsl.md`).

/// Analysed text, searchable by words and phrases (inverted index with positions).
public enum TextField: String, CaseIterable, Sendable {
    case name, handle, bio, hashtags, captions
}

/// Exact-match keywords, each with a sorted list of the creators that carry it.
public enum Facet: String, CaseIterable, Sendable {
    /// `Platform.rawValue`.
    case platform
    /// ISO code, upper-case.
    case country
    /// Content language, lower-case primary subtag.
    case language
    /// Taxonomy slugs and free tags, folded like text.
    case category
    /// The profile's hashtags and those written in its captions, folded like text, without `#`.
    case hashtag
    /// `Tier.rawValue`.
    case tier
}

/// Per-creator numbers, `nan` where unknown.
public enum NumericColumn: String, CaseIterable, Sendable {
    case followers, following
    case postsCount = "posts_count"
    case engagementRate = "er"
    case avgLikes = "avg_likes"
    case avgComments = "avg_comments"
    case views
    case avgShares = "avg_shares"
    case growth
    /// Per-post (else per-video) price in USD.
    case price
    case credibility
    case gmv
    case gpm
    case sampleFulfilmentRate = "sample_fulfilment_rate"
    case responseRate = "response_rate"
    /// Seconds since the epoch.
    case updatedAt = "updated_at"
    case collaborationsCompleted = "collab_completed"
    case collaborationsLate = "collab_late"
    case collaborationsGhosted = "collab_ghosted"
    case collaborationsDisputes = "collab_disputes"
    /// Number of follower ids in `audience.sample`, the size the overlap sketch was built from.
    case sampleSize = "sample_size"

    /// The column's value for a profile, `nil` when unknown.
    public func value(of profile: CreatorProfile) -> Double? {
        switch self {
        case .followers: Double(profile.followers)
        case .following: profile.following.map(Double.init)
        case .postsCount: profile.postsCount.map(Double.init)
        case .engagementRate: profile.engagementRate
        case .avgLikes: profile.avgLikes
        case .avgComments: profile.avgComments
        case .views: profile.avgViews
        case .avgShares: profile.avgShares
        case .growth: profile.growth
        case .price: profile.price?.usd
        case .credibility: profile.audience?.credibility
        case .gmv: profile.commerce?.gmv30dUSD
        case .gpm: profile.commerce?.gpmUSD
        case .sampleFulfilmentRate: profile.commerce?.sampleFulfilmentRate
        case .responseRate: profile.commerce?.responseRate
        case .updatedAt: profile.updatedAt.map { Double($0.secondsSinceEpoch) }
        case .collaborationsCompleted: profile.collaborations?.completed.map(Double.init)
        case .collaborationsLate: profile.collaborations?.late.map(Double.init)
        case .collaborationsGhosted: profile.collaborations?.ghosted.map(Double.init)
        case .collaborationsDisputes: profile.collaborations?.disputes.map(Double.init)
        case .sampleSize: profile.audience.flatMap { $0.sample.isEmpty ? nil : Double($0.sample.count) }
        }
    }
}

/// The audience distributions, each held both per creator (forward) and per key (inverted).
public enum AudienceDimension: String, CaseIterable, Sendable {
    case countries, languages, genders, ages, interests

    public func distribution(of audience: Audience?) -> Distribution? {
        guard let audience else { return nil }
        switch self {
        case .countries: return audience.countries
        case .languages: return audience.languages
        case .genders: return audience.genders
        case .ages: return audience.ages
        case .interests: return audience.interests
        }
    }
}
