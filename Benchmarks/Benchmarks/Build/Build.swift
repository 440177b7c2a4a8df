// The whole index build from a raw generated dump: `IndexBuild.run` reading, parsing,
// validating, analysing and merging every line, then writing and publishing the index.
//
// - `Build/100k`: 100,000 creators (~430 MB of dump), 3 iterations.
// - `Build/1M`: 1,000,000 creators (~4.3 GB), one iteration; skipped unless
//   `CREATORS_BENCH_1M=1` is set, because generating its dump and building it take minutes.
//
// Each iteration builds into a fresh folder under the cache folder, removed afterwards.
// Metrics: wall clock, CPU, peak resident memory (sampled by package-benchmark), and custom
// ones: dump bytes/s (M = MB/s), lines/s, index size in ‰ of the dump. The same figures
// are printed plainly, with the peak resident memory Linux records (VmHWM) and the largest
// sections of the index.

import Benchmark
import BenchmarkSupport
import CreatorEngine
import Foundation

let benchmarks: @Sendable () -> Void = {
    let dumpBytesPerSecond = BenchmarkMetric.custom("dump bytes/s", polarity: .prefersLarger, useScalingFactor: false)
    let linesPerSecond = BenchmarkMetric.custom("lines/s", polarity: .prefersLarger, useScalingFactor: false)
    let indexPerMilleOfDump = BenchmarkMetric.custom("index ‰ of dump", polarity: .prefersSmaller, useScalingFactor: false)
    let metrics: [BenchmarkMetric] = [.wallClock, .cpuTotal, .peakMemoryResident, dumpBytesPerSecond, linesPerSecond,
                                      indexPerMilleOfDump]
    let units: [BenchmarkMetric: BenchmarkUnits] = [dumpBytesPerSecond: .mega, linesPerSecond: .kilo,
                                                    .peakMemoryResident: .mega]
    let includeMillion = ProcessInfo.processInfo.environment["CREATORS_BENCH_1M"] == "1"

    for corpus in [(name: "100k", creators: 100_000, iterations: 3, skip: false),
                   (name: "1M", creators: 1_000_000, iterations: 1, skip: !includeMillion)] {
        let report = DeferredReport()
        Benchmark(
            "Build/\(corpus.name)",
            configuration: .init(
                metrics: metrics,
                timeUnits: .seconds,
                units: units,
                warmupIterations: 0,
                maxDuration: .seconds(600),
                maxIterations: corpus.iterations,
                skip: corpus.skip
            ),
            closure: { benchmark, dumpPath in
                let dumpBytes = BenchmarkPaths.fileSize(dumpPath)
                let scratch: String
                do { scratch = try BenchmarkPaths.freshScratchDirectory(prefix: "build-\(corpus.name)") } catch {
                    fatalError("cannot make a scratch folder: \(error)")
                }
                defer { BenchmarkPaths.remove(scratch) }
                let options = BuildOptions(paths: [dumpPath], directory: IndexDirectory(path: scratch))
                ResidentMemory.resetPeak()
                let baseline = ResidentMemory.current ?? 0

                benchmark.startMeasurement()
                let summary: BuildSummary
                do { summary = try IndexBuild.run(options) } catch { fatalError("build failed: \(error)") }
                benchmark.stopMeasurement()

                let peak = ResidentMemory.peak ?? 0
                let seconds = summary.seconds
                benchmark.measurement(dumpBytesPerSecond, Int(Double(summary.bytesRead) / seconds))
                benchmark.measurement(linesPerSecond, Int(Double(summary.linesRead) / seconds))
                benchmark.measurement(indexPerMilleOfDump, Int((1000 * Double(summary.indexBytes) / Double(max(1, dumpBytes))).rounded()))
                report.add("Build/\(corpus.name): \(summary.linesRead) lines (\(summary.accepted) accepted, "
                    + "\(summary.rejected) rejected, \(summary.superseded) superseded), dump \(Report.mebibytes(dumpBytes)), "
                    + "\(Report.fixed(seconds, 2)) s, \(Report.fixed(Report.megabytesPerSecond(bytes: summary.bytesRead, seconds: seconds))) MB/s, "
                    + "\(Int(Double(summary.linesRead) / seconds)) lines/s, peak RSS \(Report.mebibytes(peak)) "
                    + "(\(Report.mebibytes(baseline)) before), index \(Report.mebibytes(summary.indexBytes)) = "
                    + "\(Report.fixed(100 * Double(summary.indexBytes) / Double(max(1, dumpBytes)), 1)) % of the dump, "
                    + "\(options.workers) workers")
                if let file = try? IndexFile(path: summary.indexPath) {
                    let largest = file.sections.values.sorted { $0.length > $1.length }.prefix(8)
                    report.add("Build/\(corpus.name) largest index sections: " + largest.map {
                        "\($0.name) \(Report.mebibytes($0.length))"
                    }.joined(separator: ", "))
                }
            },
            setup: { try Corpus.dump(creators: corpus.creators) },
            teardown: { report.flush() }
        )
    }
}
