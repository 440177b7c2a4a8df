/// Latency percentiles by nearest rank, the same rule `tantivy/bench.py` uses, so that the
/// two sides of a ratio are computed alike.
public enum Percentiles {
    /// The value at `fraction` (0...1) of `values` by nearest rank; nil when empty.
    public static func nearestRank(_ values: [Double], _ fraction: Double) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let rank = Int((fraction * Double(sorted.count)).rounded(.up))
        return sorted[min(sorted.count - 1, max(0, rank - 1))]
    }
}
