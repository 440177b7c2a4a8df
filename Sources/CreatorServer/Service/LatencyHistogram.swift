#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Latencies of one command in fixed memory: log-spaced buckets, eight per doubling (each
/// about 9% wide) from 1 µs to over an hour, so percentiles are exact to within one bucket
/// however many commands were served.
struct LatencyHistogram: Sendable {
    private static let bucketsPerDoubling = 8.0
    private static let bucketCount = 8 * 32
    private var counts = [UInt64](repeating: 0, count: LatencyHistogram.bucketCount)
    private(set) var total: UInt64 = 0
    private(set) var maximumMicroseconds: Double = 0

    mutating func record(microseconds: Double) {
        counts[Self.bucket(of: microseconds)] += 1
        total += 1
        if microseconds > maximumMicroseconds { maximumMicroseconds = microseconds }
    }

    /// The latency below which `share` (0...1) of the recorded ones fall: the upper edge of
    /// the bucket holding that rank, never above the largest recorded value.
    func percentile(_ share: Double) -> Double {
        guard total > 0 else { return 0 }
        let rank = max(1, UInt64((Double(total) * share).rounded(.up)))
        var seen: UInt64 = 0
        for (bucket, count) in counts.enumerated() {
            seen += count
            if seen >= rank { return min(Self.upperEdge(of: bucket), maximumMicroseconds) }
        }
        return maximumMicroseconds
    }

    static func bucket(of microseconds: Double) -> Int {
        guard microseconds > 1 else { return 0 }
        let position = Int((log2(microseconds) * bucketsPerDoubling).rounded(.up))
        return min(bucketCount - 1, max(0, position))
    }

    static func upperEdge(of bucket: Int) -> Double { exp2(Double(bucket) / bucketsPerDoubling) }
}
