import Foundation

extension PeerTable {
    /// Computes the table from an index's creators. `features(document)` assembles a
    /// creator's features, `category(document)` is its primary category as an index into
    /// `categoryNames` (or -1). Returns the table and each creator's own group.
    static func build(count: Int, features: (Int) -> RiskFeatures, category: (Int) -> Int32,
                      categoryNames: [String]) -> (table: PeerTable, groupOfDocument: [UInt16]) {
        // Pass 1: the as-of day, the platforms' engagement points, category group sizes.
        var asOfDay: Int64?
        var points = [[(x: Double, y: Double)]](repeating: [], count: platformCount)
        var categorySizes: [Int: Int] = [:]
        let categoryCount = max(1, categoryNames.count)
        for document in 0..<count {
            let creator = features(document)
            if let day = creator.updatedDay { asOfDay = max(asOfDay ?? day, day) }
            let platformIndex = Platform.allCases.firstIndex(of: creator.signals.platform) ?? 0
            if let engagement = creator.judgedEngagement {
                points[platformIndex].append((log10(engagement.followers), log(engagement.rate)))
            }
            let categoryID = Int(category(document))
            if categoryID >= 0 {
                categorySizes[tierGroup(creator.signals.platform, creator.tier) * categoryCount + categoryID, default: 0] += 1
            }
        }
        let lines = points.map { EngagementLine.fit($0) }

        var groups = fixedGroups()
        var categoryGroup: [Int: Int] = [:]
        for key in categorySizes.keys.sorted() where (categorySizes[key] ?? 0) >= RiskPolicy.categoryGroupMinimum {
            guard groups.count <= Int(UInt16.max) else { break }
            let parent = key / categoryCount
            categoryGroup[key] = groups.count
            groups.append(Group(platform: groups[parent].platform, tier: groups[parent].tier,
                                category: categoryNames[key % categoryCount], parent: parent,
                                statistics: Array(repeating: nil, count: PeerMetric.allCases.count)))
        }

        // Pass 2: each creator's group and values.
        var groupOfDocument = [UInt16](repeating: 0, count: count)
        var values = [[Float]](repeating: [Float](repeating: .nan, count: count), count: PeerMetric.allCases.count)
        for document in 0..<count {
            let creator = features(document)
            let tierGroup = tierGroup(creator.signals.platform, creator.tier)
            let categoryID = Int(category(document))
            let own = categoryID >= 0 ? categoryGroup[tierGroup * categoryCount + categoryID] ?? tierGroup : tierGroup
            groupOfDocument[document] = UInt16(own)
            let line = lines[Platform.allCases.firstIndex(of: creator.signals.platform) ?? 0]
            for metric in PeerMetric.allCases {
                if let value = metric.value(of: creator, line: line), value.isFinite {
                    values[metric.rawValue][document] = Float(value)
                }
            }
        }

        // Per metric: gather each group's values (a creator counts in its group and every
        // group above it), then summarise.
        for metric in PeerMetric.allCases {
            var buckets = [[Double]](repeating: [], count: groups.count)
            for document in 0..<count {
                let value = values[metric.rawValue][document]
                guard !value.isNaN else { continue }
                var current: Int? = Int(groupOfDocument[document])
                while let group = current {
                    buckets[group].append(Double(value))
                    current = groups[group].parent
                }
            }
            values[metric.rawValue] = []
            for group in groups.indices where !buckets[group].isEmpty {
                buckets[group].sort()
                groups[group].statistics[metric.rawValue] = PeerStatistics(sorted: buckets[group])
                buckets[group] = []
            }
        }
        return (PeerTable(groups: groups, lines: lines, asOfDay: asOfDay), groupOfDocument)
    }
}
