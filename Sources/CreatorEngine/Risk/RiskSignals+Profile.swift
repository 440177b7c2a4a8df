extension RiskSignals {
    /// Measures a validated profile (with its recent posts, before they are dropped).
    public init(profile: CreatorProfile) {
        self.init(platform: profile.platform)
        if let rate = profile.engagementRate {
            engagementRate = Float(rate)
            engagementSource = profile.engagementRateProvided ? .provider : .averages
        } else if let (rate, source) = Self.fallbackEngagement(profile) {
            engagementRate = Float(rate)
            engagementSource = source
        }
        if let ratio = Self.commentsPerLike(profile) { commentsPerLike = Float(ratio) }
        jump = FollowerJump.measure(profile.followerHistory)
        measureAudienceFit(profile)
        isBlacklisted = profile.blacklisted != nil
    }

    /// Engagement when the index has none: the platform's rule over the recent posts, and
    /// for platform `other` (which has no rule) interactions per follower.
    static func fallbackEngagement(_ profile: CreatorProfile) -> (Double, EngagementSource)? {
        switch profile.platform.engagementBasis {
        case .views:
            var interactions = 0.0, views = 0.0
            for post in profile.recentPosts {
                guard let postViews = post.views, postViews > 0, let likes = post.likes, let comments = post.comments else { continue }
                interactions += Double(likes) + Double(comments) + Double(post.shares ?? 0)
                views += Double(postViews)
            }
            return views > 0 ? (interactions / views, .posts) : nil
        case .followers, .none:
            guard profile.followers > 0 else { return nil }
            let followers = Double(profile.followers)
            if let likes = profile.avgLikes, let comments = profile.avgComments {
                return ((likes + comments) / followers, .averages)
            }
            var interactions = 0.0, posts = 0
            for post in profile.recentPosts {
                guard let likes = post.likes, let comments = post.comments else { continue }
                interactions += Double(likes) + Double(comments)
                posts += 1
            }
            return posts > 0 ? (interactions / Double(posts) / followers, .posts) : nil
        }
    }

    /// Comments per like from the averages, else from the posts; `nil` with too few likes
    /// to measure or no comments at all.
    static func commentsPerLike(_ profile: CreatorProfile) -> Double? {
        var likes = profile.avgLikes, comments = profile.avgComments
        if likes == nil || comments == nil {
            var likeSum = 0.0, commentSum = 0.0, posts = 0
            for post in profile.recentPosts {
                guard let postLikes = post.likes, let postComments = post.comments else { continue }
                likeSum += Double(postLikes)
                commentSum += Double(postComments)
                posts += 1
            }
            guard posts > 0 else { return nil }
            likes = likeSum / Double(posts)
            comments = commentSum / Double(posts)
        }
        guard let likes, let comments, likes >= RiskPolicy.commentsPerLikeMinimumLikes, comments > 0 else { return nil }
        return comments / likes
    }

    /// Home share and the largest foreign country (needs the creator's country and the
    /// audience's countries); the share using the first content language (needs both).
    mutating func measureAudienceFit(_ profile: CreatorProfile) {
        if let home = profile.country, let countries = profile.audience?.countries {
            homeCountry = home
            homeShare = Float(countries.share(of: home))
            var top: Distribution.Entry?
            for entry in countries.entries where entry.key != home && entry.key != "other" {
                if let best = top, best.share >= entry.share { continue }
                top = entry
            }
            topForeignShare = Float(top?.share ?? 0)
            topForeignCountry = top?.key
        }
        if let language = profile.languages.first, let languages = profile.audience?.languages {
            primaryLanguage = language
            primaryLanguageShare = Float(languages.share(of: language))
        }
    }
}
