/// One peer group's distribution of one metric: its size, median, robust spread and a
/// few quantiles (for "middle half" figures and percentiles).
public struct PeerStatistics: Sendable, Equatable {
    public var count: Int
    public var median: Double
    /// 1.4826 × the median absolute deviation.
    public var spread: Double
    /// The values at `PeerStatistics.quantileLevels`.
    public var quantiles: [Double]

    /// 1%, 5%, 10%, 25%, 75%, 90%, 95%, 99%.
    public static let quantileLevels: [Double] = [0.01, 0.05, 0.10, 0.25, 0.75, 0.90, 0.95, 0.99]

    public init(count: Int, median: Double, spread: Double, quantiles: [Double]) {
        self.count = count
        self.median = median
        self.spread = spread
        self.quantiles = quantiles
    }

    /// The statistics of ascending values (at least one).
    public init(sorted values: [Double]) {
        count = values.count
        median = RobustStatistics.median(sorted: values)
        spread = RobustStatistics.spread(sorted: values, median: median)
        quantiles = Self.quantileLevels.map { RobustStatistics.quantile(sorted: values, $0) }
    }

    public var lowerQuartile: Double { quantiles[3] }
    public var upperQuartile: Double { quantiles[4] }

    /// Spreads from the median, with the spread floored at `floor`.
    public func score(_ value: Double, floor: Double) -> Double {
        (value - median) / max(spread, floor)
    }

    /// The share of peers below `value`, 0–100, interpolated between the stored quantiles
    /// (so at most "under 1" or "over 99" at the ends).
    public func percentile(_ value: Double) -> Double {
        let levels = [0.01, 0.05, 0.10, 0.25, 0.5, 0.75, 0.90, 0.95, 0.99]
        let points = [quantiles[0], quantiles[1], quantiles[2], quantiles[3], median, quantiles[4], quantiles[5],
                      quantiles[6], quantiles[7]]
        if value <= points[0] { return value < points[0] ? 0.5 : 1 }
        if value >= points[points.count - 1] { return value > points[points.count - 1] ? 99.5 : 99 }
        for index in 1..<points.count where value <= points[index] {
            let low = points[index - 1], high = points[index]
            let fraction = high > low ? (value - low) / (high - low) : 1
            return 100 * (levels[index - 1] + fraction * (levels[index] - levels[index - 1]))
        }
        return 99
    }
}
