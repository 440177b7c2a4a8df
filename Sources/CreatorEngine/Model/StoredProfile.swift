/// The display form of a profile, kept in the index's document store and returned by
/// `creators get` and the server's `GET`: the dump's fields under the dump's names, plus
/// what the engine derived (`tier`, `engagement_rate_derived`, `growth`, `price.usd`,
/// renormalised audience shares, `audience.sample_size` in place of the sample ids).
public enum StoredProfile {
    public static func json(_ profile: CreatorProfile) -> [UInt8] {
        var json = JSONWriter(reservingCapacity: 2048)
        writeHead(id: profile.id, platform: profile.platform, handle: profile.handle, into: &json)
        writeDescription(profile, into: &json)
        writeCounts(ProfileCounts(profile), into: &json)
        writeHistory(profile.followerHistory, into: &json)
        if let audience = profile.audience { write(AudienceDisplay(audience), into: &json) }
        writeDealings(profile, into: &json)
        writePosts(profile.recentPosts, into: &json)
        json.endObject()
        return json.bytes
    }

    // The display JSON is written in parts, in this order, so that the document store can
    // keep each part in the form that suits it, or leave it to the index's other sections
    // (`StoredRecord`), and render it back through the same function.

    /// The object's opening, `id`, `platform` and `handle` (the object stays open).
    static func writeHead(id: String, platform: Platform, handle: String, into json: inout JSONWriter) {
        json.beginObject()
        json.field("id", id)
        json.field("platform", platform.rawValue)
        json.field("handle", handle)
    }

    /// The descriptive fields, `name` through `hashtags`.
    static func writeDescription(_ profile: CreatorProfile, into json: inout JSONWriter) {
        json.field("name", profile.name)
        json.field("bio", profile.bio)
        json.field("country", profile.country)
        json.field("city", profile.city)
        json.field("languages", profile.languages)
        json.field("categories", profile.categories)
        json.field("hashtags", profile.hashtags)
    }

    /// The counts and engagement, `followers` through `engagement_rate_derived`.
    static func writeCounts(_ counts: ProfileCounts, into json: inout JSONWriter) {
        json.field("followers", counts.followers)
        json.field("tier", Tier(followers: counts.followers).rawValue)
        json.field("following", counts.following)
        json.field("posts_count", counts.postsCount)
        json.field("avg_likes", counts.avgLikes)
        json.field("avg_comments", counts.avgComments)
        json.field("avg_views", counts.avgViews)
        json.field("avg_shares", counts.avgShares)
        json.field("engagement_rate", counts.engagementRate)
        if counts.engagementRate != nil { json.field("engagement_rate_derived", counts.engagementRateDerived) }
    }

    /// `growth` (derived from the history) and `follower_history`, each only when known.
    static func writeHistory(_ history: [HistoryPoint], into json: inout JSONWriter) {
        json.field("growth", HistoryPoint.growth(over: history))
        guard !history.isEmpty else { return }
        json.key("follower_history")
        json.beginArray()
        for point in history {
            json.beginArray()
            json.value(point.date)
            json.value(point.followers)
            json.endArray()
        }
        json.endArray()
    }

    /// Every field after `audience` and before `recent_posts`: price, collaborations,
    /// commerce, blacklisting, contact and `updated_at`, each only when known.
    static func writeDealings(_ profile: CreatorProfile, into json: inout JSONWriter) {
        if let price = profile.price {
            json.key("price")
            json.beginObject()
            json.field("currency", price.currency)
            json.field("per_post", price.perPost)
            json.field("per_video", price.perVideo)
            json.field("per_live", price.perLive)
            json.field("usd", price.usd)
            json.endObject()
        }
        if let collaborations = profile.collaborations {
            json.key("collaborations")
            json.beginObject()
            json.field("completed", collaborations.completed)
            json.field("late", collaborations.late)
            json.field("ghosted", collaborations.ghosted)
            json.field("disputes", collaborations.disputes)
            json.field("brands", collaborations.brands)
            json.endObject()
        }
        if let commerce = profile.commerce {
            json.key("commerce")
            json.beginObject()
            json.field("gmv_30d_usd", commerce.gmv30dUSD)
            json.field("units_sold_30d", commerce.unitsSold30d)
            json.field("gpm_usd", commerce.gpmUSD)
            json.field("sample_fulfilment_rate", commerce.sampleFulfilmentRate)
            json.field("response_rate", commerce.responseRate)
            json.endObject()
        }
        if let blacklisted = profile.blacklisted {
            json.key("blacklisted")
            json.beginObject()
            json.field("reason", blacklisted.reason)
            json.field("source", blacklisted.source)
            json.field("since", blacklisted.since?.dateString)
            json.endObject()
        }
        json.field("contact_available", profile.contactAvailable)
        json.field("updated_at", profile.updatedAt.map(rfc3339))
    }

