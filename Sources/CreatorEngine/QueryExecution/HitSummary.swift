/// What a result line shows about a creator, read from the index's columns and facets
/// (no stored document is decompressed to list a page).
public struct HitSummary: Sendable, Hashable {
    public var id: String
    public var handle: String
    public var platform: String?
    public var country: String?
    public var tier: String?
    public var followers: Double?
    public var engagementRate: Double?
    /// `low`/`medium`/`high`.
    public var risk: String
    public var riskScore: Double
    /// The fraud-risk flags raised (`docs/risk.md`).
    public var flags: [String]
}

extension HitSummary {
    /// Writes the fields every result list starts with (`id` … `er`), so SEARCH hits and
    /// MATCH entries name and format them alike.
    func writeIdentity(to writer: inout JSONWriter) {
        writer.field("id", id)
        writer.field("handle", handle)
        writer.field("platform", platform)
        writer.field("country", country)
        writer.field("followers", followers.map { Int64($0) })
        writer.field("tier", tier)
        writer.field("er", engagementRate)
    }

    /// Writes the risk fields every result list carries.
    func writeRisk(to writer: inout JSONWriter) {
        writer.field("risk", risk)
        writer.field("risk_score", riskScore)
        writer.field("flags", flags)
    }
}

extension Searcher {
    public func summary(of document: Int) -> HitSummary {
        func known(_ value: Double) -> Double? { value.isNaN ? nil : value }
        return HitSummary(
            id: index.id(of: document), handle: index.handle(of: document),
            platform: facets.platform(of: document), country: facets.country(of: document), tier: facets.tier(of: document),
            followers: known(index.column(.followers)[document]),
            engagementRate: known(index.column(.engagementRate)[document]),
            risk: index.risk.level(of: document).rawValue, riskScore: index.risk.score(of: document),
            flags: index.risk.flags(of: document).flags.map(\.rawValue))
    }
}
