/// The query-language trees a brief becomes, so that hard constraints mean exactly what the
/// query language means (`docs/query-language.md`):
///
/// | brief | query |
/// |---|---|
/// | `platforms` | `platform:a,b` |
/// | `creator_countries` | `country:US,GB` |
/// | `tiers` | `tier:micro,mid` |
/// | `followers` | `followers:min..max` |
/// | `min_engagement_rate` | `er:>=x` (an unknown rate fails) |
/// | `min_credibility` | `credibility:>=x` (unknown fails) |
/// | `max_risk` | `-risk:high` (`-risk:medium,high` for `low`: every creator has one level) |
/// | `exclude` | `-id:…` `-handle:…` |
/// | `budget.max_per_creator` | `(price:<=x OR -price:>=0)`: a stated price must fit; an unknown one is estimated and checked after (`PriceModel`) |
///
/// The soft part is an OR of the product's and keywords' analysed terms (common words left
/// out) and `category:` of the wanted and inferred niches (`CategoryInference`).
struct CandidateQuery {
    /// Every hard constraint; nil when the brief has none.
    let filter: QueryNode?
    /// The analysed terms kept for the text query, rarest first.
    let terms: [String]

    static let span = 0..<0

    init(brief: Brief, terms: [String]) {
        var parts: [QueryNode] = []
        func node(_ kind: QueryNode.Kind) -> QueryNode { QueryNode(kind, span: Self.span) }
        if !brief.platforms.isEmpty { parts.append(node(.platform(brief.platforms))) }
        if !brief.creatorCountries.isEmpty { parts.append(node(.keyword(.country, brief.creatorCountries))) }
        if !brief.tiers.isEmpty { parts.append(node(.tier(Tier.allCases.filter { brief.tiers.contains($0) }))) }
        if let range = brief.followers {
            parts.append(node(.numeric(.followers, [.range(lower: Double(range.lowerBound),
                                                           upper: range.upperBound == .max ? nil : Double(range.upperBound))])))
        }
        if let rate = brief.minEngagementRate { parts.append(node(.numeric(.er, [.comparison(.greaterOrEqual, rate)]))) }
        if let share = brief.minCredibility { parts.append(node(.numeric(.credibility, [.comparison(.greaterOrEqual, share)]))) }
        // Every creator has exactly one level, so "at most medium" is "not high": the short
        // list of the excluded levels is checked instead of walking the long one.
        if brief.maxRisk != .high { parts.append(node(.not(node(.risk(RiskLevel.allCases.filter { $0 > brief.maxRisk }))))) }
        let handles = brief.exclude.filter { $0.hasPrefix("@") }.map { String($0.dropFirst()) }
        let ids = brief.exclude.filter { !$0.hasPrefix("@") }
        if !ids.isEmpty { parts.append(node(.not(node(.keyword(.id, ids))))) }
        if !handles.isEmpty { parts.append(node(.not(node(.keyword(.handle, handles))))) }
        if let cap = brief.budget?.maxPerCreator {
            parts.append(node(.or([node(.numeric(.price, [.comparison(.lessOrEqual, cap)])),
                                   node(.not(node(.numeric(.price, [.comparison(.greaterOrEqual, 0)]))))])))
        }
        filter = parts.isEmpty ? nil : parts.count == 1 ? parts[0] : node(.and(parts))
        self.terms = terms
    }

    /// The filter AND any of `soft` (nil soft: the filter alone).
    func query(soft: [QueryNode], limit: Int) -> ParsedQuery {
        let any: QueryNode? = soft.isEmpty ? nil : soft.count == 1 ? soft[0] : QueryNode(.or(soft), span: Self.span)
        let root: QueryNode? = switch (filter, any) {
        case (nil, nil): nil
        case (let filter?, nil): filter
        case (nil, let any?): any
        case (let filter?, let any?): QueryNode(.and([filter, any]), span: Self.span)
        }
        return ParsedQuery(root: root, limit: limit)
    }

    /// The text part: any of the kept terms.
    var textClauses: [QueryNode] { terms.map { QueryNode(.text(TextTerm(text: $0, isPhrase: false)), span: Self.span) } }

    /// The niche part: `category:` of the slugs.
    static func categoryClause(_ slugs: [String]) -> [QueryNode] {
        slugs.isEmpty ? [] : [QueryNode(.keyword(.category, slugs), span: span)]
    }

    /// The query text of a tree, for the shortlist's explanation.
    static func text(of query: ParsedQuery) -> String { query.root?.queryText ?? "" }
}
