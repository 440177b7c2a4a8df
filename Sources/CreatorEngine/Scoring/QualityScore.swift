/// The order of results when a query has no free text and no `like:`: a creator-quality
/// score in 0...1, so that a filter-only query lists the creators a brand should look at
/// first, not index order.
///
/// `quality = 0.5·engagement + 0.3·credibility + 0.2·growth`, where
/// - engagement: the creator's engagement rate over the median of its peers (same platform
///   and tier; a mega creator's 1% is as good as a nano creator's 6%), capped at 3× and
///   scaled to 0...1;
/// - credibility: the audience credibility share (real, active followers) as given;
/// - growth: follower growth over the history window, −2% → 0 and +10% or more → 1.
/// Unknown parts count as below typical (engagement and growth 0.25, credibility 0.5):
/// missing data never lifts a creator above one that shows good figures. The sum is then
/// discounted by the creator's fraud-risk score (`docs/risk.md`, 0...100): times
/// `1 − risk/200`, so the riskiest creators keep half their quality.
public struct QualityScore: Sendable {
    private let signals: Signals
    /// Every creator's score, computed once when the searcher opens (filter-only queries
    /// read it for each match).
    private let scores: OwnedBuffer<Double>

    public struct Parts: Sendable, Hashable {
        public var engagement: Double
        public var credibility: Double
        public var growth: Double
        /// The fraud-risk score, 0...100.
        public var risk: Double
        /// The weighted parts before the risk discount.
        public var merit: Double { 0.5 * engagement + 0.3 * credibility + 0.2 * growth }
        public var total: Double { merit * (1 - risk / 200) }
    }

    /// The highest score of any creator (0 for an empty index): a bound that lets a
    /// ranking skip reading a creator's score when even this could not place it.
    public let maximum: Double

    init(index: CreatorIndex, facets: DocumentFacets) {
        let signals = Signals(index: index, facets: facets)
        self.signals = signals
        let scores = (0..<index.documentCount).map { signals.parts(of: $0).total }
        self.scores = OwnedBuffer(scores)
        maximum = scores.max() ?? 0
    }

    public func parts(of document: Int) -> Parts { signals.parts(of: document) }

    public func score(of document: Int) -> Double { scores.buffer[document] }

    /// Starts reading `score(of: document)` into the caches (see `RankingBatch`).
    func prefetch(_ document: Int) { scores.buffer.prefetch(document) }

    /// The columns the score reads and the peers' medians.
    // @unchecked: the column views point into the immutable mapping of the index the
    // owning `Searcher` keeps open.
    private struct Signals: @unchecked Sendable {
        /// Median engagement rate per peer group (`platform * 256 + tier`).
        let peerMedianER: [Int: Double]
        let facets: DocumentFacets
        let engagement: ColumnValues
        let credibility: ColumnValues
        let growth: ColumnValues
        let risk: RiskReader

        init(index: CreatorIndex, facets: DocumentFacets) {
            self.facets = facets
            engagement = index.column(.engagementRate)
            credibility = index.column(.credibility)
            growth = index.column(.growth)
            risk = index.risk
            // Medians from an evenly spaced sample of at most ~64k creators: exact enough
            // for a ranking signal, and opening stays fast at millions of creators.
            let count = index.documentCount
            let stride = max(1, count / 65_536)
            var groups: [Int: [Double]] = [:]
            for document in Swift.stride(from: 0, to: count, by: stride) {
                let rate = engagement[document]
                guard !rate.isNaN else { continue }
                groups[Int(facets.platformOf.buffer[document]) * 256 + Int(facets.tierOf.buffer[document]), default: []].append(rate)
            }
            peerMedianER = groups.mapValues { values in
                let sorted = values.sorted()
                return sorted[sorted.count / 2]
            }
        }

        func peerGroup(_ document: Int) -> Int {
            Int(facets.platformOf.buffer[document]) * 256 + Int(facets.tierOf.buffer[document])
        }

        func parts(of document: Int) -> Parts {
            var parts = Parts(engagement: 0.25, credibility: 0.5, growth: 0.25, risk: risk.score(of: document))
            let rate = engagement[document]
            if !rate.isNaN, let median = peerMedianER[peerGroup(document)], median > 0 {
                parts.engagement = min(rate / median, 3) / 3
            }
            let share = credibility[document]
            if !share.isNaN { parts.credibility = min(max(share, 0), 1) }
            let change = growth[document]
            if !change.isNaN { parts.growth = min(max((change + 0.02) / 0.12, 0), 1) }
            return parts
        }
    }
}
