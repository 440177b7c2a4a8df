import Foundation

/// The largest single step of a creator's `follower_history`, measured against the
/// creator's own usual growth: the evidence of bought followers.
///
/// Each step between consecutive points is turned into a weekly log growth
/// `ln(after / before) × 7 / days`, so weekly, monthly and irregular histories compare.
/// The creator's typical week is the median of those rates and its spread 1.4826 × their
/// median absolute deviation (at least `RiskPolicy.jumpSpreadFloor`); the jump is the
/// step with the highest rate, and its score how many spreads it lies above the typical week.
public struct FollowerJump: Sendable, Equatable {
    /// Followers gained in the step, as a share of those before it (0.85 = +85%).
    public var growth: Double
    /// Spreads above the typical weekly growth.
    public var score: Double
    /// Followers before the step.
    public var fromFollowers: Double
    /// Day (since 1970-01-01) of the point that ends the step.
    public var endDay: Int64
    /// Length of the step in days.
    public var days: Int
    /// The creator's typical growth per week, as a share (0.004 = +0.4% a week).
    public var typicalWeeklyGrowth: Double

    public init(growth: Double, score: Double, fromFollowers: Double, endDay: Int64, days: Int, typicalWeeklyGrowth: Double) {
        self.growth = growth
        self.score = score
        self.fromFollowers = fromFollowers
        self.endDay = endDay
        self.days = days
        self.typicalWeeklyGrowth = typicalWeeklyGrowth
    }

    /// Followers after the step.
    public var toFollowers: Double { fromFollowers * (1 + growth) }

    /// Whether the step is a jump by the rule of `bought_followers`.
    public var isJump: Bool { growth >= RiskPolicy.jumpMinimumGrowth && score >= RiskPolicy.jumpMinimumScore }

    /// The jump of a history sorted by date, or `nil` when it has fewer than
    /// `RiskPolicy.minimumHistorySteps` usable steps (both counts positive, at least a day apart).
    public static func measure(_ history: [HistoryPoint]) -> FollowerJump? {
        guard history.count > RiskPolicy.minimumHistorySteps else { return nil }
        var rates: [Double] = []
        rates.reserveCapacity(history.count - 1)
        var best: (rate: Double, from: Int64, to: Int64, endDay: Int64, days: Int)?
        for index in 1..<history.count {
            let before = history[index - 1], after = history[index]
            let days = after.date.day - before.date.day
            guard days >= 1, before.followers > 0, after.followers > 0 else { continue }
            let rate = log(Double(after.followers) / Double(before.followers)) * 7 / Double(days)
            rates.append(rate)
            if let current = best, current.rate >= rate { continue }
            best = (rate, before.followers, after.followers, after.date.day, Int(days))
        }
        guard rates.count >= RiskPolicy.minimumHistorySteps, let best else { return nil }
        rates.sort()
        let typical = RobustStatistics.median(sorted: rates)
        let spread = max(RobustStatistics.spread(sorted: rates, median: typical), RiskPolicy.jumpSpreadFloor)
        return FollowerJump(growth: Double(best.to) / Double(best.from) - 1, score: (best.rate - typical) / spread,
                            fromFollowers: Double(best.from), endDay: best.endDay, days: best.days,
                            typicalWeeklyGrowth: exp(typical) - 1)
    }
}
