// The `like:` and `overlap:` scans of issue 4, one thread: target under 10 ms p99 at 1M creators.
//
// - `Similarity/lookalike scan`: `LookalikeVectors.similarities(to:into:)`, one reference an
//   iteration (64 int8 dimensions × every creator, the hot path of a query that is only `like:`).
// - `Similarity/lookalike nearest`: `nearest(to:limit: 20, minimum: matchThreshold)`: the scan
//   plus the top 20.
// - `Similarity/overlap scan`: `OverlapEstimator.shares(sharedWith:into:)` for a reference
//   with a follower sample (the reference's 64 MinHash posting lists, then every creator).
// - `Similarity/overlap pair`: `share(of:sharedWith:)` for 1,000 random pairs (time per pair).
//
// The index: `$CREATORS_SIMILARITY_INDEX` (an index folder) if set, else the cached index of
// the 1M corpus with `CREATORS_BENCH_1M=1`, else of the 100k corpus (built once if missing).
// References follow a fixed pseudo-random sequence. The figures are warm: the first scan
// after opening also maps the pages in (one minor fault per 4 KiB page of the section).

import Benchmark
import BenchmarkSupport
import CreatorEngine
import Foundation

/// An open index and the reusable output buffer of the scans.
final class ScanState {
    let index: CreatorIndex
    var scores: [Float] = []
    /// Steps through documents in a fixed scattered order (Fibonacci hashing of a counter).
    private var step: UInt64 = 0
    /// Documents with a follower sample, the possible overlap references.
    let withSample: [Int]

    init() throws {
        let directory: IndexDirectory
        if let path = ProcessInfo.processInfo.environment["CREATORS_SIMILARITY_INDEX"] {
            directory = IndexDirectory(path: path)
        } else {
            let creators = ProcessInfo.processInfo.environment["CREATORS_BENCH_1M"] == "1" ? 1_000_000 : 100_000
            directory = try Corpus.index(creators: creators)
        }
        let index = try CreatorIndex(directory: directory)
        self.index = index
        withSample = (0..<index.documentCount).filter { index.overlap.hasSample($0) }
        // Touch the sections once, so the iterations measure warm scans.
        index.lookalike.similarities(to: 0, into: &scores)
        if let first = withSample.first { index.overlap.shares(sharedWith: first, into: &scores) }
    }

    func nextDocument() -> Int { Int(nextRandom() % UInt64(index.documentCount)) }
    func nextWithSample() -> Int { withSample[Int(nextRandom() % UInt64(withSample.count))] }

    private func nextRandom() -> UInt64 {
        step &+= 1
        return (step &* 0x9E37_79B9_7F4A_7C15) >> 11
    }
}

/// Prints the iterations' percentiles in milliseconds.
func percentiles(_ name: String, _ log: IterationLog) {
    let sorted = log.seconds.sorted()
    guard !sorted.isEmpty else { return }
    func at(_ share: Double) -> String { Report.fixed(sorted[min(sorted.count - 1, Int(Double(sorted.count) * share))] * 1000, 2) }
    Report.line("\(name) [\(log.subject)]: p50 \(at(0.5)) ms, p90 \(at(0.9)) ms, p99 \(at(0.99)) ms, max \(at(1)) ms over \(sorted.count) iterations")
}

/// Registers a benchmark that times `measured` on one reference an iteration (`reference`
/// picks it), records each time under `subject` and prints the percentiles at the end.
func timedPerReference<Result>(_ name: String, configuration: Benchmark.Configuration,
                               reference: @escaping @Sendable (ScanState) -> Int,
                               subject: @escaping @Sendable (ScanState) -> String,
                               _ measured: @escaping @Sendable (ScanState, Int) -> Result) {
    let log = IterationLog()
    Benchmark(name, configuration: configuration,
              closure: { _, state in
                  let chosen = reference(state)
                  var result: Result?
                  let elapsed = ContinuousClock().measure { result = measured(state, chosen) }
                  log.record(elapsed, subject: subject(state))
                  blackHole(result)
              },
              setup: { try ScanState() },
              teardown: { percentiles(name, log) })
}

let benchmarks: @Sendable () -> Void = {
    let configuration = Benchmark.Configuration(metrics: [.wallClock, .cpuTotal], warmupIterations: 10,
                                                maxDuration: .seconds(10), maxIterations: 2_000)

    timedPerReference("Similarity/lookalike scan", configuration: configuration,
                      reference: { $0.nextDocument() }, subject: { "\($0.index.documentCount) creators" }) { state, reference in
        state.index.lookalike.similarities(to: reference, into: &state.scores)
        return state.scores[reference]
    }
    timedPerReference("Similarity/lookalike matches", configuration: configuration, reference: { $0.nextDocument() },
                      subject: { "\($0.index.documentCount) creators, coarse pass \($0.index.lookalike.hasCoarseCopy ? "used" : "absent")" }) { state, reference in
        state.index.lookalike.similarities(to: reference, atLeast: Float(LookalikeVectors.matchThreshold)).documents.count
    }
    timedPerReference("Similarity/lookalike nearest", configuration: configuration,
                      reference: { $0.nextDocument() }, subject: { "\($0.index.documentCount) creators, top 20" }) { state, reference in
        state.index.lookalike.nearest(to: reference, limit: 20, minimum: LookalikeVectors.matchThreshold).count
    }
    timedPerReference("Similarity/overlap scan", configuration: configuration,
                      reference: { $0.nextWithSample() }, subject: { "\($0.index.documentCount) creators" }) { state, reference in
        state.index.overlap.shares(sharedWith: reference, into: &state.scores)
        return state.scores[reference]
    }

    Benchmark("Similarity/overlap pair",
              configuration: .init(metrics: [.wallClock, .throughput], warmupIterations: 3, scalingFactor: .kilo,
                                   maxDuration: .seconds(5), maxIterations: 1_000),
              closure: { benchmark, state in
                  var total = 0.0
                  for _ in benchmark.scaledIterations {
                      total += state.index.overlap.share(of: state.nextWithSample(), sharedWith: state.nextWithSample()) ?? 0
                  }
                  blackHole(total)
              },
              setup: { try ScanState() })
}
