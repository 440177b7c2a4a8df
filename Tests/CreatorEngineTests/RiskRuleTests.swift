import Foundation
import Testing
@testable import CreatorEngine

/// Each rule just below and just above its threshold, and with its data missing.
@Suite("Risk rules at their edges")
struct RiskRuleTests {
    typealias F = RiskFixtures

    @Test("bought followers: a +20% week flags, +19% does not; a jump ordinary for a volatile account does not")
    func boughtFollowers() {
        let steady = [Double](repeating: 1.01, count: 12)
        func features(_ factors: [Double]) -> RiskFeatures {
            var creator = F.bare()
            creator.signals.jump = FollowerJump.measure(F.history(factors: factors))
            return creator
        }
        #expect(F.outcome(.boughtFollowers, features(steady + [1.21] + steady)) == .raised)
        #expect(F.outcome(.boughtFollowers, features(steady + [1.19] + steady)) == .clear)
        // Volatile: ±10% weeks make a spread of ~0.1, so +25% is under 8 spreads.
        let volatile = (0..<12).flatMap { _ in [1.10, 0.95] }
        #expect(F.outcome(.boughtFollowers, features(volatile + [1.25] + volatile)) == .clear)
        #expect(F.outcome(.boughtFollowers, features(volatile + [10.0] + volatile)) == .raised)
        // A drop (a purge of fake followers) is not a jump.
        #expect(F.outcome(.boughtFollowers, features(steady + [0.5] + steady)) == .clear)
        // Three points are too few to know the usual growth.
        #expect(FollowerJump.measure(F.history(factors: [1.01, 3.0])) == nil)
        #expect(F.outcome(.boughtFollowers, F.bare()) == .notJudged)
    }

    @Test("the jump score: spreads above the creator's typical week, monthly steps scaled to weeks")
    func jumpScore() throws {
        // Steady +1% weeks: spread floored at 0.01, so a +50% week scores (ln 1.5 − ln 1.01) / 0.01.
        let jump = try #require(FollowerJump.measure(F.history(factors: [1.01, 1.01, 1.01, 1.5, 1.01, 1.01])))
        #expect(abs(jump.score - (log(1.5) - log(1.01)) / 0.01) < 0.05)
        #expect(abs(jump.growth - 0.5) < 0.001)
        #expect(abs(jump.typicalWeeklyGrowth - 0.01) < 0.001)
        #expect(jump.days == 7)
        // The same +30% over four weeks is a third as steep per week as in one week.
        let monthly = try #require(FollowerJump.measure(F.history(factors: [1.04, 1.04, 1.3, 1.04], stepDays: 28)))
        let weekly = try #require(FollowerJump.measure(F.history(factors: [1.04, 1.04, 1.3, 1.04], stepDays: 7)))
        #expect(monthly.score < weekly.score)
    }

    func engagement(rate: Double, followers: Double = 20_000) -> RiskFeatures {
        var creator = F.bare(followers: followers)
        creator.signals.engagementRate = Float(rate)
        creator.signals.engagementSource = .provider
        return creator
    }

    @Test("low engagement: both at most half the typical rate and 3 spreads below")
    func lowEngagement() {
        // Spread 0.3: 3 spreads below is ×exp(−0.9) = 0.41 of the typical 2% — the binding condition.
        #expect(F.outcome(.lowEngagement, engagement(rate: 0.02 * exp(-0.91))) == .raised)
        #expect(F.outcome(.lowEngagement, engagement(rate: 0.02 * exp(-0.89))) == .clear)
        // Spread 0.1: 3 spreads is only ×0.74, so "at most half" binds.
        let tight = F.peers(engagementSpread: 0.1)
        #expect(F.outcome(.lowEngagement, engagement(rate: 0.0099), peers: tight) == .raised)
        #expect(F.outcome(.lowEngagement, engagement(rate: 0.0101), peers: tight) == .clear)
        #expect(F.outcome(.lowEngagement, F.bare()) == .notJudged)
        // No peers with a known rate: not judged either.
        var noPeers = F.peers()
        for index in noPeers.groups.indices { noPeers.groups[index].statistics[PeerMetric.engagement.rawValue] = nil }
        #expect(F.outcome(.lowEngagement, engagement(rate: 0.0001), peers: noPeers) == .notJudged)
    }

    @Test("low engagement is judged on the followers before a jump, so bought followers are not counted twice")
    func engagementAfterJump() {
        var creator = engagement(rate: 0.02 / 3, followers: 30_000)
        #expect(F.outcome(.lowEngagement, creator) == .raised)
        creator.signals.jump = FollowerJump.measure(F.history(factors: [1.01, 1.01, 1.01, 3.0, 1.0, 1.0]))
        let assessment = RiskRules.assess(creator, peers: F.peers())
        #expect(assessment.check(.boughtFollowers).outcome == .raised)
        #expect(assessment.check(.lowEngagement).outcome == .clear)
        #expect(assessment.features.judgedEngagement?.isAdjustedForJump == true)
        // On a platform whose rate divides by views, the rate itself is not rescaled.
        var video = engagement(rate: 0.02 / 3, followers: 30_000)
        video.signals.platform = .tiktok
        video.signals.jump = creator.signals.jump
        #expect(video.judgedEngagement.map { abs($0.rate - 0.02 / 3) < 1e-6 } == true)
    }

