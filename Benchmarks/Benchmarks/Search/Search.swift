// Ranked search over a built index, one thread, the fixed query mix of queries/mix-<N>.tsv
// (made from the corpus by queries/make_mix.py): the targets are p50 < 0.5 ms and
// p99 < 3 ms for the mix, and p99 < 10 ms for lookalike and overlap queries, on 1M creators.
//
// - `Search/<corpus>/<class>`: the queries of one class (facet, range, text, sorted,
//   audience, lookalike, overlap), one query per iteration, in turn, each about 5 times.
//   package-benchmark's percentiles over the iterations are then the per-query latency
//   distribution of the class.
// - `Search/<corpus>/mix`: every query of the mix the same way. Its teardown prints the
//   compact table: per class p50/p99, tantivy's p50/p99 on the same documents and queries
//   (tantivy/results-<N>.tsv, written by tantivy/bench.py), the ratio, and for how many
//   queries the two engines count the same total. The table is also written to
//   `<cache>/search-<corpus>.md`.
//
// `<corpus>` is `100k`; `1M` too with `CREATORS_BENCH_1M=1` (its index is built into the
// cache folder on first use, about 5 minutes). Each setup opens the index (warm: the file
// is in the page cache after a first run), makes a `Searcher` and asks every query once;
// queries the engine refuses are reported and not timed.

import Benchmark
import BenchmarkSupport
import CreatorEngine
import Foundation

let benchmarks: @Sendable () -> Void = {
    let includeMillion = ProcessInfo.processInfo.environment["CREATORS_BENCH_1M"] == "1"
    let rounds = 5

    for corpus in [(name: "100k", creators: 100_000, skip: false),
                   (name: "1M", creators: 1_000_000, skip: !includeMillion)] {
        // Read here to size each benchmark; a missing mix fails in setup, with the fix.
        let mix = try? QueryMix(creators: corpus.creators)
        for queryClass in QueryMix.classes + ["mix"] {
            let entries = queryClass == "mix" ? mix?.entries ?? [] : mix?.entries(in: queryClass) ?? []
            var state: SearchRun?
            Benchmark(
                "Search/\(corpus.name)/\(queryClass)",
                configuration: .init(
                    metrics: [.wallClock],
                    timeUnits: .microseconds,
                    warmupIterations: 0,
                    maxDuration: .seconds(corpus.creators >= 1_000_000 ? 600 : 120),
                    maxIterations: max(1, rounds * entries.count),
                    skip: corpus.skip
                ),
                closure: { _, run in run.runNext() },
                setup: {
                    let mix = try QueryMix(creators: corpus.creators)
                    let index = try CreatorIndex(directory: try Corpus.index(creators: corpus.creators))
                    let run = SearchRun(corpusName: corpus.name, index: index,
                                        entries: queryClass == "mix" ? mix.entries : mix.entries(in: queryClass))
                    state = run
                    return run
                },
                teardown: {
                    guard let run = state else { return }
                    if queryClass == "mix" {
                        report(mix: run, creators: corpus.creators)
                    } else {
                        report(queryClass, run: run, creators: corpus.creators)
                    }
                }
            )
        }
    }
}

/// One class's line: our nearest-rank p50/p99 (the same rule as tantivy/bench.py) beside tantivy's.
private func report(_ queryClass: String, run: SearchRun, creators: Int) {
    let runs = run.runs(of: queryClass)
    let tantivy = TantivyReference.load(creators: creators)?.figures[queryClass]
    var line = "Search/\(run.corpusName)/\(queryClass): \(run.queryCount(of: queryClass)) queries, \(runs.count) runs"
    if let p50 = Percentiles.nearestRank(runs, 0.5), let p99 = Percentiles.nearestRank(runs, 0.99) {
        line += ", p50 \(Report.fixed(p50, 3)) ms, p99 \(Report.fixed(p99, 3)) ms"
    }
    if let tantivy {
        line += "; tantivy p50 \(Report.fixed(tantivy.p50Milliseconds, 3)) ms, p99 \(Report.fixed(tantivy.p99Milliseconds, 3)) ms"
    }
    if !run.refused.isEmpty {
        line += "; \(run.refused.count) refused: \(run.refused[0].error.message)"
    }
    Report.line(line)
}

/// The whole mix: the compact table, printed and written to the cache folder.
private func report(mix run: SearchRun, creators: Int) {
    let lines = SearchTable.lines(for: run, tantivy: TantivyReference.load(creators: creators))
    for line in lines { Report.line(line) }
    let path = BenchmarkPaths.cacheDirectory + "/search-\(run.corpusName).md"
    try? (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    Report.line("(table written to \(path))")
    // Every query's median, slowest first, for looking into a class.
    let medians = run.queries.indices.compactMap { position in
        run.medianMilliseconds(ofPosition: position).map { (entry: run.queries[position], milliseconds: $0) }
    }
    let rows = medians.sorted { $0.milliseconds > $1.milliseconds }.map { median in
        "\(median.milliseconds)\t\(median.entry.queryClass)\t\(run.totals[median.entry.line] ?? -1)\t\(median.entry.query)"
    }
    let queriesPath = BenchmarkPaths.cacheDirectory + "/search-\(run.corpusName)-queries.tsv"
    try? ("median_ms\tclass\ttotal\tquery\n" + rows.joined(separator: "\n") + "\n").write(toFile: queriesPath, atomically: true, encoding: .utf8)
    Report.line("(per-query medians written to \(queriesPath))")
}
