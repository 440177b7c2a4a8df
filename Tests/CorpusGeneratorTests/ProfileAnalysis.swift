import Foundation

/// Measurements of parsed profiles used by the realism and fraud tests, computed from the
/// dump format's own definitions (not from the generator's internals).
enum ProfileAnalysis {
    static let viewDriven: Set<String> = ["tiktok", "douyin", "kuaishou", "youtube", "bilibili", "twitch"]

    /// The engagement rate: provided, else derived by the format's per-platform rule.
    static func engagementRate(_ profile: [String: Any]) -> Double? {
        if let provided = profile.double("engagement_rate") { return provided }
        guard let likes = profile.double("avg_likes"), let comments = profile.double("avg_comments"),
              let platform = profile.string("platform"), platform != "other" else { return nil }
        if viewDriven.contains(platform) {
            guard let views = profile.double("avg_views"), views > 0 else { return nil }
            return (likes + comments + (profile.double("avg_shares") ?? 0)) / views
        }
        guard let followers = profile.double("followers"), followers > 0 else { return nil }
        return (likes + comments) / followers
    }

    static func tier(_ followers: Double) -> String {
        switch followers {
        case ..<10_000: "nano"
        case ..<50_000: "micro"
        case ..<500_000: "mid"
        case ..<1_000_000: "macro"
        default: "mega"
        }
    }

    /// Follower counts of `follower_history`, in order.
    static func historyCounts(_ profile: [String: Any]) -> [Double]? {
        guard let points = profile["follower_history"] as? [[Any]] else { return nil }
        return points.compactMap { ($0.last as? NSNumber)?.doubleValue }
    }

    /// The largest growth between consecutive history points (1.0 = no growth).
    static func largestStep(_ counts: [Double]) -> Double {
        zip(counts, counts.dropFirst()).map { $1 / max($0, 1) }.max() ?? 1
    }

    /// Audience sample ids as integers (string ids hold decimal digits).
    static func sample(_ profile: [String: Any]) -> Set<Int>? {
        guard let ids = profile.object("audience")?["sample"] as? [Any] else { return nil }
        return Set(ids.compactMap { ($0 as? String).flatMap { Int($0) } ?? ($0 as? NSNumber)?.intValue })
    }

    static func jaccard(_ a: Set<Int>, _ b: Set<Int>) -> Double {
        let union = a.union(b).count
        return union == 0 ? 0 : Double(a.intersection(b).count) / Double(union)
    }

    static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        return sorted[sorted.count / 2]
    }

    /// All text a creator wrote: name, bio, captions.
    static func text(_ profile: [String: Any]) -> String {
        var parts = [profile.string("name") ?? "", profile.string("bio") ?? ""]
        if let posts = profile["recent_posts"] as? [[String: Any]] {
            parts += posts.compactMap { $0.string("caption") }
        }
        return parts.joined(separator: " ")
    }

    static func contains(_ text: String, scalarsIn ranges: [ClosedRange<UInt32>]) -> Bool {
        text.unicodeScalars.contains { scalar in ranges.contains { $0.contains(scalar.value) } }
    }
}