    @Test("suspicious engagement: twice the typical rate and 3 spreads above, or comments per like 3× and 4 spreads")
    func engagementAnomaly() {
        #expect(F.outcome(.engagementAnomaly, engagement(rate: 0.02 * exp(0.91))) == .raised)
        #expect(F.outcome(.engagementAnomaly, engagement(rate: 0.02 * exp(0.89))) == .clear)
        func comments(_ ratio: Double) -> RiskFeatures {
            var creator = F.bare()
            creator.signals.commentsPerLike = Float(ratio)
            return creator
        }
        // Spread 0.3: 4 spreads is ×exp(1.2) = 3.32 of the typical 0.03, the binding condition.
        #expect(F.outcome(.engagementAnomaly, comments(0.03 * exp(1.21))) == .raised)
        #expect(F.outcome(.engagementAnomaly, comments(0.03 * exp(1.19))) == .clear)
        #expect(F.outcome(.engagementAnomaly, F.bare()) == .notJudged)
        // Too few likes to measure comments per like: the signal stays unknown.
        var profile = CreatorProfile(id: "x:1", platform: .instagram, handle: "x", followers: 1_000)
        profile.avgLikes = 9
        profile.avgComments = 9
        #expect(RiskSignals(profile: profile).commentsPerLikeValue == nil)
        profile.avgLikes = 10
        #expect(RiskSignals(profile: profile).commentsPerLikeValue.map { abs($0 - 0.9) < 1e-6 } == true)
    }

    @Test("low credibility: 0.5 or less, or 5 spreads below peers; unknown is not judged")
    func lowCredibility() {
        func credibility(_ value: Double) -> RiskFeatures {
            var creator = F.bare()
            creator.credibility = value
            return creator
        }
        #expect(F.outcome(.lowCredibility, credibility(0.5)) == .raised)
        #expect(F.outcome(.lowCredibility, credibility(0.501)) == .clear)
        let tight = F.peers(credibility: (0.9, 0.05))
        #expect(F.outcome(.lowCredibility, credibility(0.649), peers: tight) == .raised)
        #expect(F.outcome(.lowCredibility, credibility(0.651), peers: tight) == .clear)
        #expect(F.outcome(.lowCredibility, F.bare()) == .notJudged)
    }

    @Test("audience mismatch: under 20% at home, 40% in one other country, not speaking the creator's language")
    func audienceMismatch() {
        func audience(home: Double, foreign: Double, language: Double?) -> RiskFeatures {
            var creator = F.bare()
            creator.signals.homeCountry = "BR"
            creator.signals.homeShare = Float(home)
            creator.signals.topForeignCountry = "IN"
            creator.signals.topForeignShare = Float(foreign)
            if let language {
                creator.signals.primaryLanguage = "pt"
                creator.signals.primaryLanguageShare = Float(language)
            }
            return creator
        }
        #expect(F.outcome(.audienceMismatch, audience(home: 0.19, foreign: 0.6, language: 0.1)) == .raised)
        #expect(F.outcome(.audienceMismatch, audience(home: 0.21, foreign: 0.6, language: 0.1)) == .clear)
        #expect(F.outcome(.audienceMismatch, audience(home: 0.1, foreign: 0.40, language: nil)) == .raised)
        #expect(F.outcome(.audienceMismatch, audience(home: 0.1, foreign: 0.39, language: nil)) == .clear)
        #expect(F.outcome(.audienceMismatch, audience(home: 0.1, foreign: 0.6, language: 0.49)) == .raised)
        #expect(F.outcome(.audienceMismatch, audience(home: 0.1, foreign: 0.6, language: 0.5)) == .clear)
        #expect(F.outcome(.audienceMismatch, F.bare()) == .notJudged)
    }

    @Test("audience fit is measured only with the creator's country and the audience's countries")
    func audienceSignals() {
        var profile = CreatorProfile(id: "x:1", platform: .tiktok, handle: "x", followers: 1_000)
        var audience = Audience()
        audience.countries = Distribution(["IN": 0.7, "BR": 0.05, "other": 0.25])
        audience.languages = Distribution(["hi": 0.7, "pt": 0.05, "other": 0.25])
        profile.audience = audience
        profile.languages = ["pt", "en"]
        let unknownCountry = RiskSignals(profile: profile)
        #expect(unknownCountry.homeShareValue == nil && unknownCountry.topForeignShareValue == nil)
        profile.country = "BR"
        let known = RiskSignals(profile: profile)
        #expect(known.homeShareValue.map { abs($0 - 0.05) < 1e-6 } == true)
        #expect(known.topForeignCountry == "IN")
        #expect(known.primaryLanguage == "pt")
        #expect(known.primaryLanguageShareValue.map { abs($0 - 0.05) < 1e-6 } == true)
    }

