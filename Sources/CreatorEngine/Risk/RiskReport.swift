/// One creator's risk explained: the level and score, and for every flag whether it was
/// raised, with the numbers it was judged on and the peer figures it was judged against,
/// in words a marketer understands (`text`) and for programs (`json`).
public struct RiskReport: Sendable {
    public var level: RiskLevel
    public var score: Double
    public var flags: RiskFlags
    /// The index's as-of date (`YYYY-MM-DD`), the "now" of staleness.
    public var asOf: String?
    /// One per flag: the raised ones first, then the clear ones, then those not judged.
    public var findings: [RiskFinding]
    /// The report for programs (RISK, GET's `"risk"`), written when asked for.
    public var json: [UInt8] { encodeJSON() }
    /// The report in words (`creators risk`), written when asked for: GET and RISK never
    /// pay for it.
    public var text: String { describe() }

    public init(assessment: RiskAssessment, blacklisting: (reason: String?, source: String?, since: String?)?) {
        level = assessment.level
        score = assessment.score
        flags = assessment.flags
        asOf = assessment.asOfDay.map(RiskWording.date)
        let all = RiskFlag.allCases.map { RiskFinding(flag: $0, assessment: assessment, blacklisting: blacklisting) }
        findings = all.filter { $0.outcome == .raised } + all.filter { $0.outcome == .clear }
            + all.filter { $0.outcome == .notJudged }
    }

    private func encodeJSON() -> [UInt8] {
        var json = JSONWriter(reservingCapacity: 4096)
        json.beginObject()
        json.key("level"); json.value(level.rawValue)
        json.key("score"); json.value(score)
        json.field("flags", flags.flags.map(\.rawValue))
        json.field("as_of", asOf)
        json.key("checks")
        json.beginArray()
        for finding in findings { finding.write(into: &json) }
        json.endArray()
        json.endObject()
        return json.bytes
    }

    private func describe() -> String {
        let scoreText = RiskWording.number(score)
        var lines = ["Risk: \(level.rawValue) (score \(scoreText) of 100)" + (asOf.map { ", as of \($0)" } ?? "")]
        let raised = findings.filter { $0.outcome == .raised }
        let clear = findings.filter { $0.outcome == .clear }
        let notJudged = findings.filter { $0.outcome == .notJudged }
        lines.append(raised.isEmpty ? "No risk flags." : "Flags (\(raised.count)):")
        for finding in raised { lines.append("  ! \(finding.flag.title): \(finding.summary)") }
        if !clear.isEmpty {
            lines.append("Checked, no concern:")
            for finding in clear { lines.append("  - \(finding.flag.title): \(finding.summary)") }
        }
        if !notJudged.isEmpty {
            lines.append("Not judged (missing data never raises a flag):")
            for finding in notJudged { lines.append("  - \(finding.flag.title): \(finding.summary)") }
        }
        return lines.joined(separator: "\n")
    }
}
