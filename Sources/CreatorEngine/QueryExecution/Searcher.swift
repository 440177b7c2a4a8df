/// Answers queries of the query language (`query-dsl.md`) over one open index.
///
/// A search parses the query, compiles it into matchers (`QueryPlanner`), and answers
/// broad conditions set-at-a-time (`SetPlanning`: one bitset per condition, combined a
/// word at a time, counted by population count). What stays document-at-a-time lists the
/// documents of the cheapest listable condition and checks the others on each
/// (`AndMatcher`). Every match is counted for an exact `total`. The best `offset + limit`
/// are kept in a bounded heap (`TopKCollector`), or, when a set holds many matches and the
/// order is a field or the quality score, read off that field's `ValueOrder` from the top
/// until the page is full. Scores are computed only for matching documents; when the
/// order is a field, only for the page's hits.
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
    private let orders: ValueOrders
    private let setPlanning: SetPlanning
    private let phrases: PhraseEvaluation

    /// The weight of `like:` similarity in the score.
    public static let similarityWeight = 4.0

    /// `valueOrders` says when the sorted orders of columns and quality are made: in the
    /// background as queries first need them (a server), or only when asked with
    /// `prepareValueOrders()` (a process that answers one query).
    public convenience init(index: CreatorIndex, parser: QueryParser = QueryParser(), timeLimit: Duration = .seconds(5),
                            valueOrders: ValueOrders.Making = .inBackground) {
        self.init(index: index, parser: parser, timeLimit: timeLimit, sets: .automatic, valueOrders: valueOrders)
    }

    /// `sets` chooses where set-at-a-time execution is used, `phrases` how phrases find
    /// their occurrences (tests compare the modes).
    init(index: CreatorIndex, parser: QueryParser = QueryParser(), timeLimit: Duration = .seconds(5), sets: SetPlanning.Mode,
         phrases: PhraseEvaluation = .automatic, valueOrders: ValueOrders.Making? = nil) {
        setPlanning = SetPlanning(documentCount: index.documentCount, mode: sets)
        self.phrases = phrases
        orders = ValueOrders(index: index, making: valueOrders ?? (sets == .automatic ? .inBackground : .immediately))
        self.index = index
        facets = DocumentFacets(index: index)
        quality = QualityScore(index: index, facets: facets)
        bitsets = DocumentBitsets(documentCount: index.documentCount)
        scoring = TextScoring()
        self.parser = parser
        self.timeLimit = timeLimit
        analyzers.warmUp()
    }

    /// Sorts the creators by each numeric column and by quality score now, on the calling
    /// thread (about a second at 1M creators), instead of on background tasks as queries
    /// first need them. A server calls it off its event loop when it opens an index, a
    /// benchmark before timing, so that no query runs before the orders are ready.
    public func prepareValueOrders() {
        orders.prepareAll(quality: quality)
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
                                       postingsCache: PostingsCache(), facets: facets, bitsets: bitsets, orders: orders,
                                       queryText: text, phrases: phrases)
            let root = setPlanning.prepare(try query.root.map { node throws(QueryError) in try planner.matcher(for: node) }
                ?? EverythingMatcher(documentCount: index.documentCount))
            let plan = describingPlan ? PlanDescription(root: root, documentCount: index.documentCount).text : ""
            // Matchers move forward only, and listing documents reads ahead of the document
            // being scored (a union fetches the next head of each input), so scoring uses
            // matchers of its own: one plan ranks the matches, another scores the page. A query
            // whose plan has no scoring leaf (only filters) needs neither.
            let scores = !root.scoringLeaves.isEmpty
            func scoringLeaves() throws(QueryError) -> [ScoringLeaf] {
                guard scores else { return [] }
                return try query.root.map { node throws(QueryError) in try planner.matcher(for: node).scoringLeaves } ?? []
            }
            let leaves = query.sort.key == .score ? try scoringLeaves() : []
            let wanted = query.offset + query.limit
            let (total, best) = if let set = root as? SetMatcher {
                // Sets take a bounded time (a few passes over the index's words), so the limit
                // is checked once they are done rather than while they are made.
                try checkingTimeLimit(collect(set, leaves: leaves, sort: query.sort, wanted: wanted),
                                      deadline: start + timeLimit, text: text)
            } else {
                try collect(root, leaves: leaves, sort: query.sort, wanted: wanted, deadline: start + timeLimit, text: text)
            }
            let page = Array(best.dropFirst(query.offset))
            let hits = scoreParts(of: page, leaves: try scoringLeaves())
            let response = SearchResponse(total: total, tookMilliseconds: Self.milliseconds(clock.now - start), hits: hits)
            return (response, plan)
        }
    }

    /// Counts every match of a document-at-a-time plan and keeps the best `wanted`, best first.
    private func collect(_ root: DocumentMatcher, leaves: [ScoringLeaf], sort: SortOrder, wanted: Int,
                         deadline: ContinuousClock.Instant, text: String) throws(QueryError) -> (total: Int, best: [UInt32]) {
        let iterator = root.iterationCost == .max
            ? FilteredIterator(driver: RangeIterator(count: index.documentCount), checks: [root])
            : root.makeIterator()
        var collector = TopKCollector(capacity: wanted)
        let ranking = offering(leaves: leaves, sort: sort)
        let batch = RankingBatch(matches: root.estimate, of: index.documentCount)
        var total = 0
        while let document = iterator.next() {
            total += 1
            if total & 0x3FF == 0 { _ = try checkingTimeLimit((), deadline: deadline, text: text) }
            ranking.take(document, into: batch, offeringTo: &collector)
        }
        ranking.flush(batch, into: &collector)
        return (total, collector.sorted().map(\.document))
    }

    /// `value`, or a `timeLimit` error once `deadline` has passed.
    private func checkingTimeLimit<Value>(_ value: Value, deadline: ContinuousClock.Instant, text: String) throws(QueryError) -> Value {
        guard ContinuousClock.now > deadline else { return value }
        throw QueryError(kind: .timeLimit, message: "the query ran longer than \(timeLimit) and was stopped",
                         hint: "add a selective filter (category:, country:, a text word)",
                         span: 0..<max(1, text.count), query: text)
    }

    /// The best `wanted` of a set of matches. When the set is large and the order needs no
    /// per-query score (quality or a field), the field's order is walked from the top and
    /// stops once `wanted` matches are found: about `wanted × documents / matches` steps.
    private func collect(_ matches: SetMatcher, leaves: [ScoringLeaf], sort: SortOrder, wanted: Int) -> (total: Int, best: [UInt32]) {
        let total = matches.count, set = matches.set
        let order: (order: ValueOrder?, descending: Bool)? = switch sort.key {
        case .score where leaves.isEmpty:
            (orders.quality(quality), true)
        case .field(let field):
            (orders.column(field.column), sort.descending)
        case .score:
            nil
        }
        // A walk stops after about `wanted × documents / total` steps; a heap takes `total`.
        if let order, let walked = order.order, total > 0, wanted * index.documentCount / total < total {
            var best: [UInt32] = []
            best.reserveCapacity(wanted)
            walked.walk(descending: order.descending) { document in
                if set.contains(document) { best.append(document) }
                return best.count < wanted
            }
            return (total, best)
        }
        var collector = TopKCollector(capacity: wanted)
        let ranking = offering(leaves: leaves, sort: sort)
        let batch = RankingBatch(matches: total, of: index.documentCount)
        set.forEach { document in
            ranking.take(document, into: batch, offeringTo: &collector)
        }
        ranking.flush(batch, into: &collector)
        return (total, collector.sorted().map(\.document))
    }

    /// How a ranking reads and offers its matches, a batch at a time (`RankingBatch`):
    /// `prefetch` starts reading what `offer` will need of a match.
    private struct Offering {
        let prefetch: (UInt32) -> Void
        let offer: (UnsafeBufferPointer<UInt32>, inout TopKCollector) -> Void

        /// Adds `document` to the batch (prefetching what offering it reads, when the
        /// matches are sparse), and offers the batch's due matches once it is full.
        @inline(__always) func take(_ document: UInt32, into batch: RankingBatch,
                                    offeringTo collector: inout TopKCollector) {
            if batch.prefetches { prefetch(document) }
            if batch.append(document) { offerDue(batch, last: false, into: &collector) }
        }

        /// Offers the matches still in the batch, once the matches have run out.
        func flush(_ batch: RankingBatch, into collector: inout TopKCollector) {
            offerDue(batch, last: true, into: &collector)
        }

        private func offerDue(_ batch: RankingBatch, last: Bool, into collector: inout TopKCollector) {
            let due = batch.dueCount(last: last)
            offer(UnsafeBufferPointer(rebasing: batch.documents[0..<due]), &collector)
            batch.removeFirst(due)
        }
    }

    /// Offers matches to a collector under the query's order: a field's value (unknown
    /// values last in both directions), or the score.
    private func offering(leaves: [ScoringLeaf], sort: SortOrder) -> Offering {
        if let column = sort.key.column.map({ index.column($0) }) {
            let descending = sort.descending
            return Offering(prefetch: { column.prefetch(Int($0)) }, offer: { documents, collector in
                for document in documents {
                    let value = column[Int(document)]
                    collector.offer(key: value.isNaN ? -.infinity : (descending ? value : -value), document: document)
                }
            })
        }
        // Read per batch through unowned references and a plain buffer of weights.
        let matchers = MatcherList(leaves), weights = OwnedBuffer(leaves.map { Self.weighted(1, of: $0) })
        let quality = self.quality
        // Documents come in ascending order, so a new one enters a full collector only with
        // a key above its threshold: when the leaves plus the best quality any creator has
        // (and a margin for rounding) stay below it, the creator's quality (a likely cache
        // miss) is not read. The key itself is summed in the one order, quality first.
        let margin = 1e-9
        // Each leaf's scores of a batch (at most `RankingBatch.capacity` matches), a row a leaf.
        let rows = UnsafeMutableBufferPointer<Double>.allocate(capacity: max(1, matchers.count) * RankingBatch.capacity)
        rows.initialize(repeating: 0)
        let rowsOwner = OwnedBuffer<Double>(adopting: rows)
        return Offering(prefetch: { quality.prefetch(Int($0)) }, offer: { documents, collector in
            let rows = rowsOwner.mutableBuffer, width = RankingBatch.capacity
            for leaf in 0..<matchers.count {
                let row = UnsafeMutableBufferPointer(rebasing: rows[(leaf * width)..<(leaf * width + documents.count)])
                matchers.scores(leaf, of: documents, into: row)
            }
            for (position, document) in documents.enumerated() {
                var bound = quality.maximum + margin
                for leaf in 0..<matchers.count {
                    rows[leaf * width + position] *= weights.buffer[leaf]
                    bound += rows[leaf * width + position]
                }
                if let threshold = collector.threshold, bound < threshold { continue }
                var total = quality.score(of: Int(document))
                for leaf in 0..<matchers.count { total += rows[leaf * width + position] }
                collector.offer(key: total, document: document)
            }
        })
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
