/// A shortlisted creator's score and its named parts, each in 0…1 (`docs/matching.md`).
///
/// `total = (Σ weightᵢ · partᵢ / Σ weightᵢ) × riskFactor`, over the parts that apply to the
/// brief (a part that does not apply is nil and drops out of both sums):
///
/// | part | weight | applies when |
/// |---|---|---|
/// | text relevance | 0.25 | the brief has searchable words, niches or content languages |
/// | audience fit | 0.35 | the brief has an `audience` |
/// | engagement quality | 0.12 | always |
/// | credibility | 0.10 | always |
/// | price fit | 0.09 | always |
/// | track record | 0.09 | always |
///
/// Audience fit weighs most when given: words match only creators who write in the brief's
/// language, while the audience says who the brand sells to.
///
/// `riskFactor = 1 − riskScore / 200` (the fraud-risk score 0…100 of `docs/risk.md`, as
/// `QualityScore` discounts it): creators above the brief's `max_risk` are excluded, and
/// lower risk still lowers the score, by at most a half.
public struct MatchScore: Sendable, Equatable {
    public var textRelevance: Double?
    public var audienceFit: Double?
    public var engagementQuality: Double
    public var credibility: Double
    public var priceFit: Double
    public var trackRecord: Double
    public var riskFactor: Double

    public static let weights = (text: 0.25, audience: 0.35, engagement: 0.12, credibility: 0.10, price: 0.09, track: 0.09)

    /// The parts as (JSON name, weight, value), in the order they are shown.
    public var parts: [(name: String, weight: Double, value: Double?)] {
        let weights = Self.weights
        return [("text_relevance", weights.text, textRelevance), ("audience_fit", weights.audience, audienceFit),
                ("engagement_quality", weights.engagement, engagementQuality), ("credibility", weights.credibility, credibility),
                ("price_fit", weights.price, priceFit), ("track_record", weights.track, trackRecord)]
    }

    /// The weighted mean of the parts that apply, times the risk factor; in 0…1.
    public var total: Double {
        var sum = 0.0, weight = 0.0
        for part in parts {
            guard let value = part.value else { continue }
            sum += part.weight * value
            weight += part.weight
        }
        return weight > 0 ? sum / weight * riskFactor : 0
    }

    /// Collaboration track record from completed, late, ghosted and disputed deals: a
    /// smoothed success share, `(completed − late/2 + 1) / (completed + 2·ghosted + 2·disputes + 2)`,
    /// clamped to 0…1. No deals on record gives 0.5; a ghosted deal or dispute weighs as two failures.
    static func trackRecord(completed: Double?, late: Double?, ghosted: Double?, disputes: Double?) -> Double {
        let done = completed ?? 0, lateCount = late ?? 0, ghostCount = ghosted ?? 0, disputeCount = disputes ?? 0
        let value = (done - lateCount / 2 + 1) / (done + 2 * ghostCount + 2 * disputeCount + 2)
        return min(1, max(0, value))
    }

    /// Price fit: how the price sits against the budget and against peers' prices.
    /// - value `= clamp(1.25 − ratio / 2)`, ratio = price per follower over the peers' median
    ///   (half the peers' rate → 1, the peers' rate → 0.75, 2.5× → 0);
    /// - affordability against the fair share R = min(max_per_creator, total / count): 1 up to
    ///   R, falling linearly to 0 at 2R;
    /// - fit = 0.6 affordability + 0.4 value with a budget, value alone without; 0.5 when the
    ///   price cannot be known or estimated.
    static func priceFit(price: Double?, peerRatio: Double?, fairShare: Double?) -> Double {
        guard let price else { return 0.5 }
        let value = peerRatio.map { min(1, max(0, 1.25 - $0 / 2)) } ?? 0.5
        guard let fairShare, fairShare > 0 else { return value }
        let affordability = price <= fairShare ? 1 : max(0, 2 - price / fairShare)
        return 0.6 * affordability + 0.4 * value
    }
}
