/// What a brief gets back: the chosen creators, best first, each with its score parts and a
/// one-line reason, and for the set the estimated total and unique reach, the cost against
/// the budget and the highest pairwise audience overlap. `json` is the MATCH document of
/// `protocol.md` (the same bytes `creators match --json` prints); `text` the CLI's table.
public struct Shortlist: Sendable {
    public struct Entry: Sendable {
        public var rank: Int
        public var document: Int
        public var summary: HitSummary
        /// USD for one post: stated, or estimated from peers (`priceEstimated`).
        public var price: Double?
        public var priceEstimated: Bool
        public var score: MatchScore
        /// Share of its audience not reached by the creators listed before it (nil: no sample).
        public var unreached: Double?
        /// Engagement percentile among creators of its platform and tier.
        public var engagementPercentile: Double?
        public var reason: String
    }

    public let brief: Brief
    public let entries: [Entry]
    public let overlap: AudienceOverlapSet
    /// The analysed terms searched, rarest first.
    public let terms: [String]
    /// Niches learnt from the brief's words (`CategoryInference`).
    public let inferredCategories: [(slug: String, weight: Double)]
    /// The query-language text of each candidate search.
    public let candidateQueries: [String]
    /// Candidates scored (after the budget checks).
    public let candidatesConsidered: Int
    public let tookMilliseconds: Double

    /// The estimated cost of the list, USD.
    public var cost: Double { entries.reduce(0) { $0 + ($1.price ?? 0) } }

    public var json: [UInt8] {
        var writer = JSONWriter(reservingCapacity: 1_024 + entries.count * 700)
        writer.beginObject()
        writer.key("brief")
        writer.beginObject()
        writer.field("product", brief.product)
        writer.field("count", Int64(brief.count))
        writer.field("max_risk", brief.maxRisk.rawValue)
        writer.field("diversify", brief.diversify != nil)
        writer.field("max_pairwise_overlap", brief.diversify?.maxPairwiseOverlap)
        writer.endObject()
        writer.field("terms", terms)
        writer.key("inferred_categories")
        writer.beginArray()
        for (slug, weight) in inferredCategories {
            writer.beginObject()
            writer.field("slug", slug)
            writer.field("weight", weight.roundedToFourDecimals)
            writer.endObject()
        }
        writer.endArray()
        writer.field("candidate_queries", candidateQueries)
        writer.field("candidates", Int64(candidatesConsidered))
        writer.key("summary")
        writer.beginObject()
        writer.field("creators", Int64(entries.count))
        writer.field("total_reach", Int64(overlap.totalReach.rounded()))
        writer.field("unique_reach", Int64(overlap.uniqueReach.rounded()))
        writer.field("unique_reach_share", overlap.totalReach > 0 ? (overlap.uniqueReach / overlap.totalReach).roundedToFourDecimals : nil)
        writer.key("max_pairwise_overlap")
        if let largest = overlap.maxPairwiseOverlap { writer.value(largest.roundedToFourDecimals) } else { writer.null() }
        writer.field("currency", "USD")
        writer.field("cost", Self.money(cost))
        writer.key("budget_total")
        if let total = brief.budget?.total { writer.value(Self.money(total)) } else { writer.null() }
        writer.key("budget_max_per_creator")
        if let cap = brief.budget?.maxPerCreator { writer.value(Self.money(cap)) } else { writer.null() }
        writer.endObject()
        writer.key("shortlist")
        writer.beginArray()
        for entry in entries { write(entry, to: &writer) }
        writer.endArray()
        writer.endObject()
        return writer.bytes
    }

    private func write(_ entry: Entry, to writer: inout JSONWriter) {
        let summary = entry.summary
        writer.beginObject()
        writer.field("rank", Int64(entry.rank))
        summary.writeIdentity(to: &writer)
        writer.key("price")
        if let price = entry.price { writer.value(Self.money(price)) } else { writer.null() }
        writer.field("price_estimated", entry.priceEstimated)
        summary.writeRisk(to: &writer)
        writer.field("score", entry.score.total.roundedToFourDecimals)
        writer.key("score_parts")
        writer.beginObject()
        for part in entry.score.parts {
            writer.key(part.name)
            if let value = part.value { writer.value(value.roundedToFourDecimals) } else { writer.null() }
        }
        writer.field("risk_factor", entry.score.riskFactor.roundedToFourDecimals)
        writer.endObject()
        writer.key("new_audience_share")
        if let unreached = entry.unreached { writer.value(unreached.roundedToFourDecimals) } else { writer.null() }
        writer.field("reason", entry.reason)
        writer.endObject()
    }

