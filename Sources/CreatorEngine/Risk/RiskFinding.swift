/// One flag of a `RiskReport`: its outcome, one or two sentences in a marketer's words,
/// the numbers it was judged on (`evidence`, for JSON) and the peer figures.
public struct RiskFinding: Sendable {
    public enum Value: Sendable, Equatable {
        case number(Double)
        case text(String)
    }

    public var flag: RiskFlag
    public var outcome: RiskOutcome
    /// 0–1: how far past its threshold a raised flag is (it scales the flag's weight).
    public var strength: Double
    public var summary: String
    public var evidence: [(key: String, value: Value)]
    public var peers: [PeerComparison]
    /// Who the peers of each of `peers` are ("Instagram mid-tier creators").
    public var peerGroups: [String] = []

    init(flag: RiskFlag, assessment: RiskAssessment, blacklisting: (reason: String?, source: String?, since: String?)?) {
        let check = assessment.check(flag)
        self.flag = flag
        outcome = check.outcome
        strength = check.strength
        evidence = []
        peers = []
        summary = ""
        if outcome == .notJudged {
            summary = "not judged: \(check.missing ?? "data missing")."
            return
        }
        let features = assessment.features
        let raised = outcome == .raised
        switch flag {
        case .boughtFollowers: describeJump(features, assessment: assessment, raised: raised)
        case .lowEngagement: describeLowEngagement(assessment, raised: raised)
        case .engagementAnomaly: describeAnomaly(assessment, raised: raised)
        case .lowCredibility: describeCredibility(features, assessment: assessment, raised: raised)
        case .audienceMismatch: describeAudience(features, assessment: assessment, raised: raised)
        case .followForFollow: describeFollowing(features, assessment: assessment, raised: raised)
        case .ghostingHistory, .disputes, .lateDelivery: describeDeals(features, raised: raised)
        case .blacklisted: describeBlacklisting(blacklisting, raised: raised)
        case .staleData: describeStaleness(features, asOf: assessment.asOfDay, raised: raised)
        }
        peerGroups = peers.map { assessment.peerDescription($0) }
    }

    private mutating func add(_ key: String, _ value: Double?) {
        if let value, value.isFinite { evidence.append((key, .number(value))) }
    }

    private mutating func add(_ key: String, _ text: String?) {
        if let text { evidence.append((key, .text(text))) }
    }

    // MARK: Per flag

    private mutating func describeJump(_ features: RiskFeatures, assessment: RiskAssessment, raised: Bool) {
        guard let jump = features.signals.jump else { return }
        add("growth", jump.growth)
        add("from_followers", jump.fromFollowers.rounded())
        add("to_followers", jump.toFollowers.rounded())
        add("end_date", RiskWording.date(jump.endDay))
        add("step_days", Double(jump.days))
        add("typical_weekly_growth", jump.typicalWeeklyGrowth)
        add("score", jump.score)
        add("minimum_growth", RiskPolicy.jumpMinimumGrowth)
        add("minimum_score", RiskPolicy.jumpMinimumScore)
        let usual = "this creator usually grows \(RiskWording.change(jump.typicalWeeklyGrowth)) a week"
        if raised {
            summary = "followers jumped \(RiskWording.change(jump.growth)) in one step, from \(RiskWording.count(jump.fromFollowers)) "
                + "to \(RiskWording.count(jump.toFollowers)) in the \(jump.days) days to \(RiskWording.date(jump.endDay)), while \(usual) "
                + "(the jump is \(RiskWording.number(jump.score)) times the usual week-to-week variation). Bought followers show up like this."
            if let engagement = features.judgedEngagement, engagement.isAdjustedForJump {
                summary += " Engagement is judged against the \(RiskWording.count(engagement.followers)) followers before the jump."
            }
        } else {
            summary = "no sudden jump: the largest step in the follower history is \(RiskWording.change(jump.growth)) "
                + "(in \(jump.days) days), and \(usual)."
        }
    }

    private mutating func describeEngagementNumbers(_ assessment: RiskAssessment) {
        let features = assessment.features
        add("engagement_rate", features.signals.engagementRateValue)
        add("engagement_source", Self.source(features.signals.engagementSource))
        if let engagement = features.judgedEngagement, engagement.isAdjustedForJump {
            add("judged_rate", engagement.rate)
            add("judged_followers", engagement.followers.rounded())
        }
    }

    private mutating func describeLowEngagement(_ assessment: RiskAssessment, raised: Bool) {
        guard let engagement = assessment.engagement else { return }
        describeEngagementNumbers(assessment)
        add("minimum_ratio", RiskPolicy.lowEngagementRatio)
        add("minimum_score", RiskPolicy.lowEngagementScore)
        peers = [engagement]
        let sentence = "engagement rate \(RiskWording.percent(engagement.value)), where \(assessment.peerDescription(engagement)) of this size "
            + "typically get \(RiskWording.percent(engagement.typical)) (middle half \(RiskWording.percent(engagement.lowerQuartile))–"
            + "\(RiskWording.percent(engagement.upperQuartile))): \(RiskWording.multiple(engagement.ratio)) typical, "
            + "\(RiskWording.standing(engagement))."
        summary = raised ? sentence + " Few of the followers see or react to the posts." : sentence
    }

