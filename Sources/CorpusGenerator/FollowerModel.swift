import Foundation

/// Follower counts now and over time: the organic count, bought followers on top of it, and
/// `follower_history` as weekly (sometimes monthly) points, oldest first.
///
/// Organic growth moves at most -2%…+4% a week, so a clean history never has a step of 25%
/// or more (even monthly); a `bought_followers` history has exactly one step of +30–200%.
enum FollowerModel {
    /// The organic follower count (what engagement reflects).
    static func organicFollowers(core: CreatorCore, plan: FraudPlan, random: inout SplitMix64) -> Double {
        let twinNoise = core.twin != nil ? 0.04 : 0.12
        var followers = pow(10, core.baseLogFollowers + twinNoise * random.clippedNormal(limit: 2))
        followers = min(max(followers, 40), 350_000_000)
        if plan.has(.followForFollow) && followers < 1_500 {
            followers = random.uniform(1_500...9_000)
        }
        return followers.rounded()
    }

    /// The bought multiplier (1 for everyone else).
    static func boughtFactor(plan: FraudPlan, random: inout SplitMix64) -> Double {
        plan.has(.boughtFollowers) ? 1 + random.uniform(0.3...2.0) : 1
    }

    /// Weekly points over about six months ending on `end`, the last equal to `followers`.
    /// `jump` is the bought multiplier, placed on one weekly step.
    static func history(followers: Int64, end: CalendarDay, jump: Double, random: inout SplitMix64) -> [HistoryPoint] {
        let monthly = random.chance(0.15)
        var weeks = 26
        if jump == 1 && random.chance(0.1) { weeks = random.integer(3...12) } // a young account or a new tracker
        let logSize = log10(Double(max(followers, 10)))
        let annual = min(1.2, max(-0.15, 0.35 - 0.05 * (logSize - 4) + 0.3 * random.clippedNormal(limit: 2)))
        let weeklyMean = log(1 + annual) / 52
        let jumpStep = jump > 1 ? random.integer(2...min(22, weeks - 2)) : -1 // steps counted back from the end

        var values = [Double](repeating: 0, count: weeks)
        values[weeks - 1] = Double(followers)
        for step in 1..<weeks {
            let position = weeks - 1 - step
            let growth = min(0.04, max(-0.02, weeklyMean + 0.008 * random.clippedNormal(limit: 2.5)))
            var previous = values[position + 1] / (1 + growth)
            if step == jumpStep { previous = values[position + 1] / (jump * (1 + max(0, growth))) }
            values[position] = previous
        }
        var points: [HistoryPoint] = []
        points.reserveCapacity(weeks)
        for position in 0..<weeks {
            let weeksBack = weeks - 1 - position
            if monthly && weeksBack % 4 != 0 && !(jump > 1 && (weeksBack == jumpStep || weeksBack == jumpStep - 1)) {
                continue
            }
            points.append(HistoryPoint(day: end - weeksBack * 7, followers: Int64(values[position].rounded())))
        }
        return points
    }

    /// Accounts followed: usually a few hundred; about as many as followers for follow-for-follow.
    static func following(followers: Int64, platform: SyntheticPlatform, plan: FraudPlan,
                          random: inout SplitMix64) -> Int64? {
        if plan.has(.followForFollow) {
            return Int64((Double(followers) * random.uniform(0.8...1.25)).rounded())
        }
        guard random.chance(platform == .youtube || platform == .twitch ? 0.1 : 0.85) else { return nil }
        let typical = random.logNormal(mu: log(450), sigma: 0.8)
        let cap = 0.6 * Double(followers) + 50
        return Int64(min(max(typical, 3), min(cap, 7_500)).rounded())
    }
}
