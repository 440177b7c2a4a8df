// Throughput of the text analyser against the plain ICU pipeline, on the same texts.
//
// The analyser runs two ways. The index path, `TextAnalyzer.analyze(_:appendingTo:)`, is what
// `creators build` runs on every bio, caption and name: segmentation, per-token NFKC case
// folding, diacritics, Traditional → Simplified, emoji, hashtags, mentions, the folded terms
// appended to a reused `TermArena`. The query path, `analyze(_:into:)`, does the same and then
// makes a `String` per term (what a query needs, on a few words). `RawICUPipeline.countTokens`
// is the yardstick: UTF-8 → UTF-16 → NFKC_Casefold → word break iterator, counting words.
// The target is the analyser at ≥ 60 % of raw; the build's throughput is the index path's.
//
// Samples (one benchmark iteration analyses every text of the sample once):
// - bios: the real TIDES TikTok bios (`signature` column; mixed scripts, emoji), or the
//   generated captions when the shared data folder is absent;
// - cjk: generated bios and captions that are mostly Chinese, Japanese or Korean;
// - captions: generated post captions.
//
// Per sample: `Analyzer/<sample>` (query path), `AnalyzerIndexPath/<sample>` and
// `RawICU/<sample>` (wall clock, throughput, and a custom `text bytes/s` metric shown in
// M = MB/s), and `Ratio/<sample>`, which times the three alternately in one process (fair
// under a shared, noisy CPU) and reports each analyser path as a share of raw.

import Benchmark
import BenchmarkSupport
import CreatorText

let benchmarks: @Sendable () -> Void = {
    let textBytesPerSecond = BenchmarkMetric.custom("text bytes/s", polarity: .prefersLarger, useScalingFactor: false)
    let indexPathPercentOfRaw = BenchmarkMetric.custom("index path % of raw", polarity: .prefersLarger, useScalingFactor: false)
    let queryPathPercentOfRaw = BenchmarkMetric.custom("query path % of raw", polarity: .prefersLarger, useScalingFactor: false)
    let indexPathBytesPerSecond = BenchmarkMetric.custom("index path bytes/s", polarity: .prefersLarger, useScalingFactor: false)
    let queryPathBytesPerSecond = BenchmarkMetric.custom("query path bytes/s", polarity: .prefersLarger, useScalingFactor: false)
    let rawBytesPerSecond = BenchmarkMetric.custom("raw ICU bytes/s", polarity: .prefersLarger, useScalingFactor: false)

    let throughputConfiguration = Benchmark.Configuration(
        metrics: [.wallClock, .throughput, .cpuTotal, textBytesPerSecond],
        units: [textBytesPerSecond: .mega],
        warmupIterations: 1,
        maxDuration: .seconds(10),
        maxIterations: 20
    )
    let ratioConfiguration = Benchmark.Configuration(
        metrics: [indexPathPercentOfRaw, queryPathPercentOfRaw, indexPathBytesPerSecond, queryPathBytesPerSecond,
                  rawBytesPerSecond],
        units: [indexPathBytesPerSecond: .mega, queryPathBytesPerSecond: .mega, rawBytesPerSecond: .mega],
        warmupIterations: 0,
        maxDuration: .seconds(60),
        maxIterations: 3
    )

    /// `<name>/<sample>`: one pipeline alone, over every text of the sample each iteration.
    func throughputBenchmark(_ name: String, label: String, kind: SampleKind,
                             makeRunner: @escaping @Sendable () -> (TextSample) -> Int) {
        let log = IterationLog()
        Benchmark(
            "\(name)/\(kind.rawValue)",
            configuration: throughputConfiguration,
            closure: { benchmark, sample in
                let run = makeRunner()
                benchmark.startMeasurement()
                let elapsed = ContinuousClock().measure { blackHole(run(sample)) }
                benchmark.stopMeasurement()
                log.record(elapsed, bytes: sample.bytes, subject: sample.summary)
                benchmark.measurement(textBytesPerSecond, Int(Double(sample.bytes) / elapsed.inSeconds))
            },
            setup: { try kind.load() },
            teardown: { printThroughput(label, kind: kind, log: log) }
        )
    }

    for kind in SampleKind.allCases {
        throughputBenchmark("Analyzer", label: "TextAnalyzer (query path)", kind: kind) {
            guard let analyzer = try? TextAnalyzer() else { fatalError("TextAnalyzer() failed") }
            return { runAnalyzer(analyzer, over: $0) }
        }
        throughputBenchmark("AnalyzerIndexPath", label: "TextAnalyzer (index path)", kind: kind) {
            guard let analyzer = try? TextAnalyzer() else { fatalError("TextAnalyzer() failed") }
            return { runIndexPath(analyzer, over: $0) }
        }
        throughputBenchmark("RawICU", label: "RawICUPipeline", kind: kind) {
            guard let raw = try? RawICUPipeline() else { fatalError("RawICUPipeline() failed") }
            return { runRaw(raw, over: $0) }
        }

        // Every round of every iteration, for the closing line.
        let allRounds = (indexPath: IterationLog(), queryPath: IterationLog(), raw: IterationLog())
        Benchmark(
            "Ratio/\(kind.rawValue)",
            configuration: ratioConfiguration,
            closure: { benchmark, sample in
                guard let analyzer = try? TextAnalyzer(), let raw = try? RawICUPipeline() else {
                    fatalError("making the analysers failed")
                }
                let rounds = (indexPath: IterationLog(), queryPath: IterationLog(), raw: IterationLog())
                let clock = ContinuousClock()
                // Alternate, so that a burst of load from other users hits every side alike.
                for _ in 0..<5 {
                    let indexPathTime = clock.measure { blackHole(runIndexPath(analyzer, over: sample)) }
                    let queryPathTime = clock.measure { blackHole(runAnalyzer(analyzer, over: sample)) }
                    let rawTime = clock.measure { blackHole(runRaw(raw, over: sample)) }
                    record(indexPathTime, of: sample, in: rounds.indexPath, allRounds.indexPath)
                    record(queryPathTime, of: sample, in: rounds.queryPath, allRounds.queryPath)
                    record(rawTime, of: sample, in: rounds.raw, allRounds.raw)
                }
                guard let indexPathRate = rounds.indexPath.megabytesPerSecond?.median,
                      let queryPathRate = rounds.queryPath.megabytesPerSecond?.median,
                      let rawRate = rounds.raw.megabytesPerSecond?.median else { return }
                benchmark.measurement(indexPathPercentOfRaw, Int((100 * indexPathRate / rawRate).rounded()))
                benchmark.measurement(queryPathPercentOfRaw, Int((100 * queryPathRate / rawRate).rounded()))
                benchmark.measurement(indexPathBytesPerSecond, Int(indexPathRate * 1e6))
                benchmark.measurement(queryPathBytesPerSecond, Int(queryPathRate * 1e6))
                benchmark.measurement(rawBytesPerSecond, Int(rawRate * 1e6))
            },
            setup: { try kind.load() },
            teardown: {
                guard let indexPathRate = allRounds.indexPath.megabytesPerSecond?.median,
                      let queryPathRate = allRounds.queryPath.megabytesPerSecond?.median,
                      let rawRate = allRounds.raw.megabytesPerSecond?.median else { return }
                Report.line("Ratio/\(kind.rawValue) [\(allRounds.raw.subject)], medians of \(allRounds.raw.seconds.count) "
                    + "alternating runs: index path \(Report.fixed(indexPathRate)) MB/s "
                    + "(\(Report.fixed(100 * indexPathRate / rawRate, 0)) % of raw), query path "
                    + "\(Report.fixed(queryPathRate)) MB/s (\(Report.fixed(100 * queryPathRate / rawRate, 0)) %), "
                    + "raw ICU \(Report.fixed(rawRate)) MB/s (target ≥ 60 %)")
            }
        )
    }
}

