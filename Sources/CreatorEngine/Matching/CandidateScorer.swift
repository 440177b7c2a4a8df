/// Scores one candidate creator against a brief (`MatchScore`), after the checks the query
/// language cannot make (an estimated price against `budget.max_per_creator`, a price above
/// the whole budget), and writes the one-line reason.
struct CandidateScorer {
    struct Scored {
        var document: Int
        var score: MatchScore
        var price: Double?
        var priceEstimated: Bool
        var matchedSlugs: [String]
        var matchedTerms: [String]
        var engagementPercentile: Double?
        var engagementPeers: String?
        var audienceDimensions: [(AudienceDimension, Double?)]
    }

    let brief: Brief
    let index: CreatorIndex
    let facets: DocumentFacets
    let prices: PriceModel
    let wanted: [(slug: String, weight: Double)]
    let hasTerms: Bool
    let lexical: [Int: (bm25: Double, terms: [String])]
    private let bestLexical: Double
    private let audienceFit: AudienceFit
    private let wantedLists: [SortedDocuments]
    private let languageLists: [SortedDocuments]
    private let fairShare: Double?

    init(brief: Brief, index: CreatorIndex, facets: DocumentFacets, prices: PriceModel, wanted: [(slug: String, weight: Double)],
         hasTerms: Bool, lexical: [Int: (bm25: Double, terms: [String])]) {
        self.brief = brief
        self.index = index
        self.facets = facets
        self.prices = prices
        self.wanted = wanted
        self.hasTerms = hasTerms
        self.lexical = lexical
        bestLexical = lexical.values.map(\.bm25).max() ?? 0
        audienceFit = AudienceFit(audience: brief.audience, index: index)
        wantedLists = wanted.map { index.facet(.category).documents(for: $0.slug) }
        languageLists = brief.languages.map { index.facet(.language).documents(for: $0) }
        let shares = [brief.budget?.maxPerCreator, brief.budget?.total.map { $0 / Double(brief.count) }].compactMap { $0 }
        fairShare = shares.min()
    }

    /// Nil when the creator breaks a budget constraint the query could not check.
    func score(_ document: Int) -> Scored? {
        let price = prices.price(of: document, index: index, facets: facets)
        if let price, let cap = brief.budget?.maxPerCreator, price.usd > cap * (1 + 1e-9) { return nil }
        if let price, let total = brief.budget?.total, price.usd > total * (1 + 1e-9) { return nil }
        if price == nil, brief.budget != nil { return nil }

        // Text relevance: the words (BM25 over the best in the pool), the niches, the languages.
        var textParts: [(weight: Double, value: Double)] = []
        let found = lexical[document]
        if hasTerms { textParts.append((0.5, bestLexical > 0 ? (found?.bm25 ?? 0) / bestLexical : 0)) }
        var matchedSlugs: [String] = []
        if !wanted.isEmpty {
            let top = wanted.map(\.weight).max() ?? 1, sum = wanted.reduce(0) { $0 + $1.weight }
            var best = 0.0, matched = 0.0
            for (slot, list) in wantedLists.enumerated() where list.contains(UInt32(document)) {
                best = max(best, wanted[slot].weight)
                matched += wanted[slot].weight
                matchedSlugs.append(wanted[slot].slug)
            }
            textParts.append((0.35, 0.5 * best / top + 0.5 * matched / sum))
        }
        if !languageLists.isEmpty {
            textParts.append((0.15, languageLists.contains { $0.contains(UInt32(document)) } ? 1 : 0))
        }
        let textWeight = textParts.reduce(0) { $0 + $1.weight }
        let textRelevance = textWeight > 0 ? textParts.reduce(0) { $0 + $1.weight * $1.value } / textWeight : nil

        let audience = audienceFit.applies ? audienceFit.fit(of: document) : nil
        let (percentile, peers) = engagementPercentile(of: document)
        let credibilityValue = index.column(.credibility)[document]
        // Price per follower against the peers' median; an estimate is the median itself.
        var ratio: Double?
        let followers = index.column(.followers)[document]
        if let price, price.estimated {
            ratio = 1
        } else if let price, followers > 0, let peer = prices.peerPricePerFollower(of: document, facets: facets), peer > 0 {
            ratio = price.usd / followers / peer
        }
        func known(_ column: NumericColumn) -> Double? {
            let value = index.column(column)[document]
            return value.isNaN ? nil : value
        }
        let score = MatchScore(
            textRelevance: textRelevance,
            audienceFit: audience?.total,
            engagementQuality: percentile.map { $0 / 100 } ?? 0.25,
            credibility: credibilityValue.isNaN ? 0.5 : min(1, max(0, credibilityValue)),
            priceFit: MatchScore.priceFit(price: price?.usd, peerRatio: ratio, fairShare: fairShare),
            trackRecord: MatchScore.trackRecord(completed: known(.collaborationsCompleted), late: known(.collaborationsLate),
                                                ghosted: known(.collaborationsGhosted), disputes: known(.collaborationsDisputes)),
            riskFactor: 1 - min(100, max(0, index.risk.score(of: document))) / 200)
        return Scored(document: document, score: score, price: price?.usd, priceEstimated: price?.estimated ?? false,
                      matchedSlugs: matchedSlugs, matchedTerms: found?.terms ?? [], engagementPercentile: percentile,
                      engagementPeers: peers, audienceDimensions: audience?.dimensions ?? [])
    }

