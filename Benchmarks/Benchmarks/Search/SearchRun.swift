import Benchmark
import BenchmarkSupport
import CreatorEngine

/// The queries of one benchmark, asked in turn on one searcher, one query per iteration,
/// with each query's times kept for the report.
///
/// Made in the benchmark's setup: every query is asked once there to warm up (posting
/// lists and columns paged in, analysers made) and to learn its total. A query the engine
/// refuses (say, `like:` before the index holds lookalike vectors) is set aside with its
/// error and not timed. Not thread-safe: package-benchmark runs iterations on one thread.
final class SearchRun {
    let corpusName: String
    let documentCount: Int
    /// The queries that ran, in mix order.
    let queries: [QueryMix.Entry]
    /// The queries the engine refused in the warm-up, with its message.
    let refused: [(entry: QueryMix.Entry, error: QueryError)]
    /// Each query's total (every match, not only the page), by mix line.
    let totals: [Int: Int]
    /// Milliseconds of each timed run, by position in `queries`.
    private(set) var milliseconds: [[Double]]
    private let searcher: Searcher
    private var next = 0

    init(corpusName: String, index: CreatorIndex, entries: [QueryMix.Entry]) {
        self.corpusName = corpusName
        documentCount = index.documentCount
        searcher = Searcher(index: index)
        // Timed queries see the steady state of a server: the value orders made.
        searcher.prepareValueOrders()
        var queries: [QueryMix.Entry] = []
        var refused: [(entry: QueryMix.Entry, error: QueryError)] = []
        var totals: [Int: Int] = [:]
        for entry in entries {
            do {
                totals[entry.line] = try searcher.search(entry.query).total
                queries.append(entry)
            } catch {
                refused.append((entry, error))
            }
        }
        self.queries = queries
        self.refused = refused
        self.totals = totals
        milliseconds = Array(repeating: [], count: queries.count)
    }

    /// Asks the next query (round-robin over `queries`) and records how long it took:
    /// parsing, planning, matching, counting every match and collecting the page.
    func runNext() {
        guard !queries.isEmpty else { return }
        let position = next % queries.count
        next += 1
        let clock = ContinuousClock()
        let start = clock.now
        let response: SearchResponse
        do { response = try searcher.search(queries[position].query) } catch {
            fatalError("query \(queries[position].line) ran in the warm-up but failed now: \(error)")
        }
        milliseconds[position].append((clock.now - start).inSeconds * 1000)
        blackHole(response.hits.count)
    }

    /// Every timed run of the queries of `queryClass` (all of them when nil).
    func runs(of queryClass: String?) -> [Double] {
        zip(queries, milliseconds).filter { queryClass == nil || $0.0.queryClass == queryClass }.flatMap(\.1)
    }

    /// The timed runs of the query at `position` of `queries`, in milliseconds.
    func milliseconds(ofPosition position: Int) -> [Double] { milliseconds[position] }

    /// How many times the query at `position` of `queries` was timed.
    func runs(ofPosition position: Int) -> Int { milliseconds[position].count }

    /// The median time of the query at `position` of `queries`, nil before it ran.
    func medianMilliseconds(ofPosition position: Int) -> Double? {
        Percentiles.nearestRank(milliseconds[position], 0.5)
    }

    /// How many queries of `queryClass` ran (all classes when nil).
    func queryCount(of queryClass: String?) -> Int {
        queries.count(where: { queryClass == nil || $0.queryClass == queryClass })
    }
}
