import Foundation

/// The rules of `RiskPolicy` applied to one creator's features and its peers.
public enum RiskRules {
    public static func assess(_ features: RiskFeatures, peers: PeerTable) -> RiskAssessment {
        let group = Int(features.signals.peerGroup)
        let line = peers.line(for: features.signals.platform)
        func compare(_ metric: PeerMetric) -> PeerComparison? {
            guard let value = metric.value(of: features, line: line), value.isFinite,
                  let (index, statistics) = peers.comparisonGroup(metric, from: group) else { return nil }
            let score = statistics.score(value, floor: metric.spreadFloor)
            let percentile = statistics.percentile(value)
            if metric.isLogarithmic {
                // Back to the metric's units: for engagement, add the size line at the creator's size.
                let offset = metric == .engagement ? (features.judgedEngagement.flatMap { engagement in
                    line.map { $0.expected(followers: engagement.followers) } } ?? 0) : 0
                return PeerComparison(metric: metric, value: exp(value + offset), typical: exp(statistics.median + offset),
                                      lowerQuartile: exp(statistics.lowerQuartile + offset),
                                      upperQuartile: exp(statistics.upperQuartile + offset),
                                      ratio: exp(value - statistics.median), score: score, percentile: percentile,
                                      group: index, peerCount: statistics.count)
            }
            return PeerComparison(metric: metric, value: value, typical: statistics.median,
                                  lowerQuartile: statistics.lowerQuartile, upperQuartile: statistics.upperQuartile,
                                  ratio: statistics.median != 0 ? value / statistics.median : .infinity, score: score,
                                  percentile: percentile, group: index, peerCount: statistics.count)
        }
        var assessment = RiskAssessment(
            features: features, checks: [], flags: [], score: 0, level: .low, peers: peers,
            engagement: compare(.engagement), commentsPerLike: compare(.commentsPerLike),
            credibility: compare(.credibility), followingRatio: compare(.followingRatio),
            audienceHomeShare: compare(.audienceHomeShare))
        assessment.checks = RiskFlag.allCases.map { judge($0, assessment) }
        var keep = 1.0
        for check in assessment.checks where check.outcome == .raised {
            assessment.flags.insert(RiskFlags(check.flag))
            let weight = RiskPolicy.weight(of: check.flag) / 100
            keep *= 1 - weight * (RiskPolicy.baseStrength + (1 - RiskPolicy.baseStrength) * check.strength)
        }
        assessment.score = (100 * (1 - keep) * 100).rounded() / 100
        assessment.level = RiskPolicy.level(score: assessment.score)
        return assessment
    }

    static func clamp(_ value: Double) -> Double { value.isNaN ? 0 : min(1, max(0, value)) }

    static func judge(_ flag: RiskFlag, _ assessment: RiskAssessment) -> RiskCheck {
        let features = assessment.features
        func raised(_ condition: Bool, strength: Double) -> RiskCheck {
            RiskCheck(flag: flag, outcome: condition ? .raised : .clear, strength: condition ? clamp(strength) : 0)
        }
        func notJudged(_ missing: String) -> RiskCheck {
            RiskCheck(flag: flag, outcome: .notJudged, strength: 0, missing: missing)
        }
        switch flag {
        case .boughtFollowers:
            guard let jump = features.signals.jump else { return notJudged("no follower history of 4 or more points") }
            return raised(jump.isJump, strength: (jump.growth - RiskPolicy.jumpMinimumGrowth) / 0.8)

        case .lowEngagement:
            guard let engagement = assessment.engagement else {
                return notJudged(features.judgedEngagement == nil ? "engagement rate unknown" : "too few peers with a known rate")
            }
            return raised(engagement.ratio <= RiskPolicy.lowEngagementRatio && engagement.score <= RiskPolicy.lowEngagementScore,
                          strength: (-engagement.score + RiskPolicy.lowEngagementScore) / 3)

        case .engagementAnomaly:
            let engagement = assessment.engagement, comments = assessment.commentsPerLike
            guard engagement != nil || comments != nil else { return notJudged("engagement rate and comments per like unknown") }
            let highRate = engagement.map { $0.ratio >= RiskPolicy.highEngagementRatio && $0.score >= RiskPolicy.highEngagementScore } ?? false
            let highComments = comments.map { $0.ratio >= RiskPolicy.commentsPerLikeRatio && $0.score >= RiskPolicy.commentsPerLikeScore } ?? false
            let strength = max(highRate ? ((engagement?.score ?? 0) - RiskPolicy.highEngagementScore) / 3 : 0,
                               highComments ? ((comments?.score ?? 0) - RiskPolicy.commentsPerLikeScore) / 4 : 0)
            return raised(highRate || highComments, strength: strength)

        case .lowCredibility:
            guard let credibility = features.credibility else { return notJudged("audience credibility unknown") }
            let score = assessment.credibility?.score ?? 0
            let belowThreshold = credibility <= RiskPolicy.credibilityThreshold
            let farBelowPeers = score <= RiskPolicy.credibilityScore
            return raised(belowThreshold || farBelowPeers,
                          strength: max(belowThreshold ? (RiskPolicy.credibilityThreshold - credibility) / 0.3 : 0,
                                        farBelowPeers ? (-score + RiskPolicy.credibilityScore) / 5 : 0))

        case .audienceMismatch:
            let signals = features.signals
            guard let home = signals.homeShareValue, let foreign = signals.topForeignShareValue else {
                return notJudged("creator's country or audience countries unknown")
            }
            let speaksLanguage = (signals.primaryLanguageShareValue ?? 0) >= RiskPolicy.mismatchLanguageShare
            return raised(home < RiskPolicy.mismatchHomeShare && foreign >= RiskPolicy.mismatchForeignShare && !speaksLanguage,
                          strength: (foreign - RiskPolicy.mismatchForeignShare) / 0.4)

        case .followForFollow:
            guard let following = features.following, features.followers > 0 else { return notJudged("accounts followed unknown") }
            let ratio = following / features.followers
            return raised(following >= RiskPolicy.followForFollowMinimumFollowing && ratio >= RiskPolicy.followForFollowRatio,
                          strength: (ratio - RiskPolicy.followForFollowRatio) / 0.3)

        case .ghostingHistory:
            guard let ghosted = features.ghostedDeals else { return notJudged("no collaboration record") }
            return raised(ghosted >= Double(RiskPolicy.ghostedDeals), strength: (ghosted - Double(RiskPolicy.ghostedDeals)) / 3)

        case .disputes:
            guard let disputes = features.disputedDeals else { return notJudged("no collaboration record") }
            return raised(disputes >= Double(RiskPolicy.disputedDeals), strength: (disputes - Double(RiskPolicy.disputedDeals)) / 3)

        case .lateDelivery:
            guard let late = features.lateDeals, let completed = features.completedDeals, completed > 0 else {
                return notJudged("late or completed deals unknown")
            }
            let share = late / completed
            return raised(late >= Double(RiskPolicy.lateDeals) && share >= RiskPolicy.lateShare,
                          strength: (share - RiskPolicy.lateShare) / 0.4)

        case .blacklisted:
            return raised(features.signals.isBlacklisted, strength: 1)

        case .staleData:
            guard let updated = features.updatedDay, let asOf = assessment.asOfDay else { return notJudged("updated_at unknown") }
            let days = Double(asOf - updated)
            return raised(days > Double(RiskPolicy.staleDays), strength: (days - Double(RiskPolicy.staleDays)) / 365)
        }
    }
}
