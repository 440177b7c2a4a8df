import Foundation

/// Numbers as a marketer reads them: "2.3%", "12,400", "+85%", "6.1×".
enum RiskWording {
    /// A fraction as a percentage with sensible precision (0.0231 → "2.3%", 0.0004 → "0.04%").
    static func percent(_ fraction: Double) -> String {
        let value = fraction * 100
        if !value.isFinite { return "unknown" }
        if value == 0 { return "0%" }
        if abs(value) >= 10 { return String(format: "%.0f%%", value) }
        if abs(value) >= 1 { return String(format: "%.1f%%", value) }
        if abs(value) >= 0.1 { return String(format: "%.2f%%", value) }
        return String(format: "%.3f%%", value)
    }

    /// A signed percentage change (0.85 → "+85%").
    static func change(_ fraction: Double) -> String {
        (fraction >= 0 ? "+" : "−") + percent(abs(fraction))
    }

    /// A whole count with thousands separators (12400 → "12,400").
    static func count(_ value: Double) -> String {
        guard value.isFinite else { return "unknown" }
        let whole = Int64(value.rounded())
        var digits = String(whole.magnitude)
        var groups: [Substring] = []
        while digits.count > 3 {
            groups.insert(Substring(digits.suffix(3)), at: 0)
            digits.removeLast(3)
        }
        groups.insert(Substring(digits), at: 0)
        return (whole < 0 ? "-" : "") + groups.joined(separator: ",")
    }

    /// A multiple (6.1×, 0.16×).
    static func multiple(_ value: Double) -> String {
        guard value.isFinite else { return "unknown" }
        return value >= 10 ? String(format: "%.0f×", value) : value >= 1 ? String(format: "%.1f×", value) : String(format: "%.2f×", value)
    }

    /// A plain number with two significant decimals at most (0.04, 1.03, 42).
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "unknown" }
        if abs(value) >= 100 { return count(value) }
        if abs(value) >= 10 { return String(format: "%.0f", value) }
        if abs(value) >= 1 { return String(format: "%.1f", value) }
        if value == 0 { return "0" }
        return String(format: "%.2g", value)
    }

    /// Where a creator stands among its peers ("lower than 99% of 4,210 peers").
    static func standing(_ comparison: PeerComparison) -> String {
        let peers = "\(count(Double(comparison.peerCount))) peers"
        if comparison.percentile < 50 {
            return "lower than \(String(format: "%.0f", min(99, max(1, 100 - comparison.percentile))))% of \(peers)"
        }
        return "higher than \(String(format: "%.0f", min(99, max(1, comparison.percentile))))% of \(peers)"
    }

    static func date(_ day: Int64) -> String { Timestamp(secondsSinceEpoch: day * 86_400).dateString }
}
