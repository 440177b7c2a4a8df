import Foundation
@testable import CreatorEngine

/// Hand-made features and peer tables for rule tests: peers whose statistics are known
/// exactly, so each threshold can be approached from both sides.
enum RiskFixtures {
    /// Peers of every metric: median and spread as given, quantiles spread evenly around.
    static func statistics(median: Double, spread: Double, count: Int = 1_000) -> PeerStatistics {
        let offsets = [-2.33, -1.64, -1.28, -0.67, 0.67, 1.28, 1.64, 2.33]
        return PeerStatistics(count: count, median: median, spread: spread, quantiles: offsets.map { median + $0 * spread })
    }

    /// A table where every group of `platform` has the given statistics, engagement is
    /// 2% at every size (slope 0), and the as-of day is `asOfDay`.
    static func peers(platform: Platform = .instagram, engagementSpread: Double = 0.3, commentsPerLike: Double = 0.03,
                      credibility: (median: Double, spread: Double) = (0.85, 0.08), asOfDay: Int64? = 20_000) -> PeerTable {
        var groups = PeerTable.fixedGroups()
        for index in groups.indices {
            groups[index].statistics = [
                statistics(median: 0, spread: engagementSpread),
                statistics(median: log(commentsPerLike), spread: 0.3),
                statistics(median: credibility.median, spread: credibility.spread),
                statistics(median: 0.05, spread: 0.04),
                statistics(median: 0.65, spread: 0.1),
            ]
        }
        var lines = [EngagementLine?](repeating: nil, count: Platform.allCases.count)
        lines[Platform.allCases.firstIndex(of: platform) ?? 0] = EngagementLine(center: 4, intercept: log(0.02), slope: 0, count: 1_000)
        return PeerTable(groups: groups, lines: lines, asOfDay: asOfDay)
    }

    /// A creator with nothing known but its followers.
    static func bare(platform: Platform = .instagram, followers: Double = 20_000) -> RiskFeatures {
        var signals = RiskSignals(platform: platform)
        signals.peerGroup = UInt16(PeerTable.tierGroup(platform, Tier(followers: Int64(followers))))
        return RiskFeatures(signals: signals, followers: followers)
    }

    /// Weekly points from `start`, each step growing by the next factor.
    static func history(start: Double = 10_000, factors: [Double], stepDays: Int64 = 7) -> [HistoryPoint] {
        var points = [HistoryPoint(date: Timestamp(secondsSinceEpoch: 19_000 * 86_400), followers: Int64(start))]
        var value = start
        for (index, factor) in factors.enumerated() {
            value *= factor
            points.append(HistoryPoint(date: Timestamp(secondsSinceEpoch: (19_000 + Int64(index + 1) * stepDays) * 86_400),
                                       followers: Int64(value.rounded())))
        }
        return points
    }

    static func outcome(_ flag: RiskFlag, _ features: RiskFeatures, peers: PeerTable = peers()) -> RiskOutcome {
        RiskRules.assess(features, peers: peers).check(flag).outcome
    }
}
