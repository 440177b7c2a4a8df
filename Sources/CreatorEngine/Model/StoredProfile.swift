/// The display form of a profile, kept in the index's document store and returned by
/// `creators get` and the server's `GET`: the dump's fields under the dump's names, plus
/// what the engine derived (`tier`, `engagement_rate_derived`, `growth`, `price.usd`,
/// renormalised audience shares, `audience.sample_size` in place of the sample ids).
public enum StoredProfile {
    public static func json(_ profile: CreatorProfile) -> [UInt8] {
        var json = JSONWriter(reservingCapacity: 2048)
        writeIdentity(profile, into: &json)
        writeHistory(profile.followerHistory, into: &json)
        if let audience = profile.audience { write(AudienceDisplay(audience), into: &json) }
        writeDealings(profile, into: &json)
        writePosts(profile.recentPosts, into: &json)
        json.endObject()
        return json.bytes
    }

    // The display JSON is written in five parts, in this order, so that the document store
    // can keep each part in the form that suits it (`StoredRecord`) and render it back
    // through the same function.

    /// The object's opening and every field up to `engagement_rate_derived` (the object
    /// stays open).
    static func writeIdentity(_ profile: CreatorProfile, into json: inout JSONWriter) {
        json.beginObject()
        json.field("id", profile.id)
        json.field("platform", profile.platform.rawValue)
        json.field("handle", profile.handle)
        json.field("name", profile.name)
        json.field("bio", profile.bio)
        json.field("country", profile.country)
        json.field("city", profile.city)
        json.field("languages", profile.languages)
        json.field("categories", profile.categories)
        json.field("hashtags", profile.hashtags)
        json.field("followers", profile.followers)
        json.field("tier", profile.tier.rawValue)
        json.field("following", profile.following)
        json.field("posts_count", profile.postsCount)
        json.field("avg_likes", profile.avgLikes)
        json.field("avg_comments", profile.avgComments)
        json.field("avg_views", profile.avgViews)
        json.field("avg_shares", profile.avgShares)
        json.field("engagement_rate", profile.engagementRate)
        if profile.engagementRate != nil { json.field("engagement_rate_derived", !profile.engagementRateProvided) }
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
