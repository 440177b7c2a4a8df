import Foundation

/// Distributions drawn from a `SplitMix64`, with fixed algorithms (see `SplitMix64`).
extension SplitMix64 {
    /// Uniform in [0, 1), 53 bits.
    @inline(__always)
    mutating func unit() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// Uniform in `range`.
    @inline(__always)
    mutating func uniform(_ range: ClosedRange<Double>) -> Double {
        range.lowerBound + unit() * (range.upperBound - range.lowerBound)
    }

    /// Uniform integer in 0..<bound (multiply-shift; the bias is below 2^-32 for our bounds).
    @inline(__always)
    mutating func below(_ bound: Int) -> Int {
        guard bound > 1 else { return 0 }
        return Int((UInt128(next()) &* UInt128(UInt64(bound))) >> 64)
    }

    /// Uniform integer in `range`.
    @inline(__always)
    mutating func integer(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// True with probability `probability`.
    @inline(__always)
    mutating func chance(_ probability: Double) -> Bool {
        unit() < probability
    }

    /// A standard normal deviate (Box–Muller, one of the pair).
    mutating func normal() -> Double {
        let u1 = max(unit(), 0x1p-60)
        let u2 = unit()
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }

    /// A normal deviate clipped to ±`limit` standard deviations, so that "clean" values stay
    /// inside bands the fraud patterns are defined outside of.
    mutating func clippedNormal(limit: Double) -> Double {
        min(limit, max(-limit, normal()))
    }

    /// exp(N(mu, sigma)).
    mutating func logNormal(mu: Double, sigma: Double) -> Double {
        exp(mu + sigma * normal())
    }

    /// One element of a non-empty array, uniformly.
    @inline(__always)
    mutating func pick<Element>(_ elements: [Element]) -> Element {
        elements[below(elements.count)]
    }

    /// A count with mean `mean` (Poisson for small means, a rounded normal above 30).
    mutating func poisson(_ mean: Double) -> Int {
        guard mean > 0 else { return 0 }
        if mean > 30 {
            return max(0, Int((mean + mean.squareRoot() * normal()).rounded()))
        }
        let limit = exp(-mean)
        var product = unit()
        var count = 0
        while product > limit {
            product *= unit()
            count += 1
        }
        return count
    }
}

/// A fixed set of choices with weights, picked by binary search over cumulative weights.
struct WeightedTable<Element: Sendable>: Sendable {
    let elements: [Element]
    private let cumulative: [Double]

    init(_ pairs: [(Element, Double)]) {
        precondition(!pairs.isEmpty, "a weighted table needs at least one element")
        elements = pairs.map(\.0)
        var running = 0.0
        cumulative = pairs.map { pair in
            running += max(0, pair.1)
            return running
        }
    }

    var totalWeight: Double { cumulative.last ?? 0 }

    func pick(_ random: inout SplitMix64) -> Element {
        let target = random.unit() * totalWeight
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] > target { high = middle } else { low = middle + 1 }
        }
        return elements[low]
    }
}