    @Test("follow-for-follow: following at least 1,000 and 0.7 per follower")
    func followForFollow() {
        func following(_ count: Double, followers: Double) -> RiskFeatures {
            var creator = F.bare(followers: followers)
            creator.following = count
            return creator
        }
        #expect(F.outcome(.followForFollow, following(1_400, followers: 2_000)) == .raised)
        #expect(F.outcome(.followForFollow, following(1_399, followers: 2_000)) == .clear)
        #expect(F.outcome(.followForFollow, following(999, followers: 1_000)) == .clear)
        #expect(F.outcome(.followForFollow, following(1_000, followers: 1_000)) == .raised)
        #expect(F.outcome(.followForFollow, F.bare()) == .notJudged)
    }

    @Test("collaborations: two ghosted deals, two disputes, three late deals that are 30% of the completed")
    func collaborations() {
        func deals(completed: Double?, late: Double?, ghosted: Double?, disputes: Double?) -> RiskFeatures {
            var creator = F.bare()
            creator.completedDeals = completed
            creator.lateDeals = late
            creator.ghostedDeals = ghosted
            creator.disputedDeals = disputes
            return creator
        }
        #expect(F.outcome(.ghostingHistory, deals(completed: 10, late: 0, ghosted: 2, disputes: 0)) == .raised)
        #expect(F.outcome(.ghostingHistory, deals(completed: 10, late: 0, ghosted: 1, disputes: 0)) == .clear)
        #expect(F.outcome(.disputes, deals(completed: 10, late: 0, ghosted: 0, disputes: 2)) == .raised)
        #expect(F.outcome(.disputes, deals(completed: 10, late: 0, ghosted: 0, disputes: 1)) == .clear)
        #expect(F.outcome(.lateDelivery, deals(completed: 10, late: 3, ghosted: 0, disputes: 0)) == .raised)
        #expect(F.outcome(.lateDelivery, deals(completed: 11, late: 3, ghosted: 0, disputes: 0)) == .clear)
        #expect(F.outcome(.lateDelivery, deals(completed: 6, late: 2, ghosted: 0, disputes: 0)) == .clear)
        #expect(F.outcome(.lateDelivery, deals(completed: nil, late: 5, ghosted: nil, disputes: nil)) == .notJudged)
        #expect(F.outcome(.ghostingHistory, F.bare()) == .notJudged)
        #expect(F.outcome(.disputes, F.bare()) == .notJudged)
    }

    @Test("stale data: more than 365 days before the as-of day; no date or no as-of is not judged")
    func staleData() {
        var creator = F.bare()
        creator.updatedDay = 20_000 - 366
        #expect(F.outcome(.staleData, creator) == .raised)
        creator.updatedDay = 20_000 - 365
        #expect(F.outcome(.staleData, creator) == .clear)
        #expect(F.outcome(.staleData, creator, peers: F.peers(asOfDay: nil)) == .notJudged)
        #expect(F.outcome(.staleData, F.bare()) == .notJudged)
    }

    @Test("blacklisted: the record's presence; the only check a bare profile can fail")
    func blacklisted() {
        var creator = F.bare()
        #expect(F.outcome(.blacklisted, creator) == .clear)
        creator.signals.isBlacklisted = true
        #expect(F.outcome(.blacklisted, creator) == .raised)
    }

    @Test("missing data never raises a flag: a bare profile is judged on nothing and scores 0")
    func missingData() {
        for platform in Platform.allCases {
            for followers in [0.0, 50, 20_000, 3_000_000] {
                let assessment = RiskRules.assess(F.bare(platform: platform, followers: followers), peers: F.peers(platform: platform))
                #expect(assessment.flags.isEmpty)
                #expect(assessment.score == 0 && assessment.level == .low)
                #expect(assessment.checks.filter { $0.outcome == .notJudged }.count == RiskFlag.allCases.count - 1)
            }
        }
    }

    @Test("score and level: weights from 75% at the threshold to 100%, combined like independent chances")
    func scoreAndLevel() {
        var blacklisted = F.bare()
        blacklisted.signals.isBlacklisted = true
        let alone = RiskRules.assess(blacklisted, peers: F.peers())
        #expect(alone.score == 70 && alone.level == .high)

        var stale = F.bare()
        stale.updatedDay = 20_000 - 366
        let staleOnly = RiskRules.assess(stale, peers: F.peers())
        #expect(staleOnly.level == .low)
        #expect(abs(staleOnly.score - 15 * (0.75 + 0.25 * 1.0 / 365)) < 0.01)

        stale.signals.isBlacklisted = true
        let both = RiskRules.assess(stale, peers: F.peers())
        #expect(both.score > alone.score && both.score < alone.score + staleOnly.score)
        #expect(both.flags == [.blacklisted, .staleData])
    }

    @Test("flag names are the query language's flag vocabulary")
    func vocabulary() {
        #expect(RiskFlag.allCases.map(\.rawValue) == QueryVocabulary.flagNames)
        #expect(RiskFlag.allCases.map(\.position) == Array(0..<RiskFlag.allCases.count))
        #expect(RiskFlags(RiskFlag.allCases).flags == RiskFlag.allCases)
    }
}
