/// The peer groups of an index and each group's statistics per `PeerMetric`, computed
/// from the indexed creators themselves at build time (so thresholds adapt to the data)
/// and stored in `risk.peers`; also the platforms' engagement size lines and the as-of day.
///
/// Groups form a tree: all creators → platform → platform × tier → platform × tier ×
/// primary category (only for categories with at least `RiskPolicy.categoryGroupMinimum`
/// creators in that platform and tier). A creator belongs to the most specific group; for
/// each metric it is compared with the first group up the tree that has enough values
/// (`RiskPolicy.categoryGroupMinimum` for category groups, `RiskPolicy.groupMinimum` else).
public struct PeerTable: Sendable, Equatable {
    public struct Group: Sendable, Equatable {
        public var platform: Platform?
        public var tier: Tier?
        public var category: String?
        public var parent: Int?
        /// By `PeerMetric.rawValue`; `nil` when the group has no value of the metric.
        public var statistics: [PeerStatistics?]

        /// "Instagram mid-tier beauty creators", "TikTok creators", "micro creators on other
        /// platforms", "all creators".
        public var description: String {
            guard let platform else { return "all creators" }
            var words = platform == .other ? [] : [platform.displayName]
            if let tier { words.append(tier.displayName) }
            if let category { words.append(category) }
            words.append("creators")
            if platform == .other { words.append("on other platforms") }
            return words.joined(separator: " ")
        }

        var minimum: Int { category == nil ? RiskPolicy.groupMinimum : RiskPolicy.categoryGroupMinimum }
    }

    public var groups: [Group]
    /// By platform (`Platform.allCases` order); `nil` where no creator has a known rate.
    public var lines: [EngagementLine?]
    /// The day the index is "now" for staleness: the newest `updated_at` of its creators.
    public var asOfDay: Int64?

    public init(groups: [Group], lines: [EngagementLine?], asOfDay: Int64?) {
        self.groups = groups
        self.lines = lines
        self.asOfDay = asOfDay
    }

    public func line(for platform: Platform) -> EngagementLine? {
        lines[Platform.allCases.firstIndex(of: platform) ?? 0]
    }

    /// The group a creator is compared with on `metric`, starting from its own group.
    public func comparisonGroup(_ metric: PeerMetric, from group: Int) -> (group: Int, statistics: PeerStatistics)? {
        var current: Int? = group
        while let index = current, groups.indices.contains(index) {
            let candidate = groups[index]
            if let statistics = candidate.statistics[metric.rawValue], statistics.count >= candidate.minimum {
                return (index, statistics)
            }
            current = candidate.parent
        }
        return nil
    }

    // MARK: Group numbering

    static let platformCount = Platform.allCases.count
    static let tierCount = Tier.allCases.count

    static func platformGroup(_ platform: Platform) -> Int { 1 + (Platform.allCases.firstIndex(of: platform) ?? 0) }

    static func tierGroup(_ platform: Platform, _ tier: Tier) -> Int {
        1 + platformCount + (Platform.allCases.firstIndex(of: platform) ?? 0) * tierCount + tier.rank
    }

    /// Group 0 is all creators, then one per platform, then one per platform × tier.
    static func fixedGroups() -> [Group] {
        let metrics = PeerMetric.allCases.count
        var groups = [Group(platform: nil, tier: nil, category: nil, parent: nil, statistics: Array(repeating: nil, count: metrics))]
        for platform in Platform.allCases {
            groups.append(Group(platform: platform, tier: nil, category: nil, parent: 0, statistics: Array(repeating: nil, count: metrics)))
        }
        for platform in Platform.allCases {
            for tier in Tier.allCases {
                groups.append(Group(platform: platform, tier: tier, category: nil, parent: platformGroup(platform),
                                    statistics: Array(repeating: nil, count: metrics)))
            }
        }
        return groups
    }
}

extension Platform {
    /// The platform's name as people write it.
    public var displayName: String {
        switch self {
        case .tiktok: "TikTok"
        case .instagram: "Instagram"
        case .youtube: "YouTube"
        case .twitch: "Twitch"
        case .x: "X"
        case .facebook: "Facebook"
        case .kuaishou: "Kuaishou"
        case .douyin: "Douyin"
        case .xiaohongshu: "Xiaohongshu"
        case .bilibili: "Bilibili"
        case .other: "other-platform"
        }
    }
}

extension Tier {
    /// "mid-tier" rather than "mid"; the others as they are.
    public var displayName: String { self == .mid ? "mid-tier" : rawValue }
}
