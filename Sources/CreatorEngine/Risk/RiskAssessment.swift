import Foundation

/// One creator compared with its peer group on one metric, in the metric's own units
/// (an engagement rate, comments per like, a credibility, a ratio, a share).
public struct PeerComparison: Sendable, Equatable {
    public var metric: PeerMetric
    /// The creator's value.
    public var value: Double
    /// The peers' median (for engagement: at the creator's size).
    public var typical: Double
    /// The middle half of the peers: their 25th and 75th percentiles.
    public var lowerQuartile: Double
    public var upperQuartile: Double
    /// `value / typical`.
    public var ratio: Double
    /// Robust z-score: spreads from the peers' median (on a log scale for log metrics).
    public var score: Double
    /// Share of peers below the creator, 0–100.
    public var percentile: Double
    /// The peer group (an index into `PeerTable.groups`; `RiskAssessment.peers` names it)
    /// and its number of creators with a value of the metric.
    public var group: Int
    public var peerCount: Int
}

/// How one rule judged one creator.
public enum RiskOutcome: String, Sendable {
    /// The rule's conditions hold: the flag is raised.
    case raised
    /// The rule had its data and the creator is within bounds.
    case clear
    /// The data the rule needs is missing (never a reason to raise a flag).
    case notJudged = "not_judged"
}

/// The verdict of one rule: outcome, how far past its threshold (0–1), and for a rule
/// that could not judge, what was missing.
public struct RiskCheck: Sendable, Equatable {
    public var flag: RiskFlag
    public var outcome: RiskOutcome
    public var strength: Double
    public var missing: String?
}

/// Everything the rules decided about one creator, with the numbers they decided on.
public struct RiskAssessment: Sendable {
    public var features: RiskFeatures
    /// One per flag, in `RiskFlag.allCases` order.
    public var checks: [RiskCheck]
    public var flags: RiskFlags
    public var score: Double
    public var level: RiskLevel
    /// The peer table the creator was judged against.
    public var peers: PeerTable
    /// The as-of day staleness was measured against.
    public var asOfDay: Int64? { peers.asOfDay }
    public var engagement: PeerComparison?
    public var commentsPerLike: PeerComparison?
    public var credibility: PeerComparison?
    public var followingRatio: PeerComparison?
    public var audienceHomeShare: PeerComparison?

    public func check(_ flag: RiskFlag) -> RiskCheck { checks[flag.position] }

    /// Who a comparison's peers are ("Instagram mid-tier creators"); names are made only when asked for.
    public func peerDescription(_ comparison: PeerComparison) -> String {
        peers.groups.indices.contains(comparison.group) ? peers.groups[comparison.group].description : "peers"
    }
}
