import CreatorEngine

/// One opened index generation as the server serves it: the index, its searcher, and the
/// facts STATS reports, computed once when it is opened. Immutable: RELOAD replaces the
/// whole object, and a query that took a reference finishes on it, whatever RELOAD does.
public final class ServingIndex: Sendable {
    public let index: CreatorIndex
    public let searcher: Searcher
    /// MATCH's matcher over `searcher` (made once: it samples the price column).
    public let matcher: BriefMatcher
    /// 1 for the index the server started with, one more for each RELOAD that swapped.
    public let generation: Int
    /// The index file's path.
    public let path: String
    /// `creators stats --json`'s facts about this index (facets, fields, build, risk).
    public let statistics: IndexStatistics
    /// `statistics` as JSON, made once.
    public let statisticsJSON: [UInt8]
    /// GET and RISK documents served recently.
    public let documents: DocumentCache

    public init(index: CreatorIndex, generation: Int, queryTimeLimit: Duration, documentCacheBytes: Int = 0) {
        self.index = index
        searcher = Searcher(index: index, timeLimit: queryTimeLimit)
        matcher = BriefMatcher(searcher: searcher)
        self.generation = generation
        path = index.file.path
        statistics = IndexStatistics(index: index)
        statisticsJSON = Array(statistics.json.utf8)
        documents = DocumentCache(capacityBytes: documentCacheBytes)
        // The value orders that ranges and sorted pages read, made off the event loop; the
        // first queries answer without them until they are ready.
        Task.detached(priority: .utility) { [searcher] in searcher.prepareValueOrders() }
    }
}
