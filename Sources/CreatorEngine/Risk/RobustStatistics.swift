/// Medians, spreads and quantiles of sorted samples: the robust statistics of the risk
/// rules (a few extreme values, the very ones looked for, do not move them).
public enum RobustStatistics {
    /// The median of ascending values (the mean of the middle two for an even count); NaN when empty.
    public static func median(sorted values: [Double]) -> Double {
        quantile(sorted: values, 0.5)
    }

    /// The `p` quantile of ascending values, interpolating linearly between ranks; NaN when empty.
    public static func quantile(sorted values: [Double], _ p: Double) -> Double {
        guard !values.isEmpty else { return .nan }
        let position = p * Double(values.count - 1)
        let lower = Int(position.rounded(.down))
        let upper = min(lower + 1, values.count - 1)
        let fraction = position - Double(lower)
        return values[lower] + (values[upper] - values[lower]) * fraction
    }

    /// The median absolute deviation from `median` of ascending values, in O(n): the
    /// deviations below and above the median are each already ordered, so the middle
    /// one is found by walking outwards from the median with two cursors.
    public static func medianAbsoluteDeviation(sorted values: [Double], median: Double) -> Double {
        let count = values.count
        guard count > 0 else { return .nan }
        // `below` walks down from the last value under the median, `above` up from the first at or over it.
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if values[middle] < median { low = middle + 1 } else { high = middle }
        }
        var above = low
        var below = low - 1
        var deviations: [Double] = []
        let wanted = count / 2 // the deviations up to rank `wanted` (0-based) are needed
        deviations.reserveCapacity(wanted + 1)
        while deviations.count <= wanted {
            let down = below >= 0 ? median - values[below] : .infinity
            let up = above < count ? values[above] - median : .infinity
            if down <= up {
                deviations.append(down)
                below -= 1
            } else {
                deviations.append(up)
                above += 1
            }
        }
        return count % 2 == 1 ? deviations[wanted] : (deviations[wanted - 1] + deviations[wanted]) / 2
    }

    /// 1.4826 × MAD: equals the standard deviation for normal data.
    public static func spread(sorted values: [Double], median: Double) -> Double {
        1.4826 * medianAbsoluteDeviation(sorted: values, median: median)
    }
}
