/// Answers queries of the query language (`query-dsl.md`) over one open index.
///
/// A search parses the query, compiles it into matchers (`QueryPlanner`), lists the
/// documents of the cheapest listable condition and checks the others on each (`AndMatcher`),
/// counts every match for an exact `total`, and keeps the best `offset + limit` in a
/// bounded heap (`TopKCollector`). Scores are computed only for matching documents; when
/// the order is a field, only for the page's hits.
///
/// The score (`sort:score`, the default) is `text + 4 × similarity + quality`: the BM25 of
/// the free text (`TextScoring`), the `like:` similarity (cosine, 0...1), and the creator's
/// `QualityScore` (0...1), which alone orders queries without text or `like:`.
///
/// Thread-safe: one searcher serves any number of concurrent searches.
public final class Searcher: Sendable {
    public let index: CreatorIndex
    public let facets: DocumentFacets
    public let quality: QualityScore
    public let scoring: TextScoring
    /// A search that runs longer is stopped with a `timeLimit` error.
    public let timeLimit: Duration
    private let parser: QueryParser
    let analyzers = AnalyzerPool()
    private let bitsets: DocumentBitsets

    /// The weight of `like:` similarity in the score.
    public static let similarityWeight = 4.0

    public init(index: CreatorIndex, parser: QueryParser = QueryParser(), timeLimit: Duration = .seconds(5)) {
        self.index = index
        facets = DocumentFacets(index: index)
        quality = QualityScore(index: index, facets: facets)
        bitsets = DocumentBitsets(documentCount: index.documentCount)
        scoring = TextScoring()
        self.parser = parser
        self.timeLimit = timeLimit
        analyzers.warmUp()
    }

    /// Parses and runs a query.
    public func search(_ text: String) throws(QueryError) -> SearchResponse {
        try search(try parser.parse(text), text: text)
    }

    /// Runs a parsed query; `text` is what errors found while running point into.
    public func search(_ query: ParsedQuery, text: String = "") throws(QueryError) -> SearchResponse {
        try run(query, text: text, describingPlan: false).response
    }

    /// Runs a query and describes how: the parse tree, the plan, each hit's score parts.
    public func explain(_ text: String) throws(QueryError) -> SearchExplanation {
        let query = try parser.parse(text)
        let (response, plan) = try run(query, text: text, describingPlan: true)
        return SearchExplanation(query: query, plan: plan, response: response)
    }

    /// Plans, matches, counts and ranks; the plan's description (labels of every matcher)
    /// is only made for explanations.
    private func run(_ query: ParsedQuery, text: String, describingPlan: Bool) throws(QueryError)
        -> (response: SearchResponse, plan: String) {
        let clock = ContinuousClock()
        let start = clock.now
        return try analyzers.withAnalyzer { analyzer throws(QueryError) in
            let planner = QueryPlanner(index: index, analyzer: analyzer, scoring: scoring,
                                       postingsCache: PostingsCache(), facets: facets, bitsets: bitsets, queryText: text)
            let root = try query.root.map { node throws(QueryError) in try planner.matcher(for: node) }
                ?? EverythingMatcher(documentCount: index.documentCount)
            let plan = describingPlan ? PlanDescription(root: root, documentCount: index.documentCount).text : ""
            // Matchers move forward only, and listing documents reads ahead of the document
            // being scored (a union fetches the next head of each input), so scoring uses
            // matchers of its own: one plan ranks the matches, another scores the page.
            func scoringLeaves() throws(QueryError) -> [ScoringLeaf] {
                try query.root.map { node throws(QueryError) in try planner.matcher(for: node).scoringLeaves } ?? []
            }
            var collector = TopKCollector(capacity: query.offset + query.limit)
            let total = try collect(root, leaves: query.sort.key == .score ? try scoringLeaves() : [], sort: query.sort,
                                    into: &collector, deadline: start + timeLimit, text: text)
            let page = collector.sorted().dropFirst(query.offset).map(\.document)
            let hits = scoreParts(of: page, leaves: try scoringLeaves())
            let response = SearchResponse(total: total, tookMilliseconds: Self.milliseconds(clock.now - start), hits: hits)
            return (response, plan)
        }
    }

    /// Counts every match and offers each to the collector under the query's order.
    private func collect(_ root: DocumentMatcher, leaves: [ScoringLeaf], sort: SortOrder, into collector: inout TopKCollector,
                         deadline: ContinuousClock.Instant, text: String) throws(QueryError) -> Int {
        let iterator = root.iterationCost == .max
            ? FilteredIterator(driver: RangeIterator(count: index.documentCount), checks: [root])
            : root.makeIterator()
        let column = sort.key.column.map { index.column($0) }
        var total = 0
        while let document = iterator.next() {
            total += 1
            if total & 0x3FF == 0, ContinuousClock.now > deadline {
                throw QueryError(kind: .timeLimit, message: "the query ran longer than \(timeLimit) and was stopped",
                                 hint: "add a selective filter (category:, country:, a text word)",
                                 span: 0..<max(1, text.count), query: text)
            }
            if let column {
                let value = column[Int(document)]
                // Unknown values sort last in both directions.
                collector.offer(key: value.isNaN ? -.infinity : (sort.descending ? value : -value), document: document)
            } else {
                collector.offer(key: score(document, leaves: leaves), document: document)
            }
        }
        return total
    }

    private func score(_ document: UInt32, leaves: [ScoringLeaf]) -> Double {
        var total = quality.score(of: Int(document))
        for leaf in leaves {
            let value = leaf.score(document)
            total += Self.weighted(value, of: leaf)
        }
        return total
    }

    private func scoreParts(of page: [UInt32], leaves: [ScoringLeaf]) -> [SearchHit] {
        var hits: [SearchHit] = []
        for document in page.sorted() {
            var parts: [ScorePart] = leaves.map { leaf in
                let value = leaf.score(document)
                return ScorePart(kind: leaf.scoreKind, label: leaf.scoreLabel,
                                 value: Self.weighted(value, of: leaf))
            }
            let quality = self.quality.parts(of: Int(document))
            parts.append(ScorePart(kind: .quality, label: "quality: engagement vs peers", value: 0.5 * quality.engagement))
            parts.append(ScorePart(kind: .quality, label: "quality: audience credibility", value: 0.3 * quality.credibility))
            parts.append(ScorePart(kind: .quality, label: "quality: follower growth", value: 0.2 * quality.growth))
            parts.append(ScorePart(kind: .quality, label: "quality: fraud-risk discount (risk \(quality.risk))",
                                   value: quality.total - quality.merit))
            hits.append(SearchHit(document: Int(document), score: parts.reduce(0) { $0 + $1.value }, parts: parts))
        }
        let rank = Dictionary(uniqueKeysWithValues: page.enumerated().map { ($1, $0) })
        return hits.sorted { rank[UInt32($0.document)] ?? 0 < rank[UInt32($1.document)] ?? 0 }
    }

    /// A leaf's contribution to the score: similarity weighted, text as it is.
    private static func weighted(_ value: Double, of leaf: ScoringLeaf) -> Double {
        leaf.scoreKind == .similarity ? similarityWeight * value : value
    }

    private static func milliseconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) * 1000 + Double(attoseconds) / 1e15
    }
}

extension SortOrder.Key {
    /// The column a field order reads; `nil` for relevance.
    var column: NumericColumn? {
        switch self {
        case .score: nil
        case .field(let field): field.column
        }
    }
}