    /// `recent_posts` (nothing when there are none), inside the object `writeHead` opened.
    static func writePosts(_ posts: [Post], into json: inout JSONWriter) {
        if !posts.isEmpty {
            json.key("recent_posts")
            json.beginArray()
            for post in posts {
                json.beginObject()
                json.field("caption", post.caption)
                json.field("posted_at", post.postedAt.map(rfc3339))
                json.field("likes", post.likes)
                json.field("comments", post.comments)
                json.field("views", post.views)
                json.field("shares", post.shares)
                json.field("sponsored", post.sponsored)
                json.endObject()
            }
            json.endArray()
        }
    }

    /// `audience`: its known distributions with their display shares, credibility and
    /// sample size.
    static func write(_ audience: AudienceDisplay, into json: inout JSONWriter) {
        json.key("audience")
        json.beginObject()
        for (name, entries) in zip(AudienceDisplay.distributionNames, audience.distributions) {
            guard let entries else { continue }
            json.key(name)
            json.beginObject()
            for entry in entries {
                json.key(entry.key)
                json.value(entry.share)
            }
            json.endObject()
        }
        json.field("credibility", audience.credibility)
        json.field("sample_size", audience.sampleSize)
        json.endObject()
    }

    /// A date alone when the time is midnight UTC, else `YYYY-MM-DDTHH:MM:SSZ`.
    static func rfc3339(_ time: Timestamp) -> String {
        let secondsOfDay = time.secondsSinceEpoch - time.day * 86_400
        guard secondsOfDay != 0 else { return time.dateString }
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(time.dateString)T\(two(secondsOfDay / 3600)):\(two(secondsOfDay / 60 % 60)):\(two(secondsOfDay % 60))Z"
    }
}

/// The numbers of a profile's display that are also numeric columns of the index
/// (`NumericColumn`), so that a stored record can leave them to the columns.
struct ProfileCounts: Equatable {
    var followers: Int64
    var following: Int64?
    var postsCount: Int64?
    var avgLikes: Double?
    var avgComments: Double?
    var avgViews: Double?
    var avgShares: Double?
    var engagementRate: Double?
    /// Whether the index derived the engagement rate (shown only when there is one).
    var engagementRateDerived: Bool

    init(followers: Int64, following: Int64?, postsCount: Int64?, avgLikes: Double?, avgComments: Double?,
         avgViews: Double?, avgShares: Double?, engagementRate: Double?, engagementRateDerived: Bool) {
        self.followers = followers
        self.following = following
        self.postsCount = postsCount
        self.avgLikes = avgLikes
        self.avgComments = avgComments
        self.avgViews = avgViews
        self.avgShares = avgShares
        self.engagementRate = engagementRate
        self.engagementRateDerived = engagementRateDerived
    }

    init(_ profile: CreatorProfile) {
        self.init(followers: profile.followers, following: profile.following, postsCount: profile.postsCount,
                  avgLikes: profile.avgLikes, avgComments: profile.avgComments, avgViews: profile.avgViews,
                  avgShares: profile.avgShares, engagementRate: profile.engagementRate,
                  engagementRateDerived: !profile.engagementRateProvided)
    }

    /// The columns of the whole counts and of the others, in the order of `integers` and
    /// `decimals` (a stored record marks them in this order).
    static let integerColumns: [NumericColumn] = [.followers, .following, .postsCount]
    static let decimalColumns: [NumericColumn] = [.avgLikes, .avgComments, .views, .avgShares, .engagementRate]

    var integers: [Int64?] { [followers, following, postsCount] }
    var decimals: [Double?] { [avgLikes, avgComments, avgViews, avgShares, engagementRate] }

    /// The counts from `integers` and `decimals` (nil when `followers` is unknown).
    init?(integers: [Int64?], decimals: [Double?], engagementRateDerived: Bool) {
        guard integers.count == Self.integerColumns.count, decimals.count == Self.decimalColumns.count,
              let followers = integers[0] else { return nil }
        self.init(followers: followers, following: integers[1], postsCount: integers[2], avgLikes: decimals[0],
                  avgComments: decimals[1], avgViews: decimals[2], avgShares: decimals[3], engagementRate: decimals[4],
                  engagementRateDerived: engagementRateDerived)
    }
}
