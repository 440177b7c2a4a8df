// Throughput of the text analyser against the plain ICU pipeline, on the same texts.
//
// `TextAnalyzer.analyze(_:into:)` does what indexing needs (segmentation, per-token NFKC
// case folding, diacritics, Traditional → Simplified, emoji, hashtags, mentions, term
// strings); `RawICUPipeline.countTokens` is the yardstick: UTF-8 → UTF-16 → NFKC_Casefold →
// word break iterator, counting words. The target is analyser ≥ 60 % of raw.
//
// Samples (one benchmark iteration analyses every text of the sample once):
// - bios: the real TIDES TikTok bios (`signature` column; mixed scripts, emoji), or the
//   generated captions when the shared data folder is absent;
// - cjk: generated bios and captions that are mostly Chinese, Japanese or Korean;
// - captions: generated post captions.
//
// Per sample: `Analyzer/<sample>` and `RawICU/<sample>` (wall clock, throughput, and a
// custom `text bytes/s` metric shown in M = MB/s), and `Ratio/<sample>`, which times the
// two alternately in one process (fair under a shared, noisy CPU) and reports analyser/raw.

import Benchmark
import BenchmarkSupport
import CreatorText

let benchmarks: @Sendable () -> Void = {
    let textBytesPerSecond = BenchmarkMetric.custom("text bytes/s", polarity: .prefersLarger, useScalingFactor: false)
    let analyserPercentOfRaw = BenchmarkMetric.custom("analyser % of raw", polarity: .prefersLarger, useScalingFactor: false)
    let analyserBytesPerSecond = BenchmarkMetric.custom("analyser bytes/s", polarity: .prefersLarger, useScalingFactor: false)
    let rawBytesPerSecond = BenchmarkMetric.custom("raw ICU bytes/s", polarity: .prefersLarger, useScalingFactor: false)

    let throughputConfiguration = Benchmark.Configuration(
        metrics: [.wallClock, .throughput, .cpuTotal, textBytesPerSecond],
        units: [textBytesPerSecond: .mega],
        warmupIterations: 1,
        maxDuration: .seconds(10),
        maxIterations: 20
    )
    let ratioConfiguration = Benchmark.Configuration(
        metrics: [analyserPercentOfRaw, analyserBytesPerSecond, rawBytesPerSecond],
        units: [analyserBytesPerSecond: .mega, rawBytesPerSecond: .mega],
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
        throughputBenchmark("Analyzer", label: "TextAnalyzer", kind: kind) {
            guard let analyzer = try? TextAnalyzer() else { fatalError("TextAnalyzer() failed") }
            return { runAnalyzer(analyzer, over: $0) }
        }
        throughputBenchmark("RawICU", label: "RawICUPipeline", kind: kind) {
            guard let raw = try? RawICUPipeline() else { fatalError("RawICUPipeline() failed") }
            return { runRaw(raw, over: $0) }
        }

        let ratioAnalyserLog = IterationLog(), ratioRawLog = IterationLog()
        Benchmark(
            "Ratio/\(kind.rawValue)",
            configuration: ratioConfiguration,
            closure: { benchmark, sample in
                guard let analyzer = try? TextAnalyzer(), let raw = try? RawICUPipeline() else {
                    fatalError("making the analysers failed")
                }
                let analyserLog = IterationLog(), rawLog = IterationLog()
                let clock = ContinuousClock()
                // Alternate, so that a burst of load from other users hits both sides alike.
                for _ in 0..<5 {
                    let analyserTime = clock.measure { blackHole(runAnalyzer(analyzer, over: sample)) }
                    let rawTime = clock.measure { blackHole(runRaw(raw, over: sample)) }
                    for (log, time) in [(analyserLog, analyserTime), (ratioAnalyserLog, analyserTime), (rawLog, rawTime), (ratioRawLog, rawTime)] {
                        log.record(time, bytes: sample.bytes, subject: sample.summary)
                    }
                }
                guard let analyserRate = analyserLog.megabytesPerSecond?.median,
                      let rawRate = rawLog.megabytesPerSecond?.median else { return }
                benchmark.measurement(analyserPercentOfRaw, Int((100 * analyserRate / rawRate).rounded()))
                benchmark.measurement(analyserBytesPerSecond, Int(analyserRate * 1e6))
                benchmark.measurement(rawBytesPerSecond, Int(rawRate * 1e6))
            },
            setup: { try kind.load() },
            teardown: {
                guard let analyserRate = ratioAnalyserLog.megabytesPerSecond?.median,
                      let rawRate = ratioRawLog.megabytesPerSecond?.median else { return }
                Report.line("Ratio/\(kind.rawValue) [\(ratioAnalyserLog.subject)], medians of \(ratioAnalyserLog.seconds.count) "
                    + "alternating runs: analyser \(Report.fixed(analyserRate)) MB/s, raw ICU \(Report.fixed(rawRate)) MB/s, "
                    + "analyser/raw \(Report.fixed(100 * analyserRate / rawRate, 0)) % (target ≥ 60 %)")
            }
        )
    }
}

/// Analyses every text of the sample with one reused term array; returns the term count so
/// that the work cannot be optimised away.
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
