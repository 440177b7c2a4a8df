/// Turns a product brief into a ranked, explained, overlap-aware shortlist
/// (`docs/matching.md`):
///
/// 1. **Terms and niches.** The product text and keywords are analysed like the index
///    (`BriefTerms`); the niches they point to are learnt from the creators who use them
///    (`CategoryInference`) and joined to the brief's own `categories`.
/// 2. **Candidates** come from the query engine: the hard constraints as a query-language
///    filter (`CandidateQuery`) AND any of the terms (ranked by BM25 and quality), and the
///    same filter AND `category:` of the niches, so creators who write in another language
///    than the brief are found through their niche. Up to `poolSize` from each.
/// 3. **Scores** with named parts in 0…1 (`MatchScore`): text relevance, audience fit,
///    engagement quality (percentile among the same platform × tier), credibility, price fit,
///    collaboration track record; times the fraud-risk factor.
/// 4. **Selection** under the budget, greedy for unique reach with a pairwise overlap bound
///    (`ShortlistSelection`); the set's reach and overlap by `AudienceOverlapSet`.
///
/// Thread-safe; keep one per open index (making one reads a sample of the price column).
public struct BriefMatcher: Sendable {
    public let searcher: Searcher
    let prices: PriceModel

    public init(searcher: Searcher) {
        self.searcher = searcher
        prices = PriceModel(index: searcher.index, facets: searcher.facets)
    }

    /// Candidates read from each search: ten per listed creator, at least 200, at most 1,000
    /// (the query engine's page limit).
    static func poolSize(for count: Int) -> Int { min(1_000, max(200, count * 10)) }

    /// Matches a brief; throws a `QueryError` only when a search fails (time limit).
    public func match(_ brief: Brief) throws -> Shortlist {
        let clock = ContinuousClock()
        let start = clock.now
        let index = searcher.index
        let briefTerms = try searcher.analyzers.withAnalyzer { analyzer throws(QueryError) in
            BriefTerms(brief: brief, index: index, analyzer: analyzer)
        }
        let terms = briefTerms.searchTerms
        let inferred = CategoryInference(terms: briefTerms.terms.map(\.term), index: index).slugs
        var wanted: [(slug: String, weight: Double)] = brief.categories.map { ($0, 1.0) }
        for (slug, weight) in inferred where !brief.categories.contains(slug) {
            wanted.append((slug, brief.categories.isEmpty ? weight : 0.8 * weight))
        }
        let query = CandidateQuery(brief: brief, terms: terms)
        let limit = Self.poolSize(for: brief.count)

        // Candidates: the text search (with each hit's BM25), the niche search, and the
        // filter alone when those two find too few.
        var lexical: [Int: (bm25: Double, terms: [String])] = [:]
        var pool: [Int] = []
        var seen = Set<Int>()
        func add(_ response: SearchResponse) {
            for hit in response.hits where seen.insert(hit.document).inserted { pool.append(hit.document) }
        }
        var searches: [String] = []
        if !terms.isEmpty {
            let parsed = query.query(soft: query.textClauses, limit: limit)
            let response = try searcher.search(parsed)
            searches.append(CandidateQuery.text(of: parsed))
            for hit in response.hits {
                let textParts = hit.parts.filter { $0.kind == .text && $0.value > 0 }
                lexical[hit.document] = (textParts.reduce(0) { $0 + $1.value },
                                         textParts.sorted { $0.value > $1.value }.map { Self.termOfLabel($0.label) })
            }
            add(response)
        }
        if !wanted.isEmpty {
            let parsed = query.query(soft: CandidateQuery.categoryClause(wanted.map(\.slug)), limit: limit)
            add(try searcher.search(parsed))
            searches.append(CandidateQuery.text(of: parsed))
        }
        if pool.count < max(3 * brief.count, 50) {
            let parsed = query.query(soft: [], limit: limit)
            add(try searcher.search(parsed))
            searches.append(CandidateQuery.text(of: parsed))
        }

        let scorer = CandidateScorer(brief: brief, index: index, facets: searcher.facets, prices: prices, wanted: wanted,
                                     hasTerms: !terms.isEmpty, lexical: lexical)
        var scored: [CandidateScorer.Scored] = []
        for document in pool {
            guard let candidate = scorer.score(document) else { continue }
            scored.append(candidate)
        }
        let selection = ShortlistSelection(index: index, count: brief.count, budgetTotal: brief.budget?.total,
                                           maxPairwiseOverlap: brief.diversify?.maxPairwiseOverlap)
        let byDocument = Dictionary(uniqueKeysWithValues: scored.map { ($0.document, $0) })
        let choices = selection.select(scored.map { .init(document: $0.document, score: $0.score.total, price: $0.price ?? 0) })
        let entries = choices.enumerated().compactMap { position, choice -> Shortlist.Entry? in
            guard let candidate = byDocument[choice.candidate.document] else { return nil }
            return scorer.entry(candidate, rank: position + 1, unreached: choice.unreached, summary: searcher.summary(of: candidate.document))
        }
        let overlap = AudienceOverlapSet(index: index, documents: entries.map(\.document))
        let elapsed = clock.now - start
        return Shortlist(brief: brief, entries: entries, overlap: overlap, terms: terms, inferredCategories: inferred,
                         candidateQueries: searches, candidatesConsidered: scored.count,
                         tookMilliseconds: Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15)
    }

    /// `text "serum"` → `serum`.
    static func termOfLabel(_ label: String) -> String {
        guard label.hasPrefix("text \""), label.hasSuffix("\""), label.count >= 7 else { return label }
        return String(label.dropFirst(6).dropLast())
    }
}
