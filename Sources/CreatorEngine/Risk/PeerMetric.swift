import Foundation

/// The numbers compared with peer groups. Engagement and comments per like vary by
/// multiples, so they are compared on a log scale; the others as they are.
public enum PeerMetric: Int, CaseIterable, Sendable {
    /// `ln(engagement rate)` minus the platform's size line (`EngagementLine`): engagement
    /// relative to creators of the same size.
    case engagement
    /// `ln(comments per like)`.
    case commentsPerLike
    /// The provider's audience credibility, 0–1.
    case credibility
    /// Accounts followed per follower.
    case followingRatio
    /// Share of the audience in the creator's own country.
    case audienceHomeShare

    public var name: String {
        switch self {
        case .engagement: "engagement"
        case .commentsPerLike: "comments_per_like"
        case .credibility: "credibility"
        case .followingRatio: "following_ratio"
        case .audienceHomeShare: "audience_home_share"
        }
    }

    var isLogarithmic: Bool { self == .engagement || self == .commentsPerLike }

    /// The smallest spread used for scores, so a group whose values are nearly all equal
    /// does not turn a small difference into a large score.
    var spreadFloor: Double {
        switch self {
        case .engagement, .commentsPerLike: 0.05
        case .credibility, .audienceHomeShare: 0.02
        case .followingRatio: 0.01
        }
    }

    /// The creator's value on the metric's scale, `nil` when unknown. `line` is the size
    /// line of the creator's platform (engagement only).
    func value(of features: RiskFeatures, line: EngagementLine?) -> Double? {
        switch self {
        case .engagement:
            guard let engagement = features.judgedEngagement, let line else { return nil }
            return log(engagement.rate) - line.expected(followers: engagement.followers)
        case .commentsPerLike:
            return features.signals.commentsPerLikeValue.map { log($0) }
        case .credibility:
            return features.credibility
        case .followingRatio:
            guard let following = features.following, features.followers > 0 else { return nil }
            return following / features.followers
        case .audienceHomeShare:
            return features.signals.homeShareValue
        }
    }
}

/// How engagement falls with size on one platform: `ln(rate) ≈ intercept + slope ×
/// (log10(followers) − center)`, fitted by weighted least squares through the medians of
/// bins a quarter of a decade wide (bins of at least 20 creators), so the line follows
/// the typical creator and not the outliers.
public struct EngagementLine: Sendable, Equatable {
    public var center: Double
    public var intercept: Double
    public var slope: Double
    public var count: Int

    public init(center: Double, intercept: Double, slope: Double, count: Int) {
        self.center = center
        self.intercept = intercept
        self.slope = slope
        self.count = count
    }

    /// Expected `ln(rate)` for a creator with `followers`.
    public func expected(followers: Double) -> Double {
        intercept + slope * (log10(max(followers, 1)) - center)
    }

    static let binWidth = 0.25
    static let binMinimum = 20

    /// Fits `(log10 followers, ln rate)` points; `nil` when there are none.
    static func fit(_ points: [(x: Double, y: Double)]) -> EngagementLine? {
        guard !points.isEmpty else { return nil }
        var bins: [Int: [(x: Double, y: Double)]] = [:]
        for point in points { bins[Int((point.x / binWidth).rounded(.down)), default: []].append(point) }
        var medians: [(x: Double, y: Double, weight: Double)] = []
        for key in bins.keys.sorted() {
            guard let bin = bins[key], bin.count >= binMinimum else { continue }
            medians.append((RobustStatistics.median(sorted: bin.map(\.x).sorted()),
                            RobustStatistics.median(sorted: bin.map(\.y).sorted()), Double(bin.count)))
        }
        guard medians.count >= 2 else {
            return EngagementLine(center: RobustStatistics.median(sorted: points.map(\.x).sorted()),
                                  intercept: RobustStatistics.median(sorted: points.map(\.y).sorted()), slope: 0,
                                  count: points.count)
        }
        let total = medians.reduce(0) { $0 + $1.weight }
        let meanX = medians.reduce(0) { $0 + $1.weight * $1.x } / total
        let meanY = medians.reduce(0) { $0 + $1.weight * $1.y } / total
        let covariance = medians.reduce(0) { $0 + $1.weight * ($1.x - meanX) * ($1.y - meanY) }
        let variance = medians.reduce(0) { $0 + $1.weight * ($1.x - meanX) * ($1.x - meanX) }
        return EngagementLine(center: meanX, intercept: meanY, slope: variance > 0 ? covariance / variance : 0,
                              count: points.count)
    }
}