/// Records one timing of the whole sample in each of `logs`.
func record(_ time: Duration, of sample: TextSample, in logs: IterationLog...) {
    for log in logs { log.record(time, bytes: sample.bytes, subject: sample.summary) }
}

/// Analyses every text of the sample as the index build does, into one reused arena (no
/// `String` per term); returns the term count so that the work cannot be optimised away.
func runIndexPath(_ analyzer: TextAnalyzer, over sample: TextSample) -> Int {
    var arena = TermArena()
    var count = 0
    for text in sample.texts {
        arena.removeAll()
        analyzer.analyze(text, appendingTo: &arena)
        count += arena.count
    }
    return count
}

/// Analyses every text of the sample as a query does, with one reused term array (a
/// `String` per term); returns the term count so that the work cannot be optimised away.
func runAnalyzer(_ analyzer: TextAnalyzer, over sample: TextSample) -> Int {
    var terms: [AnalyzedTerm] = []
    terms.reserveCapacity(256)
    var count = 0
    for text in sample.texts {
        analyzer.analyze(text, into: &terms)
        count += terms.count
    }
    return count
}

/// Runs the raw ICU pipeline over every text of the sample; returns the word count.
func runRaw(_ raw: RawICUPipeline, over sample: TextSample) -> Int {
    var count = 0
    for text in sample.texts { count += raw.countTokens(text) }
    return count
}

func printThroughput(_ what: String, kind: SampleKind, log: IterationLog) {
    guard let rates = log.megabytesPerSecond else { return }
    Report.line("\(what) on \(kind.rawValue) [\(log.subject)]: median \(Report.fixed(rates.median)) MB/s, "
        + "best \(Report.fixed(rates.best)) MB/s over \(log.seconds.count) iterations")
}