    /// A readable table: one line per creator with its score parts, its reason below, then the set's figures.
    public var text: String {
        var lines: [String] = []
        let header = ["#", "handle", "platform", "country", "followers", "tier", "ER", "price", "risk", "score",
                      "text", "aud", "eng", "cred", "price", "track", "new"]
        var rows: [[String]] = [header]
        func share(_ value: Double?) -> String { value.map { String(Int(($0 * 100).rounded())) } ?? "-" }
        for entry in entries {
            let summary = entry.summary
            rows.append([String(entry.rank), "@" + summary.handle, summary.platform ?? "-", summary.country ?? "-",
                         summary.followers.map { Self.compact($0) } ?? "-", summary.tier ?? "-",
                         summary.engagementRate.map { String(format2: $0 * 100) + "%" } ?? "-",
                         entry.price.map { "$" + Self.compact($0) + (entry.priceEstimated ? "*" : "") } ?? "-",
                         summary.risk, String(format2: entry.score.total),
                         share(entry.score.textRelevance), share(entry.score.audienceFit), share(entry.score.engagementQuality),
                         share(entry.score.credibility), share(entry.score.priceFit), share(entry.score.trackRecord),
                         share(entry.unreached)])
        }
        let widths = header.indices.map { column in rows.map { DisplayWidth.cells(of: $0[column]) }.max() ?? 0 }
        for (number, row) in rows.enumerated() {
            lines.append(row.enumerated().map { column, cell in
                cell + String(repeating: " ", count: widths[column] - DisplayWidth.cells(of: cell))
            }.joined(separator: "  ").trimmingTrailingSpaces)
            if number > 0 { lines.append("    " + entries[number - 1].reason) }
        }
        if entries.isEmpty { lines = ["no creator fits the brief's hard constraints and budget"] }
        lines.append("")
        var summary = "\(entries.count) creators; reach \(Self.compact(overlap.totalReach)), unique \(Self.compact(overlap.uniqueReach))"
        if overlap.totalReach > 0 { summary += " (\(Int((overlap.uniqueReach / overlap.totalReach * 100).rounded()))%)" }
        summary += "; highest pairwise overlap " + (overlap.maxPairwiseOverlap.map { "\(Int(($0 * 100).rounded()))%" } ?? "unknown")
        summary += "; cost $" + Self.compact(cost) + (brief.budget?.total.map { " of $" + Self.compact($0) } ?? "")
        lines.append(summary)
        lines.append("scores 0–100: text relevance, audience fit, engagement quality, credibility, price fit, track record; new = share of audience not reached by those above; * = estimated price")
        lines.append("candidates: \(candidatesConsidered) scored" + (inferredCategories.isEmpty ? "" : "; niches from the words: " + inferredCategories.map(\.slug).joined(separator: ", ")))
        return lines.joined(separator: "\n") + "\n"
    }

    static func money(_ value: Double) -> Double { (value * 100).rounded() / 100 }

    /// 1234 → 1.2k, 2_500_000 → 2.5M.
    static func compact(_ value: Double) -> String {
        switch abs(value) {
        case ..<1_000: String(Int(value.rounded()))
        case ..<1_000_000: String(format1: value / 1_000) + "k"
        default: String(format1: value / 1_000_000) + "M"
        }
    }
}

extension String {
    /// A number with two decimals, without Foundation.
    init(format2 value: Double) {
        let hundredths = Int((value * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = abs(hundredths)
        self = sign + String(magnitude / 100) + "." + (magnitude % 100 < 10 ? "0" : "") + String(magnitude % 100)
    }

    /// A number with one decimal, without Foundation.
    init(format1 value: Double) {
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        self = sign + String(abs(tenths) / 10) + "." + String(abs(tenths) % 10)
    }

    var trimmingTrailingSpaces: String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