    private mutating func describeAnomaly(_ assessment: RiskAssessment, raised: Bool) {
        var sentences: [String] = []
        if let engagement = assessment.engagement {
            describeEngagementNumbers(assessment)
            peers.append(engagement)
            let high = engagement.ratio >= RiskPolicy.highEngagementRatio && engagement.score >= RiskPolicy.highEngagementScore
            sentences.append("engagement rate \(RiskWording.percent(engagement.value)) is \(RiskWording.multiple(engagement.ratio)) "
                + "the typical \(RiskWording.percent(engagement.typical)) of \(assessment.peerDescription(engagement)) of this size "
                + "(\(RiskWording.standing(engagement)))" + (high ? ", more than real audiences give: often engagement pods or bought likes" : ""))
        }
        if let comments = assessment.commentsPerLike {
            add("comments_per_like", comments.value)
            peers.append(comments)
            let high = comments.ratio >= RiskPolicy.commentsPerLikeRatio && comments.score >= RiskPolicy.commentsPerLikeScore
            sentences.append("\(RiskWording.number(comments.value * 100)) comments per 100 likes, \(RiskWording.multiple(comments.ratio)) "
                + "the typical \(RiskWording.number(comments.typical * 100)) of \(assessment.peerDescription(comments))"
                + (high ? ": comments out of proportion to likes, a sign of comment pods or bought comments" : ""))
        }
        add("engagement_ratio_threshold", RiskPolicy.highEngagementRatio)
        add("comments_ratio_threshold", RiskPolicy.commentsPerLikeRatio)
        summary = sentences.joined(separator: "; ") + "."
        if !raised { summary = "within the usual range: " + summary }
    }

    private mutating func describeCredibility(_ features: RiskFeatures, assessment: RiskAssessment, raised: Bool) {
        guard let credibility = features.credibility else { return }
        add("credibility", credibility)
        add("threshold", RiskPolicy.credibilityThreshold)
        var sentence = raised
            ? "the data provider estimates only \(RiskWording.percent(credibility)) of the followers are real, active accounts"
            : "the data provider estimates \(RiskWording.percent(credibility)) of the followers are real, active accounts"
        if let peer = assessment.credibility {
            peers = [peer]
            sentence += "; \(assessment.peerDescription(peer)) typically have \(RiskWording.percent(peer.typical)) (middle half "
                + "\(RiskWording.percent(peer.lowerQuartile))–\(RiskWording.percent(peer.upperQuartile)))"
        }
        summary = sentence + "."
    }

    private mutating func describeAudience(_ features: RiskFeatures, assessment: RiskAssessment, raised: Bool) {
        let signals = features.signals
        guard let home = signals.homeShareValue, let foreign = signals.topForeignShareValue else { return }
        let country = signals.homeCountry ?? "the creator's country"
        add("country", signals.homeCountry)
        add("home_share", home)
        add("top_country", signals.topForeignCountry)
        add("top_country_share", foreign)
        add("language", signals.primaryLanguage)
        add("language_share", signals.primaryLanguageShareValue)
        var sentence = "\(RiskWording.percent(home)) of the audience is in \(country), the creator's country"
        if let top = signals.topForeignCountry {
            sentence += ", \(RiskWording.percent(foreign)) in \(top)"
        }
        if let language = signals.primaryLanguage, let share = signals.primaryLanguageShareValue {
            sentence += "; \(RiskWording.percent(share)) of the audience uses \(language), the creator's language"
        }
        if let peer = assessment.audienceHomeShare {
            peers = [peer]
            sentence += ". \(assessment.peerDescription(peer).prefix(1).uppercased() + assessment.peerDescription(peer).dropFirst()) typically have "
                + "\(RiskWording.percent(peer.typical)) of their audience at home"
        }
        summary = sentence + (raised ? ". An audience that lives elsewhere and speaks another language is often bought or irrelevant to the creator's market." : ".")
    }

    private mutating func describeFollowing(_ features: RiskFeatures, assessment: RiskAssessment, raised: Bool) {
        guard let following = features.following, features.followers > 0 else { return }
        let ratio = following / features.followers
        add("following", following)
        add("followers", features.followers)
        add("following_per_follower", ratio)
        add("minimum_following", RiskPolicy.followForFollowMinimumFollowing)
        add("minimum_ratio", RiskPolicy.followForFollowRatio)
        var sentence = "follows \(RiskWording.count(following)) accounts with \(RiskWording.count(features.followers)) followers "
            + "(\(RiskWording.number(ratio)) per follower)"
        if let peer = assessment.followingRatio {
            peers = [peer]
            sentence += "; \(assessment.peerDescription(peer)) typically follow \(RiskWording.number(peer.typical)) per follower"
        }
        summary = sentence + (raised ? ": typical of follow-back schemes, where followers are traded rather than won." : ".")
    }