    /// The creator's engagement (size-adjusted, as the risk rules measure it) as a percentile
    /// 0–100 among creators of its platform and tier (`PeerTable`), with the group's name.
    func engagementPercentile(of document: Int) -> (Double?, String?) {
        let features = index.risk.features(of: document)
        let peers = index.risk.peers
        let platform = features.signals.platform
        guard let value = PeerMetric.engagement.value(of: features, line: peers.line(for: platform)),
              let group = peers.comparisonGroup(.engagement, from: PeerTable.tierGroup(platform, features.tier)) else { return (nil, nil) }
        return (group.statistics.percentile(value), peers.groups[group.group].description)
    }

    func entry(_ scored: Scored, rank: Int, unreached: Double?, summary: HitSummary) -> Shortlist.Entry {
        Shortlist.Entry(rank: rank, document: scored.document, summary: summary, price: scored.price,
                        priceEstimated: scored.priceEstimated, score: scored.score, unreached: unreached,
                        engagementPercentile: scored.engagementPercentile,
                        reason: reason(scored, summary: summary))
    }

    /// One line: niche and words, audience, engagement against peers, risk, price.
    func reason(_ scored: Scored, summary: HitSummary) -> String {
        var parts: [String] = []
        var niche = scored.matchedSlugs.isEmpty ? "" : scored.matchedSlugs.joined(separator: "/")
        let words = scored.matchedTerms.prefix(3).map { "\"\($0)\"" }.joined(separator: ", ")
        if !words.isEmpty { niche += (niche.isEmpty ? "uses " : " creator using ") + words } else if !niche.isEmpty { niche += " creator" }
        if !niche.isEmpty { parts.append(niche) }
        if let fit = scored.score.audienceFit {
            let known = scored.audienceDimensions.compactMap { dimension, value in value.map { "\(dimension.rawValue) \(Self.percent($0))" } }
            parts.append("audience fit \(Self.percent(fit))" + (known.isEmpty ? " (audience unknown)" : " (\(known.joined(separator: ", ")))"))
        }
        if let percentile = scored.engagementPercentile, let peers = summary.platform.flatMap({ _ in scored.engagementPeers }) {
            parts.append("engagement above \(Int(percentile.rounded()))% of \(peers)")
        } else {
            parts.append("engagement unknown")
        }
        parts.append(summary.flags.isEmpty ? "\(summary.risk) risk" : "\(summary.risk) risk (\(summary.flags.joined(separator: ", ")))")
        if let price = scored.price { parts.append("$\(Int(price.rounded()))\(scored.priceEstimated ? " est." : "") a post") }
        return parts.joined(separator: "; ")
    }

    static func percent(_ share: Double) -> String { "\(Int((share * 100).rounded()))%" }
}
