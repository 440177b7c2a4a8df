/// `risk.peers`, little-endian:
///
/// ```
/// u32 layout (1) · u32 group count · u32 metric count · u32 quantile count · i64 as-of day (Int64.min: unknown)
/// per platform: f64 center, intercept, slope, count (NaN: no line)
/// per group: i32 platform, tier, parent (-1: none) · i32 0
/// per group, per metric: f64 count (0: no values), median, spread, quantiles…
/// StringTable: each group's category ("" for none)
/// ```
extension PeerTable {
    static let layout: UInt32 = 1

    func encode(into writer: inout ByteWriter) {
        let metrics = PeerMetric.allCases.count
        let quantiles = PeerStatistics.quantileLevels.count
        writer.append(Self.layout)
        writer.append(UInt32(groups.count))
        writer.append(UInt32(metrics))
        writer.append(UInt32(quantiles))
        writer.append(asOfDay ?? Int64.min)
        for line in lines {
            writer.append(line?.center ?? .nan)
            writer.append(line?.intercept ?? .nan)
            writer.append(line?.slope ?? .nan)
            writer.append(line.map { Double($0.count) } ?? .nan)
        }
        for group in groups {
            writer.append(Int32(group.platform.flatMap { Platform.allCases.firstIndex(of: $0) } ?? -1))
            writer.append(Int32(group.tier?.rank ?? -1))
            writer.append(Int32(group.parent ?? -1))
            writer.append(Int32(0))
        }
        for group in groups {
            for metric in 0..<metrics {
                if let statistics = group.statistics[metric] {
                    writer.append(Double(statistics.count))
                    writer.append(statistics.median)
                    writer.append(statistics.spread)
                    for value in statistics.quantiles { writer.append(value) }
                } else {
                    for _ in 0..<(3 + quantiles) { writer.append(Double(0)) }
                }
            }
        }
        StringTable.encode(groups.map { $0.category ?? "" }, into: &writer)
    }

    init(view: ByteView) throws {
        guard try view.load(UInt32.self, at: 0) == Self.layout else { throw view.corrupt("unknown peer table layout") }
        let groupCount = Int(try view.load(UInt32.self, at: 4))
        let metrics = Int(try view.load(UInt32.self, at: 8))
        let quantiles = Int(try view.load(UInt32.self, at: 12))
        guard metrics == PeerMetric.allCases.count, quantiles == PeerStatistics.quantileLevels.count,
              groupCount >= 1, groupCount <= Int(UInt16.max) + 1
        else { throw view.corrupt("peer table shape \(groupCount)×\(metrics)×\(quantiles) does not match this build") }
        let day = try view.load(Int64.self, at: 16)
        var offset = 24
        func double() throws -> Double {
            defer { offset += 8 }
            return Double(bitPattern: try view.load(UInt64.self, at: offset))
        }
        var lines: [EngagementLine?] = []
        for _ in Platform.allCases {
            let center = try double(), intercept = try double(), slope = try double(), count = try double()
            lines.append(center.isNaN ? nil : EngagementLine(center: center, intercept: intercept, slope: slope,
                                                             count: Int(max(0, min(count, 1e15)))))
        }
        var groups: [Group] = []
        groups.reserveCapacity(groupCount)
        for index in 0..<groupCount {
            let platform = Int(try view.load(Int32.self, at: offset))
            let tier = Int(try view.load(Int32.self, at: offset + 4))
            let parent = Int(try view.load(Int32.self, at: offset + 8))
            offset += 16
            guard parent < index, platform < Platform.allCases.count, tier < Tier.allCases.count else {
                throw view.corrupt("peer group \(index) is malformed")
            }
            groups.append(Group(platform: platform >= 0 ? Platform.allCases[platform] : nil,
                                tier: tier >= 0 ? Tier.allCases[tier] : nil, category: nil,
                                parent: parent >= 0 ? parent : nil, statistics: []))
        }
        for index in 0..<groupCount {
            for _ in 0..<metrics {
                let count = try double(), median = try double(), spread = try double()
                var values: [Double] = []
                for _ in 0..<quantiles { values.append(try double()) }
                groups[index].statistics.append(count >= 1 ? PeerStatistics(count: Int(min(count, 1e15)), median: median,
                                                                            spread: spread, quantiles: values) : nil)
            }
        }
        let categories = try StringTable.Reader(view, at: offset)
        guard categories.count == groupCount else { throw view.corrupt("peer group names do not match the groups") }
        for index in 0..<groupCount where categories.utf8(index).count > 0 { groups[index].category = categories[index] }
        self.init(groups: groups, lines: lines, asOfDay: day == Int64.min ? nil : day)
    }
}
