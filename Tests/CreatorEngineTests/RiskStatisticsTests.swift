import Foundation
import Testing
@testable import CreatorEngine

@Suite("Robust statistics and the risk records")
struct RiskStatisticsTests {
    /// The median absolute deviation by definition: sort the deviations, take their median.
    func bruteForceMAD(_ values: [Double], median: Double) -> Double {
        let deviations = values.map { abs($0 - median) }.sorted()
        let count = deviations.count
        return count % 2 == 1 ? deviations[count / 2] : (deviations[count / 2 - 1] + deviations[count / 2]) / 2
    }

    @Test("the O(n) median absolute deviation equals the definition, on random samples with ties")
    func medianAbsoluteDeviation() {
        var generator = SystemRandomNumberGenerator()
        for trial in 0..<500 {
            let count = 1 + trial % 37
            let values = (0..<count).map { _ in Double(Int.random(in: -20...20, using: &generator)) / 4 }.sorted()
            let median = RobustStatistics.median(sorted: values)
            #expect(RobustStatistics.medianAbsoluteDeviation(sorted: values, median: median) == bruteForceMAD(values, median: median),
                    "\(values)")
        }
    }

    @Test("median and quantiles interpolate between ranks")
    func quantiles() {
        #expect(RobustStatistics.median(sorted: [1, 2, 3, 10]) == 2.5)
        #expect(RobustStatistics.median(sorted: [5]) == 5)
        #expect(RobustStatistics.median(sorted: []).isNaN)
        #expect(RobustStatistics.quantile(sorted: [0, 10], 0.25) == 2.5)
        let values = (0...100).map(Double.init)
        let statistics = PeerStatistics(sorted: values)
        #expect(statistics.median == 50)
        #expect(statistics.quantiles == PeerStatistics.quantileLevels.map { $0 * 100 })
        // Percentiles rise with the value and stay within (0, 100).
        var previous = -1.0
        for value in stride(from: -5.0, through: 105, by: 0.5) {
            let percentile = statistics.percentile(value)
            #expect(percentile >= previous && percentile > 0 && percentile < 100)
            previous = percentile
        }
        #expect(abs(statistics.percentile(30) - 30) < 1e-9)
    }

    @Test("a risk signals record reads back as written")
    func signalsRoundTrip() {
        var signals = RiskSignals(platform: .douyin)
        signals.engagementRate = 0.031
        signals.engagementSource = .posts
        signals.commentsPerLike = 0.4
        signals.jump = FollowerJump(growth: 0.85, score: 42, fromFollowers: 12_400, endDay: 20_300, days: 7, typicalWeeklyGrowth: 0.004)
        signals.homeCountry = "BR"
        signals.homeShare = 0.05
        signals.topForeignCountry = "IN"
        signals.topForeignShare = 0.68
        signals.primaryLanguage = "pt"
        signals.primaryLanguageShare = 0.03
        signals.isBlacklisted = true
        signals.peerGroup = 1234
        var writer = ByteWriter()
        signals.encode(into: &writer)
        #expect(writer.count == RiskSignals.recordSize)
        let decoded = writer.bytes.withUnsafeBytes { RiskSignals(record: $0) }
        #expect(decoded == signals)

        var empty = ByteWriter()
        RiskSignals(platform: .other).encode(into: &empty)
        let unknown = empty.bytes.withUnsafeBytes { RiskSignals(record: $0) }
        #expect(unknown.jump == nil && unknown.engagementRateValue == nil && unknown.homeCountry == nil)
        #expect(unknown.platform == .other && !unknown.isBlacklisted)
    }

    @Test("a peer table reads back as written")
    func peerTableRoundTrip() throws {
        var table = RiskFixtures.peers()
        table.groups.append(PeerTable.Group(platform: .instagram, tier: .micro, category: "beauty",
                                            parent: PeerTable.tierGroup(.instagram, .micro),
                                            statistics: [nil, RiskFixtures.statistics(median: 1, spread: 2), nil, nil, nil]))
        var writer = ByteWriter()
        table.encode(into: &writer)
        let decoded = try writer.bytes.withUnsafeBytes { raw in
            try PeerTable(view: ByteView(base: try #require(raw.baseAddress), count: raw.count, context: "test"))
        }
        #expect(decoded == table)
        #expect(decoded.groups.last?.description == "Instagram micro beauty creators")
    }

    @Test("the engagement size line follows the median creator, not the outliers")
    func engagementLine() throws {
        // ln(rate) = ln(0.05) − 0.4 × (log10 followers − 4), plus a few wild outliers.
        var points: [(x: Double, y: Double)] = []
        for step in 0..<2_000 {
            let x = 2.5 + Double(step) / 2_000 * 4
            let outlier = step % 50 == 0 ? 3.0 : 0
            points.append((x, log(0.05) - 0.4 * (x - 4) + outlier + 0.1 * sin(Double(step))))
        }
        let line = try #require(EngagementLine.fit(points))
        #expect(abs(line.slope - -0.4) < 0.03)
        #expect(abs(line.expected(followers: 10_000) - log(0.05)) < 0.05)
    }
}
