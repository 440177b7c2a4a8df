/// Collects the measured seconds of each iteration of one benchmark so that its teardown
/// can print a plain summary (median and best) next to package-benchmark's percentiles.
/// One benchmark's closure and teardown share it; each suite process runs one benchmark.
public final class IterationLog {
    public private(set) var seconds: [Double] = []
    /// Bytes of input each iteration handles, to turn times into MB/s (0 if not known).
    public private(set) var bytesPerIteration = 0
    /// What the iterations ran on, for the summary line.
    public private(set) var subject = ""

    public init() {}

    public func record(_ duration: Duration, bytes: Int = 0, subject: String = "") {
        seconds.append(duration.inSeconds)
        bytesPerIteration = bytes
        self.subject = subject
    }

    /// Median and best MB/s of the iterations, nil before any iteration or without a byte count.
    public var megabytesPerSecond: (median: Double, best: Double)? {
        guard bytesPerIteration > 0, let median, let best else { return nil }
        return (Report.megabytesPerSecond(bytes: bytesPerIteration, seconds: median),
                Report.megabytesPerSecond(bytes: bytesPerIteration, seconds: best))
    }

    /// The median iteration time, nil before any iteration.
    public var median: Double? {
        guard !seconds.isEmpty else { return nil }
        let sorted = seconds.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// The fastest iteration, nil before any iteration.
    public var best: Double? { seconds.min() }
}

extension Duration {
    /// The duration in seconds as a floating-point number.
    public var inSeconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
    }
}
