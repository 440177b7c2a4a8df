// Product brief → shortlist (`BriefMatcher.match`), one thread: the target is
// p99 < 50 ms per brief on 1M creators in release.
//
// - `Match/<corpus>`: a fixed set of briefs made from the index (see `MatchRun`) plus the
//   example briefs of corpora/briefs, one brief per iteration in turn, each about 5 times.
//   The teardown prints briefs per second, p50/p90/p99 and the slowest briefs.
//
// `<corpus>` is `100k`; `1M` too with `CREATORS_BENCH_1M=1` (the index is built into the
// cache folder on first use). Setup opens the index, makes the matcher and matches every
// brief once (warm-up: postings and columns paged in).

import Benchmark
import BenchmarkSupport
import CreatorEngine
import Foundation

let benchmarks: @Sendable () -> Void = {
    let includeMillion = ProcessInfo.processInfo.environment["CREATORS_BENCH_1M"] == "1"
    let briefCount = 100
    let rounds = 5

    for corpus in [(name: "100k", creators: 100_000, skip: false),
                   (name: "1M", creators: 1_000_000, skip: !includeMillion)] {
        var state: MatchRun?
        Benchmark(
            "Match/\(corpus.name)",
            configuration: .init(
                metrics: [.wallClock],
                timeUnits: .milliseconds,
                warmupIterations: 0,
                maxDuration: .seconds(600),
                maxIterations: rounds * (briefCount + 7),
                skip: corpus.skip
            ),
            closure: { _, run in run.runNext() },
            setup: {
                let index = try CreatorIndex(directory: try Corpus.index(creators: corpus.creators))
                let run = try MatchRun(corpusName: corpus.name, index: index, count: briefCount)
                state = run
                return run
            },
            teardown: { state?.report() }
        )
    }
}