    private mutating func describeDeals(_ features: RiskFeatures, raised: Bool) {
        add("completed", features.completedDeals)
        add("late", features.lateDeals)
        add("ghosted", features.ghostedDeals)
        add("disputes", features.disputedDeals)
        let completed = features.completedDeals.map { " (\(RiskWording.count($0)) deals completed)" } ?? ""
        switch flag {
        case .ghostingHistory:
            let ghosted = features.ghostedDeals ?? 0
            summary = raised
                ? "took product or payment and went silent (跑单/失联) on \(RiskWording.count(ghosted)) deals\(completed)."
                : "\(RiskWording.count(ghosted)) ghosted deals on record\(completed); \(RiskPolicy.ghostedDeals) make a pattern."
        case .disputes:
            let disputes = features.disputedDeals ?? 0
            summary = "\(RiskWording.count(disputes)) disputes with brands on record\(completed)"
                + (raised ? "." : "; \(RiskPolicy.disputedDeals) make a pattern.")
        default:
            let late = features.lateDeals ?? 0, done = features.completedDeals ?? 0
            let share = done > 0 ? late / done : 0
            add("late_share", share)
            summary = "late on \(RiskWording.count(late)) of \(RiskWording.count(done)) completed deals (\(RiskWording.percent(share)))"
                + (raised ? "." : "; the flag needs \(RiskPolicy.lateDeals) or more and \(RiskWording.percent(RiskPolicy.lateShare)).")
        }
    }

    private mutating func describeBlacklisting(_ blacklisting: (reason: String?, source: String?, since: String?)?, raised: Bool) {
        guard raised else {
            summary = "not on any blacklist on file."
            return
        }
        add("reason", blacklisting?.reason)
        add("source", blacklisting?.source)
        add("since", blacklisting?.since)
        var sentence = "blacklisted"
        if let source = blacklisting?.source { sentence += " by \(source)" }
        if let since = blacklisting?.since { sentence += " since \(since)" }
        if let reason = blacklisting?.reason { sentence += ": “\(reason)”" }
        summary = sentence + "."
    }

    private mutating func describeStaleness(_ features: RiskFeatures, asOf: Int64?, raised: Bool) {
        guard let updated = features.updatedDay, let asOf else { return }
        let days = asOf - updated
        add("updated_at", RiskWording.date(updated))
        add("as_of", RiskWording.date(asOf))
        add("days", Double(days))
        add("threshold_days", Double(RiskPolicy.staleDays))
        summary = "profile last refreshed \(RiskWording.date(updated)), \(RiskWording.count(Double(days))) days before the index's "
            + "newest profile (\(RiskWording.date(asOf)))" + (raised ? ": its followers, engagement and audience may be out of date." : ".")
    }

    static func source(_ source: RiskSignals.EngagementSource) -> String? {
        switch source {
        case .unknown: nil
        case .provider: "provider"
        case .averages: "averages"
        case .posts: "recent_posts"
        }
    }

    // MARK: JSON

    func write(into json: inout JSONWriter) {
        json.beginObject()
        json.key("flag"); json.value(flag.rawValue)
        json.key("title"); json.value(flag.title)
        json.key("status"); json.value(outcome.rawValue)
        if outcome == .raised { json.key("strength"); json.value((strength * 1000).rounded() / 1000) }
        json.key("summary"); json.value(summary)
        if !evidence.isEmpty {
            json.key("evidence")
            json.beginObject()
            for (key, value) in evidence {
                json.key(key)
                switch value {
                case .number(let number): json.value(number)
                case .text(let text): json.value(text)
                }
            }
            json.endObject()
        }
        if !peers.isEmpty {
            json.key("peers")
            json.beginArray()
            for (index, peer) in peers.enumerated() {
                json.beginObject()
                json.key("metric"); json.value(peer.metric.name)
                json.key("group"); json.value(index < peerGroups.count ? peerGroups[index] : "peers")
                json.key("creators"); json.value(peer.peerCount)
                json.key("value"); json.value(peer.value)
                json.key("typical"); json.value(peer.typical)
                json.key("middle_half")
                json.beginArray(); json.value(peer.lowerQuartile); json.value(peer.upperQuartile); json.endArray()
                json.key("ratio"); json.value(peer.ratio)
                json.key("z"); json.value((peer.score * 100).rounded() / 100)
                json.key("percentile"); json.value((peer.percentile * 10).rounded() / 10)
                json.endObject()
            }
            json.endArray()
        }
        json.endObject()
    }
}
